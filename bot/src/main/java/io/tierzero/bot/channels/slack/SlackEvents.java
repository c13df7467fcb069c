package io.tierzero.bot.channels.slack;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.tierzero.bot.channels.ChannelEvents;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Slack sends, however it arrives (signed HTTP requests or Socket Mode envelopes): events
 * become chat turns, button clicks become answers. Both are taken at once and run afterwards, so
 * Slack gets its acknowledgement within its 3 seconds; an event seen before (same {@code event_id},
 * on any instance) is not run again.
 */
@Singleton
@Requires(beans = SlackAdapter.class)
class SlackEvents {
  private static final Logger LOG = LoggerFactory.getLogger(SlackEvents.class);

  /** {@code <@U123>}: a mention, which the bot's own name needs taken out of the question. */
  private static final Pattern MENTION = Pattern.compile("<@[A-Z0-9]+>");

  private final SlackAdapter adapter;
  private final ChannelEvents events;
  private final ExecutorService executor;

  SlackEvents(
      SlackAdapter adapter,
      ChannelEvents events,
      @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
    this.adapter = adapter;
    this.events = events;
    this.executor = executor;
  }

  /**
   * An {@code event_callback}; false when it lacks {@code event_id} or {@code event}. A repeated
   * delivery is accepted and ignored.
   */
  boolean eventCallback(JsonNode payload) {
    var eventId = SlackApi.text(payload, "event_id");
    var event = payload.get("event");
    if (eventId == null || event == null) return false;
    if (!events.firstDelivery(SlackAdapter.NAME, eventId)) {
      LOG.info("Slack event {} delivered again: already taken", eventId);
      return true;
    }
    var team = SlackApi.text(payload, "team_id");
    executor.execute(() -> run(() -> onEvent(team == null ? "" : team, event)));
    return true;
  }

  /** An interaction payload: a {@code block_actions} click is answered, anything else ignored. */
  void interaction(JsonNode payload) {
    if (!"block_actions".equals(SlackApi.text(payload, "type"))) return;
    var user = SlackApi.text(payload.get("user"), "id");
    var actions = payload.get("actions");
    if (user == null || actions == null || !actions.isArray() || actions.size() == 0) return;
    var action = actions.get(0);
    var actionId = SlackApi.text(action, "action_id");
    var value = SlackApi.text(action, "value");
    // A link button (the secret page) opens in the browser; Slack still reports the click.
    if (actionId == null || value == null) return;
    executor.execute(() -> run(() -> adapter.click(user, actionId, value)));
  }

  private void onEvent(String team, JsonNode event) {
    var type = SlackApi.text(event, "type");
    var user = SlackApi.text(event, "user");
    var channel = SlackApi.text(event, "channel");
    var text = SlackApi.text(event, "text");
    // Edits, joins and bots' messages (our own replies among them) have a subtype or a bot_id.
    if (user == null
        || channel == null
        || text == null
        || event.get("subtype") != null
        || event.get("bot_id") != null) return;
    var ts = SlackApi.text(event, "ts");
    var threadTs = SlackApi.text(event, "thread_ts");
    var channelType = SlackApi.text(event, "channel_type");
    var question = MENTION.matcher(text).replaceAll(" ").strip();
    if (question.isEmpty()) return;
    if ("app_mention".equals(type)) {
      adapter.message(
          new SlackAdapter.Origin(team, channel, false, threadTs != null ? threadTs : ts, user),
          question,
          true);
    } else if ("message".equals(type) && "im".equals(channelType)) {
      adapter.message(new SlackAdapter.Origin(team, channel, true, null, user), question, true);
    } else if ("message".equals(type) && threadTs != null && !MENTION.matcher(text).find()) {
      // A follow-up in a thread the bot is in; one that mentions the bot arrives as app_mention
      // too.
      adapter.message(
          new SlackAdapter.Origin(team, channel, false, threadTs, user), question, false);
    }
  }

  private static void run(Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      LOG.warn("Slack event not answered: {}", e.toString());
    }
  }

  static boolean isEventCallback(@Nullable JsonNode payload) {
    return payload != null && "event_callback".equals(SlackApi.text(payload, "type"));
  }
}
