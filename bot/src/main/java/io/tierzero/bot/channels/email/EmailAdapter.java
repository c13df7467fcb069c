package io.tierzero.bot.channels.email;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.tierzero.bot.channels.ChannelAdapter;
import io.tierzero.bot.channels.ChannelConversation;
import io.tierzero.bot.channels.ChannelConversations;
import io.tierzero.bot.channels.ChannelEvents;
import io.tierzero.bot.channels.ChannelUser;
import io.tierzero.bot.channels.ChannelsConfiguration;
import io.tierzero.bot.channels.SecretOutcome;
import io.tierzero.bot.channels.secret.SecretLinks;
import io.tierzero.bot.chat.AnswerWords;
import io.tierzero.bot.chat.BotMessage;
import io.tierzero.bot.chat.ChatService;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.chat.Texts;
import io.tierzero.bot.chat.Transcript;
import io.tierzero.bot.i18n.Messages;
import io.tierzero.bot.tickets.TicketRequest;
import io.tierzero.bot.tickets.TicketService;
import io.tierzero.kb.intent.Intent;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Email's side of the conversation engine. Each mail thread of one sender is a conversation (the
 * thread found from {@code References} and {@code In-Reply-To}); a mail becomes the same chat turn
 * the widget makes, and the replies go back as one mail in the thread. A reply by number or by
 * words picks a quick reply, "TICKET" raises the ticket a handoff offered, and a question that
 * takes a password or a code is answered with a one-time link to our page, never by mail.
 *
 * <p>A mail is taken in one transaction with its turn: the record that it was taken ({@link
 * ChannelEvents}, by Message-ID) commits with the turn or not at all, so a crash before the commit
 * leaves it to be taken again, and a second instance reading the same mailbox finds it taken. The
 * reply is sent after the commit; a crash in between loses that reply rather than sending two.
 */
@Singleton
@Requires(property = EmailChannelConfiguration.PREFIX + ".imap-host")
class EmailAdapter implements ChannelAdapter {
  static final String NAME = "email";
  private static final Logger LOG = LoggerFactory.getLogger(EmailAdapter.class);

  /**
   * References kept on a reply: the thread's first and its latest, as RFC 5322 suggests trimming.
   */
  static final int MAX_REFERENCES = 10;

  /** No root Message-ID to thread on (the first mail had none, or too long a one to store). */
  private static final String NO_ROOT = "-";

  /** A turn taken and committed, its mail still to send. */
  record Pending(ThreadReplies.Target target, EmailRendering.Rendered rendered) {}

  private final EmailChannelConfiguration config;
  private final ChannelConversations conversations;
  private final ChannelEvents events;
  private final ChatService chat;
  private final TicketService tickets;
  private final ThreadReplies replies;
  private final EmailRendering rendering;
  private final MessageSource messages;
  private final AnswerWords words;

