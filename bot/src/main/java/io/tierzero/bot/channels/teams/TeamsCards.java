package io.tierzero.bot.channels.teams;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import io.tierzero.bot.channels.ChannelConversation;
import io.tierzero.bot.channels.ChannelsConfiguration;
import io.tierzero.bot.channels.secret.SecretLinks;
import io.tierzero.bot.chat.ArticleLink;
import io.tierzero.bot.chat.BotMessage;
import io.tierzero.bot.chat.ReplyInput;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.i18n.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bot's replies as Teams messages: Adaptive Cards for answers (the article's title, snippet and
 * an "Open article" link; thumbs up and down), quick replies and "did you mean" choices as {@code
 * Action.Submit} buttons, the handoff as a "Raise a ticket" button (the user's name and email come
 * from Teams), and, in place of a question that takes a password or a code, a one-time link to our
 * own page. A reply with nothing to press is plain text.
 *
 * <p>A button's data is {@code {"tz": <what>, "conversation": <our conversation id>, ...}}: a press
 * names its conversation, and only that conversation's Teams user may use it.
 */
final class TeamsCards {
  static final String REPLY = "reply";
  static final String VOTE_UP = "vote_up";
  static final String VOTE_DOWN = "vote_down";
  static final String TICKET = "ticket";
  static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

  /** 1.4 is what Teams renders on desktop, web and mobile alike. */
  static final String CARD_VERSION = "1.4";

  /** More buttons than this make Teams fold the rest into a menu; the choices come first. */
  static final int BUTTONS = 8;

  /** Teams refuses a message over about 28 KB; one text block never needs more than this. */
  static final int TEXT = 4000;

  /**
   * The activities to post, the words said (for the secret page), and a question's one-time link.
   */
  record Rendered(
      List<Map<String, Object>> activities, List<String> said, @Nullable String secretLink) {}

  private final SecretLinks links;
  private final ChannelsConfiguration config;
  private final MessageSource messages;

  TeamsCards(SecretLinks links, ChannelsConfiguration config, MessageSource messages) {
    this.links = links;
    this.config = config;
    this.messages = messages;
  }

  Rendered render(ChannelConversation conversation, List<BotMessage> replies) {
    var activities = new ArrayList<Map<String, Object>>();
    var said = new ArrayList<String>();
    String secretLink = null;
    for (var reply : replies) {
      var link = links.forSecretStep(conversation, reply);
      if (link != null) {
        secretLink = link;
        activities.add(secretStep(reply, secretLink));
        continue;
      }
      said.add(reply.text());
      activities.add(activity(conversation, reply));
    }
    return new Rendered(activities, said, secretLink);
  }

  /** Plain text, e.g. the receipt of a ticket or the welcome. */
  static Map<String, Object> text(String text) {
    var activity = new LinkedHashMap<String, Object>();
    activity.put("type", "message");
    activity.put("textFormat", "plain");
    activity.put("text", clip(text, TEXT));
    return activity;
  }

  private Map<String, Object> secretStep(BotMessage reply, String link) {
    var key =
        ReplyInput.SECRET.equals(reply.input().type())
            ? "channels.secret-step.password"
            : "channels.secret-step.code";
    var text = Messages.text(messages, key, config.secretLinkTtl().toMinutes());
    return card(
        text,
        List.of(textBlock(text)),
        List.of(openUrl(Messages.text(messages, "channels.button.secure-page"), link)));
  }

