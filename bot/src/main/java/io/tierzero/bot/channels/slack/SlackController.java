package io.tierzero.bot.channels.slack;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.ObjectMapper;
import io.swagger.v3.oas.annotations.Hidden;
import io.tierzero.bot.channels.ChannelEvents;
import jakarta.inject.Named;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's Events API and interactivity over HTTP. Every request must carry a valid signature of
 * its raw body and a timestamp under 5 minutes old (else 401). The answer is immediate (Slack
 * retries after 3 seconds); the turn runs afterwards and replies through {@code chat.postMessage}.
 * A retried event (same {@code event_id}, with {@code X-Slack-Retry-Num}) is answered 200 and
 * not run again.
 */
@Controller("/channels/slack")
@Requires(beans = SlackAdapter.class)
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class SlackController {
  private static final Logger LOG = LoggerFactory.getLogger(SlackController.class);
  /** {@code <@U123>}: a mention, which the bot's own name needs taken out of the question. */
  private static final Pattern MENTION = Pattern.compile("<@[A-Z0-9]+>");

  private final SlackSignature signature;
  private final SlackAdapter adapter;
  private final ChannelEvents events;
  private final ObjectMapper json;
  private final ExecutorService executor;

  SlackController(
      SlackConfiguration config,
      SlackAdapter adapter,
      ChannelEvents events,
      ObjectMapper json,
      @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
    this.signature = new SlackSignature(config.signingSecret(), Clock.systemUTC());
    this.adapter = adapter;
    this.events = events;
    this.json = json;
    this.executor = executor;
  }

  @Post("/events")
  @Consumes(MediaType.APPLICATION_JSON)
  HttpResponse<?> event(
      @Header(SlackSignature.TIMESTAMP) @Nullable String timestamp,
      @Header(SlackSignature.SIGNATURE) @Nullable String signed,
      @Body byte[] body) {
    if (!signature.verify(timestamp, signed, body)) return unsigned();
    JsonNode payload;
    try {
      payload = json.readValue(body, JsonNode.class);
    } catch (IOException e) {
      return HttpResponse.badRequest(Map.of("message", "The body is not JSON"));
    }
    var type = SlackApi.text(payload, "type");
    if ("url_verification".equals(type)) {
      return HttpResponse.ok(Map.of("challenge", String.valueOf(SlackApi.text(payload, "challenge"))));
    }
    if (!"event_callback".equals(type)) return HttpResponse.ok();
    var eventId = SlackApi.text(payload, "event_id");
    var event = payload.get("event");
    if (eventId == null || event == null) return HttpResponse.badRequest(Map.of("message", "An event_callback needs event_id and event"));
    if (!events.firstDelivery(SlackAdapter.NAME, eventId)) {
      LOG.info("Slack event {} delivered again: already taken", eventId);
      return HttpResponse.ok();
    }
    var team = SlackApi.text(payload, "team_id");
    executor.execute(() -> run(() -> onEvent(team == null ? "" : team, event)));
    return HttpResponse.ok();
  }

  @Post("/interactions")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> interaction(
      @Header(SlackSignature.TIMESTAMP) @Nullable String timestamp,
      @Header(SlackSignature.SIGNATURE) @Nullable String signed,
      @Body byte[] body) {
    if (!signature.verify(timestamp, signed, body)) return unsigned();
    var form = new String(body, StandardCharsets.UTF_8);
    String raw = null;
    for (var pair : form.split("&")) {
      if (pair.startsWith("payload=")) raw = URLDecoder.decode(pair.substring(8), StandardCharsets.UTF_8);
    }
    JsonNode payload;
    try {
      payload = raw == null ? null : json.readValue(raw, JsonNode.class);
    } catch (IOException e) {
      payload = null;
    }
    if (payload == null) return HttpResponse.badRequest(Map.of("message", "Expected a form field payload holding JSON"));
    if (!"block_actions".equals(SlackApi.text(payload, "type"))) return HttpResponse.ok();
    var user = SlackApi.text(payload.get("user"), "id");
    var actions = payload.get("actions");
    if (user == null || actions == null || !actions.isArray() || actions.size() == 0) return HttpResponse.ok();
    var action = actions.get(0);
    var actionId = SlackApi.text(action, "action_id");
    var value = SlackApi.text(action, "value");
    // A link button (the secret page) opens in the browser; Slack still reports the click.
    if (actionId == null || value == null) return HttpResponse.ok();
    executor.execute(() -> run(() -> adapter.click(user, actionId, value)));
    return HttpResponse.ok();
  }

  private void onEvent(String team, JsonNode event) {
    var type = SlackApi.text(event, "type");
    var user = SlackApi.text(event, "user");
    var channel = SlackApi.text(event, "channel");
    var text = SlackApi.text(event, "text");
    // Edits, joins and bots' messages (our own replies among them) have a subtype or a bot_id.
    if (user == null || channel == null || text == null || event.get("subtype") != null || event.get("bot_id") != null) return;
    var ts = SlackApi.text(event, "ts");
    var threadTs = SlackApi.text(event, "thread_ts");
    var channelType = SlackApi.text(event, "channel_type");
    var question = MENTION.matcher(text).replaceAll(" ").strip();
    if (question.isEmpty()) return;
    if ("app_mention".equals(type)) {
      adapter.message(new SlackAdapter.Origin(team, channel, false, threadTs != null ? threadTs : ts, user), question, true);
    } else if ("message".equals(type) && "im".equals(channelType)) {
      adapter.message(new SlackAdapter.Origin(team, channel, true, null, user), question, true);
    } else if ("message".equals(type) && threadTs != null && !MENTION.matcher(text).find()) {
      // A follow-up in a thread the bot is in; one that mentions the bot arrives as app_mention too.
      adapter.message(new SlackAdapter.Origin(team, channel, false, threadTs, user), question, false);
    }
  }

  private static void run(Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      LOG.warn("Slack event not answered: {}", e.toString());
    }
  }

  private static HttpResponse<?> unsigned() {
    return HttpResponse.status(HttpStatus.UNAUTHORIZED)
        .body(Map.of("message", "Not a request from Slack: the signature or its timestamp (at most 5 minutes old) is wrong"));
  }
}
