package io.tierzero.bot.channels.email;

import io.micronaut.core.annotation.Nullable;
import io.tierzero.bot.chat.MessageRequest;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A mail from the mailbox as the channel uses it.
 *
 * @param messageId the {@code Message-ID} as written, brackets included; for a mail without one, a
 *     key made of the folder's UIDVALIDITY and the message's UID (the same on every instance)
 * @param from the sender's address, lower case
 * @param name the sender's display name, or null
 * @param references the thread's earlier messages, oldest first: {@code References}, then {@code
 *     In-Reply-To}
 * @param text what the user wrote this time: the plain-text body (or the HTML one as text), its
 *     quoted history and signature cut off
 */
record InboundMail(
    String messageId,
    boolean hasMessageId,
    String from,
    @Nullable String name,
    String subject,
    List<String> references,
    String text) {
  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

  /** The widget's limit for a message; a mail carrying more is read up to here. */
  static final int MAX_TEXT = MessageRequest.MAX_TEXT;

  InboundMail {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(from, "from");
    references = List.copyOf(references);
  }

  /** Reads {@code message}; empty {@code from} when it names no sender address. */
  static InboundMail read(MimeMessage message, String fallbackId)
      throws MessagingException, IOException {
    var id = message.getMessageID();
    boolean hasId = id != null && MESSAGE_ID.matcher(id.strip()).matches();
    var from = sender(message);
    var subject = message.getSubject() == null ? "" : message.getSubject().strip();
    var refs = new LinkedHashSet<String>();
    ids(message.getHeader("References", " "), refs);
    ids(message.getHeader("In-Reply-To", " "), refs);
    var body = body(message);
    var text = QuotedHistory.strip(body == null ? "" : body);
    if (text.length() > MAX_TEXT) text = text.substring(0, MAX_TEXT);
    return new InboundMail(
        hasId ? id.strip() : fallbackId,
        hasId,
        from == null ? "" : from.getAddress().toLowerCase(Locale.ROOT),
        from == null ? null : blankToNull(from.getPersonal()),
        subject,
        new ArrayList<>(refs),
        text);
  }

  /** The message's subject without the "Re:"/"AW:" prefixes replies add. */
  String topic() {
    var topic = subject;
    var prefix = Pattern.compile("(?i)^\\s*(re|aw|sv|antw|fwd?|wg)\\s*(\\[\\d+])?\\s*:\\s*");
    for (var m = prefix.matcher(topic); m.find(); m = prefix.matcher(topic))
      topic = topic.substring(m.end());
    return topic.strip();
  }

  private static @Nullable InternetAddress sender(Message message) throws MessagingException {
    Address[] from = message.getFrom();
    if (from == null
        || from.length == 0
        || !(from[0] instanceof InternetAddress address)
        || address.getAddress() == null) return null;
    return address;
  }

  private static void ids(@Nullable String header, LinkedHashSet<String> into) {
    if (header == null) return;
    var m = MESSAGE_ID.matcher(header);
    while (m.find()) into.add(m.group());
  }

  /** The first text/plain part; else the first text/html part as text. */
  private static @Nullable String body(Part part) throws MessagingException, IOException {
    var plain = find(part, "text/plain");
    if (plain != null) return plain;
    var html = find(part, "text/html");
    return html == null ? null : HtmlText.toText(html);
  }

  private static @Nullable String find(Part part, String type)
      throws MessagingException, IOException {
    if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) return null;
    if (part.isMimeType(type)) {
      var content = part.getContent();
      return content instanceof String s ? s : null;
    }
    if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        var found = find(child, type);
        if (found != null) return found;
      }
    }
    return null;
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
