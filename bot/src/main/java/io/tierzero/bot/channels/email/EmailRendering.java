package io.tierzero.bot.channels.email;

import static io.tierzero.kb.search.Snippets.escape;

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
import java.util.List;

/**
 * A turn's replies as one mail, in plain text and simple HTML (no images, no scripts, inline styles
 * only, as mail clients allow): answer cards with the article's title, link and snippet; quick
 * replies as a numbered list ({@link Choices}); the handoff as "reply TICKET"; and, in place of a
 * question that takes a password or a code, a one-time link to our own page, so the secret is never
 * in a mail.
 */
final class EmailRendering {
  /** The word a reply sends to raise the ticket a handoff offers. */
  static final String TICKET_WORD = "TICKET";

  /** The mail, the words said (for the secret page) and the one-time link a question got. */
  record Rendered(String text, String html, List<String> said, @Nullable String secretLink) {}

  private final SecretLinks links;
  private final ChannelsConfiguration config;
  private final MessageSource messages;

  EmailRendering(SecretLinks links, ChannelsConfiguration config, MessageSource messages) {
    this.links = links;
    this.config = config;
    this.messages = messages;
  }

  Rendered render(ChannelConversation conversation, List<BotMessage> replies) {
    var text = new StringBuilder();
    var html = new StringBuilder();
    var said = new ArrayList<String>();
    String secretLink = null;
    for (var reply : replies) {
      var link = links.forSecretStep(conversation, reply);
      if (link != null) {
        secretLink = link;
        secretStep(reply, secretLink, text, html);
        continue;
      }
      said.add(reply.text());
      paragraph(reply.text(), text, html);
      reply.articles().forEach(a -> card(a, text, html));
      if (reply.type() == ReplyType.HANDOFF && reply.form() != null)
        handoff(conversation, text, html);
    }
    var choices =
        Choices.of(
            messages,
            replies.stream().map(BotMessage::options).toList(),
            replies.stream().map(BotMessage::articles).toList());
    if (!choices.isEmpty()) numbered(choices, text, html);
    var footer = Messages.text(messages, "channels.email.footer");
    text.append("-- \n").append(footer).append("\n");
    var page =
        "<!doctype html><html><body"
            + " style=\"font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.45;color:#1b1b1b\">\n"
            + html
            + "<p style=\"color:#666;font-size:13px\">"
            + escape(footer)
            + "</p>\n"
            + "</body></html>\n";
    return new Rendered(text.toString(), page, said, secretLink);
  }

  private void secretStep(BotMessage reply, String link, StringBuilder text, StringBuilder html) {
    var key =
        ReplyInput.SECRET.equals(reply.input().type())
            ? "channels.email.secret-step.password"
            : "channels.email.secret-step.code";
    var intro = Messages.text(messages, key, config.secretLinkTtl().toMinutes());
    text.append(intro).append("\n").append(link).append("\n\n");
    html.append("<p>")
        .append(escape(intro))
        .append("</p>\n<p><a href=\"")
        .append(escape(link))
        .append("\" style=\"font-weight:bold\">")
        .append(escape(Messages.text(messages, "channels.button.secure-page")))
        .append("</a></p>\n");
  }

  private static void paragraph(String said, StringBuilder text, StringBuilder html) {
    text.append(said).append("\n\n");
    html.append("<p>").append(escape(said).replace("\n", "<br>")).append("</p>\n");
  }

  /** Title and link, then the matched passage; the snippet's marks become plain text. */
  private void card(ArticleLink article, StringBuilder text, StringBuilder html) {
    var url = config.absolute(article.url());
    var snippet = unescapeHtml(article.snippet().replaceAll("</?mark>", ""));
    text.append("* ")
        .append(article.title())
        .append("\n  ")
        .append(url)
        .append("\n  ")
        .append(snippet)
        .append("\n\n");
    html.append("<div style=\"border-left:3px solid #2f6fb0;padding:4px 10px;margin:8px 0\">")
        .append("<a href=\"")
        .append(escape(url))
        .append("\" style=\"font-weight:bold\">")
        .append(escape(article.title()))
        .append("</a><br>")
        .append(escape(snippet))
        .append("</div>\n");
  }

  private void handoff(ChannelConversation conversation, StringBuilder text, StringBuilder html) {
    var who =
        (conversation.userName() == null ? "" : conversation.userName() + ", ")
            + conversation.email();
    var line = Messages.text(messages, "channels.email.ticket-offer", TICKET_WORD, who);
    text.append(line).append("\n\n");
    html.append("<p><strong>").append(escape(line)).append("</strong></p>\n");
  }

  private void numbered(Choices choices, StringBuilder text, StringBuilder html) {
    var intro = Messages.text(messages, "channels.email.choices");
    text.append(intro).append("\n");
    html.append("<p>").append(escape(intro)).append("</p>\n<ol>\n");
    for (int i = 0; i < choices.choices().size(); i++) {
      var label = choices.choices().get(i).label();
      text.append("  ").append(i + 1).append(". ").append(label).append("\n");
      html.append("<li>").append(escape(label)).append("</li>\n");
    }
    text.append("\n");
    html.append("</ol>\n");
  }

  private static String unescapeHtml(String html) {
    return html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&");
  }
}