  private Map<String, Object> activity(ChannelConversation conversation, BotMessage reply) {
    var id = conversation.conversationId();
    var body = new ArrayList<Map<String, Object>>();
    body.add(textBlock(reply.text()));
    for (var article : reply.articles()) body.addAll(articleCard(id, article));
    var actions = new ArrayList<Map<String, Object>>();
    var options = reply.options();
    for (int i = 0; i < options.size() && actions.size() < BUTTONS - 2; i++) {
      actions.add(submit(options.get(i), data(REPLY, id, "text", options.get(i))));
    }
    if (reply.type() == ReplyType.HANDOFF && reply.form() != null) {
      if (conversation.email() != null) {
        actions.add(
            0,
            submit(
                Messages.text(messages, "channels.button.raise-ticket"),
                data(TICKET, id, null, null)));
        body.add(
            note(Messages.text(messages, "channels.teams.ticket-consent", conversation.email())));
      } else {
        body.add(note(Messages.text(messages, "channels.teams.no-email", config.publicUrl())));
      }
    }
    if (reply.type() == ReplyType.ANSWER) {
      actions.add(
          submit(
              Messages.text(messages, "channels.teams.helpful"),
              data(VOTE_UP, id, "message", reply.id())));
      actions.add(
          submit(
              Messages.text(messages, "channels.teams.not-helpful"),
              data(VOTE_DOWN, id, "message", reply.id())));
    }
    if (body.size() == 1 && actions.isEmpty()) return text(reply.text());
    return card(reply.text(), body, actions);
  }

  /**
   * Title, the matched passage (its marks as plain text), and the link; "Fix it for me" where a
   * flow does.
   */
  private List<Map<String, Object>> articleCard(String conversationId, ArticleLink article) {
    var snippet = unescapeHtml(article.snippet().replaceAll("</?mark>", ""));
    var title = textBlock(article.title());
    title.put("weight", "Bolder");
    title.put("size", "Medium");
    title.put("separator", true);
    var passage = textBlock(snippet);
    passage.put("isSubtle", true);
    var actions = new ArrayList<Map<String, Object>>();
    actions.add(
        openUrl(
            Messages.text(messages, "channels.button.open-article"),
            config.absolute(article.url())));
    if (article.flow() != null)
      actions.add(
          submit(
              Messages.text(messages, "channels.button.fix-it"),
              data(REPLY, conversationId, "text", "start flow " + article.flow())));
    return List.of(title, passage, Map.of("type", "ActionSet", "actions", actions));
  }

  private static Map<String, Object> card(
      String summary, List<Map<String, Object>> body, List<Map<String, Object>> actions) {
    var content = new LinkedHashMap<String, Object>();
    content.put("type", "AdaptiveCard");
    content.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    content.put("version", CARD_VERSION);
    content.put("body", body);
    if (!actions.isEmpty()) content.put("actions", actions);
    // What clients that cannot show the card, and notifications, show instead.
    content.put("fallbackText", clip(summary, TEXT));
    var activity = new LinkedHashMap<String, Object>();
    activity.put("type", "message");
    activity.put("summary", clip(summary, 200));
    activity.put("attachments", List.of(Map.of("contentType", ADAPTIVE_CARD, "content", content)));
    return activity;
  }

  private static Map<String, Object> textBlock(String text) {
    var block = new LinkedHashMap<String, Object>();
    block.put("type", "TextBlock");
    block.put("text", clip(text, TEXT));
    block.put("wrap", true);
    return block;
  }

  private static Map<String, Object> note(String text) {
    var block = textBlock(text);
    block.put("size", "Small");
    block.put("isSubtle", true);
    return block;
  }

  private static Map<String, Object> submit(String title, Map<String, Object> data) {
    return Map.of("type", "Action.Submit", "title", clip(title, 80), "data", data);
  }

  private static Map<String, Object> openUrl(String title, String url) {
    return Map.of("type", "Action.OpenUrl", "title", title, "url", url);
  }

  private static Map<String, Object> data(
      String what, String conversationId, @Nullable String field, @Nullable String value) {
    var data = new LinkedHashMap<String, Object>();
    data.put("tz", what);
    data.put("conversation", conversationId);
    if (field != null && value != null) data.put(field, clip(value, 2000));
    return data;
  }

  private static String unescapeHtml(String html) {
    return html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&");
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
