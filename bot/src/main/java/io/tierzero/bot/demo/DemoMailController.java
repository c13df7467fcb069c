package io.tierzero.bot.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tierzero.bot.Application;
import java.util.List;

/**
 * The embedded demo mailbox for agents: what the bot "sent", verification codes included, so a demo
 * can be run end to end without a mail system. Under {@code /api/agent/**}, so only signed-in
 * agents (HTTP Basic) read it; it exists only in the demo environment, with the embedded server.
 */
@Controller("/api/agent/demo-mail")
@Requires(env = Application.DEMO_ENVIRONMENT)
@Requires(beans = EmbeddedMailServer.class)
@Tag(name = "agents")
class DemoMailController {
  private final EmbeddedMailServer server;

  DemoMailController(EmbeddedMailServer server) {
    this.server = server;
  }

  @Operation(
      summary =
          "Demo only: mail the embedded SMTP server received, newest first; ?to= filters by"
              + " recipient")
  @Get
  List<ReceivedMail> received(@QueryValue @Nullable String to) {
    var all = server.received();
    if (to == null || to.isBlank()) return all;
    return all.stream()
        .filter(m -> m.to().stream().anyMatch(r -> r.equalsIgnoreCase(to.strip())))
        .toList();
  }
}
