package io.tierzero.bot.redirect;

import io.micronaut.core.annotation.Order;
import io.tierzero.bot.chat.Handler;
import io.tierzero.bot.chat.HandlerOrder;
import io.tierzero.bot.chat.Reply;
import io.tierzero.bot.chat.Texts;
import io.tierzero.bot.chat.TurnContext;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Questions that are not IT (pay, holidays, building access) go to the team that can answer them
 * instead of to the knowledge base, which would otherwise find its least-bad article.
 */
@Singleton
@Order(HandlerOrder.REDIRECT)
public final class RedirectHandler implements Handler {
  private record Matcher(RedirectTopic topic, Pattern pattern) {}

  private final List<Matcher> topics;

  public RedirectHandler(List<RedirectTopic> topics) {
    this.topics =
        topics.stream()
            .filter(t -> t.keywords() != null && t.reply() != null)
            .map(t -> new Matcher(t, Texts.anyPhrase(t.keywords())))
            .toList();
  }

  @Override
  public boolean canHandle(TurnContext context) {
    return topic(context).isPresent();
  }

  @Override
  public List<Reply> handle(TurnContext context) {
    return List.of(Reply.text(topic(context).orElseThrow().reply()));
  }

  private Optional<RedirectTopic> topic(TurnContext context) {
    for (var m : topics) {
      if (m.pattern().matcher(context.normalized()).find()) return Optional.of(m.topic());
    }
    return Optional.empty();
  }
}