  EmailAdapter(
      EmailChannelConfiguration config,
      ChannelConversations conversations,
      ChannelEvents events,
      ChatService chat,
      TicketService tickets,
      ThreadReplies replies,
      SecretLinks links,
      ChannelsConfiguration channels,
      MessageSource messages,
      AnswerWords words) {
    this.config = config;
    this.conversations = conversations;
    this.events = events;
    this.chat = chat;
    this.tickets = tickets;
    this.replies = replies;
    this.rendering = new EmailRendering(links, channels, messages);
    this.messages = messages;
    this.words = words;
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Takes {@code mail} (already checked: a person, an allowed domain) as a turn of its thread's
   * conversation; empty when another delivery of it was taken already, or there is nothing to
   * answer.
   */
  @Transactional
  public Optional<Pending> take(InboundMail mail) {
    if (!events.firstDelivery(NAME, OwnMessageIds.hash(mail.messageId()))) {
      LOG.info("Mail {} already taken", OwnMessageIds.hash(mail.messageId()));
      return Optional.empty();
    }
    var known = known(mail);
    var text = mail.text();
    if (text.isBlank() && known.isEmpty()) text = mail.topic();
    if (text.isBlank()) return Optional.empty();
    var conversation = known.map(Known::conversation).orElseGet(() -> start(mail));
    var token = conversations.token(conversation, config.tokenKey());
    var target = target(conversation, mail);
    var transcript =
        known
            .map(Known::transcript)
            .or(() -> chat.transcript(conversation.conversationId(), token));
    if (transcript.isEmpty()) return Optional.empty();
    if (asksForTicket(text) && handoffOffered(transcript.get())) {
      return Optional.of(new Pending(target, ticket(conversation, token)));
    }
    var said = lastTurnChoices(transcript.get()).chosen(text).orElse(text);
    var answer = chat.send(conversation.conversationId(), token, said);
    if (answer.isEmpty()) return Optional.empty();
    return Optional.of(new Pending(target, rendering.render(conversation, answer.get())));
  }

  /** Sends a committed turn's mail. */
  void deliver(Pending pending) {
    replies.send(pending.target(), pending.rendered(), config.idDomain());
  }

  @Override
  public Optional<SecretOutcome> secretGiven(ChannelConversation conversation, String secret) {
    var answer =
        chat.sendSecret(
            conversation.conversationId(),
            conversations.token(conversation, config.tokenKey()),
            secret);
    if (answer.isEmpty()) return Optional.empty();
    var rendered = rendering.render(conversation, answer.get());
    var root = root(conversation);
    var references = NO_ROOT.equals(root) ? List.<String>of() : List.of(root);
    replies.send(
        new ThreadReplies.Target(
            conversation.email(),
            references.isEmpty() ? null : root,
            references,
            topic(conversation),
            thread(conversation)),
        rendered,
        config.idDomain());
    return Optional.of(new SecretOutcome(rendered.said(), rendered.secretLink()));
  }

  private record Known(ChannelConversation conversation, Transcript transcript) {}

  /**
   * The conversation of the thread {@code mail} answers, from its sender; the oldest reference that
   * is one wins. A conversation whose token no longer matches (the mailbox password changed) is
   * passed over: the mail then starts a conversation of its own rather than going unanswered.
   */
  private Optional<Known> known(InboundMail mail) {
    for (var reference : mail.references()) {
      var found = conversations.find(NAME, OwnMessageIds.thread(reference) + ":" + mail.from());
      if (found.isEmpty()) continue;
      var transcript =
          chat.transcript(
              found.get().conversationId(), conversations.token(found.get(), config.tokenKey()));
      if (transcript.isPresent()) return Optional.of(new Known(found.get(), transcript.get()));
      LOG.info(
          "Email conversation {} no longer matches its token: the mail starts a new one",
          found.get().conversationId());
    }
    return Optional.empty();
  }

  private ChannelConversation start(InboundMail mail) {
    var root = mail.hasMessageId() && mail.messageId().length() <= 300 ? mail.messageId() : NO_ROOT;
    // Where replies go, for the ones the secret page makes: the thread's first message and its
    // topic.
    var replyTo = root + " " + clip(mail.topic(), 390 - root.length());
    var thread = OwnMessageIds.thread(mail.messageId()) + ":" + mail.from();
    return conversations.conversationFor(
        new ChannelUser(NAME, thread, replyTo, mail.from(), mail.name(), mail.from()),
        config.tokenKey());
  }

  private ThreadReplies.Target target(ChannelConversation conversation, InboundMail mail) {
    var references = new ArrayList<>(mail.references());
    if (mail.hasMessageId()) references.add(mail.messageId());
    if (references.size() > MAX_REFERENCES) {
      var trimmed = new ArrayList<String>();
      trimmed.add(references.get(0));
      trimmed.addAll(
          references.subList(references.size() - (MAX_REFERENCES - 1), references.size()));
      references = trimmed;
    }
    var topic = mail.topic().isEmpty() ? topic(conversation) : mail.topic();
    return new ThreadReplies.Target(
        mail.from(),
        mail.hasMessageId() ? mail.messageId() : null,
        references,
        topic,
        thread(conversation));
  }

  /**
   * "TICKET", "ticket please", "raise a ticket": a reply that is only the request, one of the
   * answer words ({@code answers.yaml}, action {@code raise-ticket}); "my ticket's status" is not.
   */
  private boolean asksForTicket(String text) {
    return words.is(Intent.Action.RAISE_TICKET, Texts.normalize(text));
  }

  private static boolean handoffOffered(Transcript transcript) {
    return transcript.messages().stream()
        .anyMatch(m -> m.type() == ReplyType.HANDOFF && m.form() != null);
  }

  /** The choices the bot's replies of the last turn offered, numbered as their mail showed them. */
  private Choices lastTurnChoices(Transcript transcript) {
    var entries = transcript.messages();
    int last = entries.size();
    while (last > 0 && !"user".equals(entries.get(last - 1).from())) last--;
    var turn = entries.subList(last, entries.size());
    return Choices.of(
        messages,
        turn.stream().map(Transcript.Entry::options).toList(),
        turn.stream().map(Transcript.Entry::articles).toList());
  }

  private EmailRendering.Rendered ticket(ChannelConversation conversation, String token) {
    var name =
        conversation.userName() != null
            ? conversation.userName()
            : conversation.email().substring(0, conversation.email().indexOf('@'));
    // The reply says what is sent: answering TICKET is the consent the widget's checkbox gives.
    var opened =
        tickets.open(
            conversation.conversationId(),
            token,
            new TicketRequest(name, conversation.email(), true, null, null),
            "Email");
    var said =
        opened
            .map(
                o ->
                    Messages.text(
                        messages,
                        o.created() ? "channels.ticket.raised" : "channels.ticket.existing",
                        o.receipt().number(),
                        o.receipt().queue(),
                        o.receipt().message()))
            .orElseGet(() -> Messages.text(messages, "channels.email.ticket-failed"));
    return rendering.render(
        conversation,
        List.of(new BotMessage("ticket", ReplyType.TEXT, said, List.of(), List.of())));
  }

  private static String root(ChannelConversation conversation) {
    var replyTo = conversation.replyTo();
    int space = replyTo.indexOf(' ');
    return space < 0 ? replyTo : replyTo.substring(0, space);
  }

  private static String topic(ChannelConversation conversation) {
    var replyTo = conversation.replyTo();
    int space = replyTo.indexOf(' ');
    return space < 0 ? "" : replyTo.substring(space + 1);
  }

  /** The thread key of the conversation's id ({@code email|<thread>:<address>}). */
  private static String thread(ChannelConversation conversation) {
    var id = conversation.id();
    return id.substring(id.indexOf('|') + 1, id.indexOf(':', id.indexOf('|')));
  }

  private static String clip(@Nullable String text, int max) {
    if (text == null) return "";
    return text.length() <= max ? text : text.substring(0, Math.max(0, max));
  }
}
