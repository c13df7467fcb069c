package io.tierzero.bot.channels.teams;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.tierzero.bot.channels.ChannelAdapter;
import io.tierzero.bot.channels.ChannelConversation;
import io.tierzero.bot.channels.ChannelConversations;
import io.tierzero.bot.channels.ChannelUser;
import io.tierzero.bot.channels.ChannelsConfiguration;
import io.tierzero.bot.channels.SecretOutcome;
import io.tierzero.bot.channels.secret.SecretLinks;
import io.tierzero.bot.chat.BotMessage;
import io.tierzero.bot.chat.ChatService;
import io.tierzero.bot.feedback.FeedbackRequest;
import io.tierzero.bot.feedback.FeedbackService;
import io.tierzero.bot.feedback.Vote;
import io.tierzero.bot.i18n.Messages;
import io.tierzero.bot.tickets.TicketRequest;
import io.tierzero.bot.tickets.TicketService;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Teams' side of the conversation engine: a message or a card button becomes the same chat turn (or
 * ticket, or vote) the widget makes, with the conversation's token, and the replies go back through
 * the Bot Connector as Adaptive Cards. Called off the request thread: the connector waits 15
 * seconds at most, and a turn that raises a ticket or sends a code may take longer.
 */
@Singleton
@Requires(beans = TeamsConnector.class)
class TeamsAdapter implements ChannelAdapter {
  static final String NAME = "teams";
  private static final Logger LOG = LoggerFactory.getLogger(TeamsAdapter.class);

  /** The key column holds 400 characters; longer Teams ids (rare) are keyed by their hash. */
  private static final int MAX_THREAD = 350;

  /**
   * Where an activity came from, as the authenticated activity says.
   *
   * @param serviceUrl where replies go, checked against the token
   * @param conversation Teams' conversation id (a channel thread's carries its root message id)
   * @param personal a one-to-one chat with the bot, which is one conversation; in group chats and
   *     channels each user's messages in a thread are one
   * @param activityId the activity to reply to
   * @param from the sender's Teams id ({@code 29:...}), for the member lookup
   * @param aadObjectId the sender's Entra ID object id, which stays the same across chats
   */
  record Origin(
      String serviceUrl,
      String conversation,
      boolean personal,
      @Nullable String activityId,
      String from,
      @Nullable String aadObjectId) {
    String user() {
      return aadObjectId != null ? aadObjectId : from;
    }

    ChannelUser asUser(@Nullable String name, @Nullable String email) {
      var thread = personal ? conversation : conversation + ":" + user();
      if (thread.length() > MAX_THREAD) thread = "sha256:" + sha256(thread);
      var userId = user().length() <= 100 ? user() : user().substring(0, 100);
      return new ChannelUser(NAME, thread, serviceUrl + "|" + conversation, userId, name, email);
    }
  }

  private final TeamsConnector connector;
  private final TeamsConfiguration config;
  private final ChannelConversations conversations;
  private final ChatService chat;
  private final TicketService tickets;
  private final FeedbackService feedback;
  private final TeamsCards cards;
  private final MessageSource messages;

