package io.tierzero.bot.channels.teams;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot Framework messaging endpoint: the connector posts activities here, each with a bearer JWT
 * ({@link BotFrameworkTokenVerifier}; else 401). The answer is immediate; the turn runs afterwards
 * and replies through the connector. Handled: {@code message} (typed text, or the data of a card's
 * {@code Action.Submit} in {@code value}) and {@code conversationUpdate} (the bot was added: a
 * welcome). Other activities (typing, reactions, installs) are answered 200 and left. A redelivered
 * activity (same conversation and activity id) is answered 200 and not run again.
 */
@Controller("/channels/teams")
@Requires(beans = TeamsAdapter.class)
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class TeamsController {
  private static final Logger LOG = LoggerFactory.getLogger(TeamsController.class);

  /** {@code <at>Bot</at>}: a mention, which the bot's own name needs taken out of the question. */
  private static final Pattern MENTION = Pattern.compile("<at>[^<]*</at>");

  private final BotFrameworkTokenVerifier verifier;
  private final TeamsAdapter adapter;
  private final ChannelEvents events;
  private final ObjectMapper json;
  private final ExecutorService executor;

  TeamsController(
      TeamsConfiguration config,
      TeamsAdapter adapter,
      ChannelEvents events,
      ObjectMapper json,
      @Named(TaskExecutors.BLOCKING) ExecutorService executor,
      Clock clock) {
    var http = HttpClient.newBuilder().connectTimeout(BotFrameworkKeys.TIMEOUT).build();
    this.verifier =
        new BotFrameworkTokenVerifier(
            new BotFrameworkKeys(config.openidMetadataUrl(), http, clock), config.appId(), clock);
    this.adapter = adapter;
    this.events = events;
    this.json = json;
    this.executor = executor;
  }

  @Post("/messages")
  @Consumes(MediaType.APPLICATION_JSON)
  HttpResponse<?> activity(
      @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization, @Body byte[] body) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7))
      return unauthorized("no bearer token");
    JsonNode activity;
    try {
      activity = json.readValue(body, JsonNode.class);
    } catch (IOException e) {
      activity = null;
    }
    if (activity == null || !activity.isObject())
      return HttpResponse.badRequest(Map.of("message", "The body is not a JSON activity"));
    var serviceUrl = TeamsConnector.text(activity, "serviceUrl");
    var refusal =
        verifier.refusal(authorization, serviceUrl, TeamsConnector.text(activity, "channelId"));
    if (refusal.isPresent()) return unauthorized(refusal.get());

    var type = TeamsConnector.text(activity, "type");
    if (!"message".equals(type) && !"conversationUpdate".equals(type)) return HttpResponse.ok();
    var id = TeamsConnector.text(activity, "id");
    var conversation = TeamsConnector.text(activity.get("conversation"), "id");
    var from = TeamsConnector.text(activity.get("from"), "id");
    if (id == null || conversation == null || from == null) {
      return HttpResponse.badRequest(
          Map.of("message", "A " + type + " activity needs id, conversation.id and from.id"));
    }
    var origin =
        new TeamsAdapter.Origin(
            serviceUrl,
            conversation,
            !"channel".equals(TeamsConnector.text(activity.get("conversation"), "conversationType"))
                && !isTrue(activity.get("conversation"), "isGroup"),
            id,
            from,
            TeamsConnector.text(activity.get("from"), "aadObjectId"));
    // Activity ids are unique within a conversation only (in channels they are timestamps).
    if (!events.firstDelivery(TeamsAdapter.NAME, sha256(conversation + "|" + id))) {
      LOG.info("Teams activity delivered again: already taken");
      return HttpResponse.ok();
    }
    if ("conversationUpdate".equals(type)) {
      if (botAdded(activity)) executor.execute(() -> run(() -> adapter.welcome(origin)));
      return HttpResponse.ok();
    }
    var value = activity.get("value");
    if (value != null && value.isObject() && value.get("tz") != null) {
      var data = strings(value);
      executor.execute(() -> run(() -> adapter.submit(origin, data)));
      return HttpResponse.ok();
    }
    var text = TeamsConnector.text(activity, "text");
    if (text == null) return HttpResponse.ok();
    var question = MENTION.matcher(text).replaceAll(" ").replace("&nbsp;", " ").strip();
    if (!question.isEmpty()) executor.execute(() -> run(() -> adapter.message(origin, question)));
    return HttpResponse.ok();
  }

  /**
   * Whether the members added include the bot itself (the activity's recipient), not someone else
   * joining.
   */
  private static boolean botAdded(JsonNode activity) {
    var bot = TeamsConnector.text(activity.get("recipient"), "id");
    var added = activity.get("membersAdded");
    if (bot == null || added == null || !added.isArray()) return false;
    for (var member : added.values()) {
      if (bot.equals(TeamsConnector.text(member, "id"))) return true;
    }
    return false;
  }

  private static Map<String, String> strings(JsonNode object) {
    var map = new HashMap<String, String>();
    for (var entry : object.entries()) {
      if (entry.getValue().isString()) map.put(entry.getKey(), entry.getValue().getStringValue());
    }
    return map;
  }

  private static boolean isTrue(@Nullable JsonNode node, String field) {
    var value = node == null ? null : node.get(field);
    return value != null && value.isBoolean() && value.getBooleanValue();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }

  private static void run(Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      LOG.warn("Teams activity not answered: {}", e.toString());
    }
  }

  private static HttpResponse<?> unauthorized(String why) {
    LOG.info("Teams activity refused: {}", why);
    return HttpResponse.status(HttpStatus.UNAUTHORIZED)
        .body(
            Map.of(
                "message",
                "Not an activity from the Bot Connector: a valid bearer token for this bot, naming"
                    + " the activity's serviceUrl, is required"));
  }
}
