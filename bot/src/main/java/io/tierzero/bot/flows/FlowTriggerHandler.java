package io.tierzero.bot.flows;

import io.micronaut.core.annotation.Order;
import io.tierzero.bot.chat.Handler;
import io.tierzero.bot.chat.HandlerOrder;
import io.tierzero.bot.chat.Reply;
import io.tierzero.bot.chat.Texts;
import io.tierzero.bot.chat.TurnContext;
import io.tierzero.kb.flow.Flow;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Starts a flow from an article's "Fix it for me" button, which sends {@value #START_PREFIX} and
 * the flow's id (e.g. "start flow password-reset"), text a user could also type. What people write
 * in their own words ("lost my pwd") is the turn's decision, over the flows' triggers ({@code
 * io.tierzero.bot.intents.IntentHandler}).
 */
@Singleton
@Order(HandlerOrder.FLOW_TRIGGER)
public final class FlowTriggerHandler implements Handler {
  /** The message a "Fix it for me" button sends, followed by the flow id. */
  public static final String START_PREFIX = "start flow ";

  private final FlowCatalog catalog;
  private final FlowEngine engine;

  FlowTriggerHandler(FlowCatalog catalog, FlowEngine engine) {
    this.catalog = catalog;
    this.engine = engine;
  }

  /** The message that starts {@code flowId}, for buttons. */
  public static String startMessage(String flowId) {
    return START_PREFIX + flowId;
  }

  @Override
  public boolean canHandle(TurnContext context) {
    return flow(context).isPresent();
  }

  @Override
  public List<Reply> handle(TurnContext context) {
    return engine.start(context.conversationId(), flow(context).orElseThrow());
  }

  private Optional<Flow> flow(TurnContext context) {
    var normalized = context.normalized();
    var prefix = Texts.normalize(START_PREFIX) + " ";
    if (normalized.startsWith(prefix)) {
      var wanted = normalized.substring(prefix.length());
      var byId =
          catalog.all().stream().filter(f -> Texts.normalize(f.id()).equals(wanted)).findFirst();
      if (byId.isPresent()) return byId;
    }
    return Optional.empty();
  }
}