  TeamsAdapter(
      TeamsConnector connector,
      TeamsConfiguration config,
      ChannelConversations conversations,
      ChatService chat,
      TicketService tickets,
      FeedbackService feedback,
      SecretLinks links,
      ChannelsConfiguration channels,
      MessageSource messages) {
    this.connector = connector;
    this.config = config;
    this.conversations = conversations;
    this.chat = chat;
    this.tickets = tickets;
    this.feedback = feedback;
    this.cards = new TeamsCards(links, channels, messages);
    this.messages = messages;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** A message the user wrote: the conversation of its chat or thread, started on first contact. */
  void message(Origin origin, String text) {
    var conversation =
        conversations
            .find(NAME, origin.asUser(null, null).thread())
            .orElseGet(
                () -> {
                  var member =
                      connector.member(origin.serviceUrl(), origin.conversation(), origin.from());
                  return conversations.conversationFor(
                      origin.asUser(
                          member.map(TeamsConnector.Member::name).orElse(null),
                          member.map(TeamsConnector.Member::email).orElse(null)),
                      config.tokenKey());
                });
    turn(origin, conversation, text);
  }

  /** The bot was added to a chat or team: it says what it does, once. */
  void welcome(Origin origin) {
    connector.send(
        origin.serviceUrl(),
        origin.conversation(),
        null,
        TeamsCards.text(Messages.text(messages, "channels.teams.welcome")));
  }

  /**
   * A card button ({@code Action.Submit}): a quick reply, a vote or the ticket, from the
   * conversation's own user only.
   */
  void submit(Origin origin, Map<String, String> data) {
    var what = data.get("tz");
    var conversation =
        Optional.ofNullable(data.get("conversation"))
            .flatMap(conversations::byConversation)
            .filter(c -> NAME.equals(c.channel()));
    if (what == null
        || conversation.isEmpty()
        || !conversation.get().userId().equals(origin.asUser(null, null).userId())) {
      LOG.info("Teams button pressed on a conversation that is not the presser's: ignored");
      return;
    }
    var c = conversation.get();
    var token = conversations.token(c, config.tokenKey());
    switch (what) {
      case TeamsCards.VOTE_UP, TeamsCards.VOTE_DOWN -> {
        var message = data.get("message");
        if (message == null) return;
        var vote = what.equals(TeamsCards.VOTE_UP) ? Vote.UP : Vote.DOWN;
        feedback.rate(c.conversationId(), token, new FeedbackRequest(message, null, vote, null));
        post(
            origin,
            Messages.text(messages, vote == Vote.UP ? "channels.vote.up" : "channels.vote.down"));
      }
      case TeamsCards.TICKET -> {
        if (c.email() == null) return;
        var name = c.userName() != null ? c.userName() : c.userId();
        // The button says what it sends: pressing it is the consent the widget's checkbox gives.
        tickets
            .open(
                c.conversationId(),
                token,
                new TicketRequest(name, c.email(), true, null, null),
                "Teams")
            .ifPresent(
                o ->
                    post(
                        origin,
                        Messages.text(
                            messages,
                            o.created() ? "channels.ticket.raised" : "channels.ticket.existing",
                            o.receipt().number(),
                            o.receipt().queue(),
                            o.receipt().message())));
      }
      case TeamsCards.REPLY -> {
        var text = data.get("text");
        if (text != null && !text.isBlank()) turn(origin, c, text);
      }
      default -> LOG.info("Teams button {} unknown: ignored", what);
    }
  }

  @Override
  public Optional<SecretOutcome> secretGiven(ChannelConversation conversation, String secret) {
    var replies =
        chat.sendSecret(
            conversation.conversationId(),
            conversations.token(conversation, config.tokenKey()),
            secret);
    if (replies.isEmpty()) return Optional.empty();
    var to = conversation.replyTo();
    int bar = to.indexOf('|');
    var rendered =
        deliver(to.substring(0, bar), to.substring(bar + 1), null, conversation, replies.get());
    return Optional.of(new SecretOutcome(rendered.said(), rendered.secretLink()));
  }

  private void turn(Origin origin, ChannelConversation conversation, String text) {
    if (ChannelConversations.startsOver(text)) {
      conversations.startAnew(conversation, config.tokenKey());
      post(origin, Messages.text(messages, "channels.started-over"));
      return;
    }
    var replies =
        chat.send(
            conversation.conversationId(),
            conversations.token(conversation, config.tokenKey()),
            text);
    if (replies.isEmpty()) {
      LOG.warn("Teams conversation {} no longer matches its token", conversation.conversationId());
      return;
    }
    deliver(
        origin.serviceUrl(),
        origin.conversation(),
        origin.activityId(),
        conversation,
        replies.get());
  }

  private TeamsCards.Rendered deliver(
      String serviceUrl,
      String teamsConversation,
      @Nullable String activityId,
      ChannelConversation conversation,
      List<BotMessage> replies) {
    var rendered = cards.render(conversation, replies);
    rendered
        .activities()
        .forEach(a -> connector.send(serviceUrl, teamsConversation, activityId, a));
    return rendered;
  }

  private void post(Origin origin, String text) {
    connector.send(
        origin.serviceUrl(), origin.conversation(), origin.activityId(), TeamsCards.text(text));
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
}
