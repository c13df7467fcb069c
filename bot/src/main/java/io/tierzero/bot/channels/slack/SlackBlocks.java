package io.tierzero.bot.channels.slack;

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
 * The bot's replies as Slack messages (Block Kit): answer cards with the article's title, snippet
 * and link; quick replies and "did you mean" choices as buttons; thumbs up and down on answers; the
 * handoff's ticket form as one button (the user's name and email come from Slack); and, in place of
 * a question that takes a password or a code, a one-time link to our own page.
 *
 * <p>A button's value is {@code <conversation id>|<what it sends>}: a click names its conversation,
 * and only that conversation's Slack user may use it.
 */
final class SlackBlocks {
  static final String REPLY = "reply";
  static final String VOTE_UP = "vote_up";
  static final String VOTE_DOWN = "vote_down";
  static final String TICKET = "ticket";
  static final String LINK = "link";

  /** Slack's limits: 75 characters of button text, 3,000 of section text, 25 elements in a row. */
  static final int BUTTON_TEXT = 75;

  static final int SECTION_TEXT = 3000;
  static final int BUTTONS = 25;

  /** One message to post: {@code text} is what notifications and screen readers get. */
  record Post(String text, List<Map<String, Object>> blocks) {}

  /** The posts, the words said (for the secret page), and the one-time link a question got. */
  record Rendered(List<Post> posts, List<String> said, @Nullable String secretLink) {}

  private final SecretLinks links;
  private final ChannelsConfiguration config;
  private final MessageSource messages;

  SlackBlocks(SecretLinks links, ChannelsConfiguration config, MessageSource messages) {
    this.links = links;
    this.config = config;
    this.messages = messages;
  }

  Rendered render(ChannelConversation conversation, List<BotMessage> replies) {
    var posts = new ArrayList<Post>();
    var said = new ArrayList<String>();
    String secretLink = null;
    for (var reply : replies) {
      var link = links.forSecretStep(conversation, reply);
      if (link != null) {
        secretLink = link;
        posts.add(secretStep(reply, secretLink));
        continue;
      }
      said.add(reply.text());
      posts.add(post(conversation, reply));
    }
    return new Rendered(posts, said, secretLink);
  }

  private Post secretStep(BotMessage reply, String link) {
    var key =
        ReplyInput.SECRET.equals(reply.input().type())
            ? "channels.secret-step.password"
            : "channels.secret-step.code";
    var text = Messages.text(messages, key, config.secretLinkTtl().toMinutes());
    var blocks = new ArrayList<Map<String, Object>>();
    blocks.add(section(escape(text)));
    blocks.add(
        actions(List.of(linkButton(Messages.text(messages, "channels.button.secure-page"), link))));
    return new Post(text, blocks);
  }

  private Post post(ChannelConversation conversation, BotMessage reply) {
    var blocks = new ArrayList<Map<String, Object>>();
    blocks.add(section(escape(reply.text())));
    var id = conversation.conversationId();
    for (var article : reply.articles()) {
      blocks.add(section(card(article)));
      if (article.flow() != null) {
        blocks.add(
            actions(
                List.of(
                    button(
                        REPLY + "-flow-" + article.id(),
                        Messages.text(messages, "channels.button.fix-it"),
                        id + "|start flow " + article.flow(),
                        null))));
      }
    }
    var buttons = new ArrayList<Map<String, Object>>();
    var options = reply.options();
    for (int i = 0; i < options.size() && buttons.size() < BUTTONS - 2; i++) {
      buttons.add(button(REPLY + "-" + i, options.get(i), id + "|" + options.get(i), null));
    }
    if (reply.type() == ReplyType.HANDOFF && reply.form() != null) {
      if (conversation.email() != null) {
        buttons.add(
            0,
            button(
                TICKET,
                Messages.text(messages, "channels.button.raise-ticket"),
                id + "|ticket",
                "primary"));
        blocks.add(
            context(
                Messages.text(
                    messages, "channels.slack.ticket-consent", escape(conversation.email()))));
      } else {
        blocks.add(
            context(
                Messages.text(messages, "channels.slack.no-email", escape(config.publicUrl()))));
      }
    }
    if (reply.type() == ReplyType.ANSWER) {
      buttons.add(
          button(
              VOTE_UP,
              Messages.text(messages, "channels.slack.helpful"),
              id + "|" + reply.id(),
              null));
      buttons.add(
          button(
              VOTE_DOWN,
              Messages.text(messages, "channels.slack.not-helpful"),
              id + "|" + reply.id(),
              null));
    }
    if (!buttons.isEmpty()) blocks.add(actions(buttons));
    return new Post(reply.text(), blocks);
  }

  /** Title as the link, then the matched passage; the snippet's marks become plain text. */
  private String card(ArticleLink article) {
    var snippet = unescapeHtml(article.snippet().replaceAll("</?mark>", ""));
    var text =
        "*<"
            + linkTarget(config.absolute(article.url()))
            + "|"
            + escape(article.title())
            + ">*\n"
            + escape(snippet);
    return text.length() <= SECTION_TEXT ? text : text.substring(0, SECTION_TEXT - 1) + "…";
  }

  private static Map<String, Object> section(String mrkdwn) {
    var text =
        mrkdwn.length() <= SECTION_TEXT ? mrkdwn : mrkdwn.substring(0, SECTION_TEXT - 1) + "…";
    return Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", text));
  }

  private static Map<String, Object> context(String mrkdwn) {
    return Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn", "text", mrkdwn)));
  }

  private static Map<String, Object> actions(List<Map<String, Object>> elements) {
    return Map.of("type", "actions", "elements", elements);
  }

  private static Map<String, Object> button(
      String actionId, String label, String value, @Nullable String style) {
    var button = new LinkedHashMap<String, Object>();
    button.put("type", "button");
    button.put("action_id", actionId);
    button.put(
        "text", Map.of("type", "plain_text", "text", clip(label, BUTTON_TEXT), "emoji", true));
    button.put("value", clip(value, 2000));
    if (style != null) button.put("style", style);
    return button;
  }

  private static Map<String, Object> linkButton(String label, String url) {
    var button = new LinkedHashMap<String, Object>();
    button.put("type", "button");
    button.put("action_id", LINK);
    button.put("text", Map.of("type", "plain_text", "text", label));
    button.put("url", url);
    button.put("style", "primary");
    return button;
  }

  /**
   * Slack's mrkdwn needs only these three escaped
   * (https://api.slack.com/reference/surfaces/formatting).
   */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String linkTarget(String url) {
    return url.replace("|", "%7C").replace(">", "%3E").replace("<", "%3C");
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
