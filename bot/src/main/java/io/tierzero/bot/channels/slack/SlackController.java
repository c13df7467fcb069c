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
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.ObjectMapper;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * Slack's Events API and interactivity over HTTP. Every request must carry a valid signature of its
 * raw body and a timestamp under 5 minutes old (else 401). The answer is immediate (Slack retries
 * after 3 seconds); the turn runs afterwards and replies through {@code chat.postMessage}. A
 * retried event (same {@code event_id}, with {@code X-Slack-Retry-Num}) is answered 200 and not run
 * again.
 */
@Controller("/channels/slack")
@Requires(beans = SlackEvents.class)
@Requires(property = SlackConfiguration.PREFIX + ".signing-secret")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class SlackController {
  private final SlackSignature signature;
  private final SlackEvents events;
  private final ObjectMapper json;

  SlackController(SlackConfiguration config, SlackEvents events, ObjectMapper json, Clock clock) {
    this.signature = new SlackSignature(config.signingSecret(), clock);
    this.events = events;
    this.json = json;
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
      return HttpResponse.ok(
          Map.of("challenge", String.valueOf(SlackApi.text(payload, "challenge"))));
    }
    if (!SlackEvents.isEventCallback(payload)) return HttpResponse.ok();
    if (!events.eventCallback(payload)) {
      return HttpResponse.badRequest(
          Map.of("message", "An event_callback needs event_id and event"));
    }
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
      if (pair.startsWith("payload="))
        raw = URLDecoder.decode(pair.substring(8), StandardCharsets.UTF_8);
    }
    JsonNode payload;
    try {
      payload = raw == null ? null : json.readValue(raw, JsonNode.class);
    } catch (IOException e) {
      payload = null;
    }
    if (payload == null)
      return HttpResponse.badRequest(
          Map.of("message", "Expected a form field payload holding JSON"));
    events.interaction(payload);
    return HttpResponse.ok();
  }

  private static HttpResponse<?> unsigned() {
    return HttpResponse.status(HttpStatus.UNAUTHORIZED)
        .body(
            Map.of(
                "message",
                "Not a request from Slack: the signature or its timestamp (at most 5 minutes old)"
                    + " is wrong"));
  }
}
