package io.tierzero.bot.channels.slack;

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
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's side of the conversation engine: a message or a button click becomes the same chat turn
 * (or ticket, or vote) the widget makes, with the conversation's token, and the replies go back
 * through {@code chat.postMessage} as Block Kit. Called off the request thread: Slack wants its
 * answer within 3 seconds, and a turn that raises a ticket or sends a code may take longer.
 */
@Singleton
@Requires(beans = SlackApi.class)
class SlackAdapter implements ChannelAdapter {
  static final String NAME = "slack";
  private static final Logger LOG = LoggerFactory.getLogger(SlackAdapter.class);

  /** Where a Slack message came from, as the event or the click says. */
  record Origin(
      String team, String channel, boolean direct, @Nullable String threadTs, String user) {
    /**
     * A direct-message channel is one conversation per user; elsewhere each thread is, the message
     * that mentioned the bot starting it.
     */
    ChannelUser asUser(@Nullable String name, @Nullable String email) {
      var thread =
          direct
              ? team + ":" + channel + ":" + user
              : team + ":" + channel + ":" + threadTs + ":" + user;
      var replyTo = direct ? channel : channel + "|" + threadTs;
      return new ChannelUser(NAME, thread, replyTo, user, name, email);
    }
  }

  private final SlackApi api;
  private final SlackConfiguration config;
  private final ChannelConversations conversations;
  private final ChatService chat;
  private final TicketService tickets;
  private final FeedbackService feedback;
  private final SlackBlocks blocks;
  private final MessageSource messages;

  SlackAdapter(
      SlackApi api,
      SlackConfiguration config,
      ChannelConversations conversations,
      ChatService chat,
      TicketService tickets,
      FeedbackService feedback,
      SecretLinks links,
      ChannelsConfiguration channels,
      MessageSource messages) {
    this.api = api;
    this.config = config;
    this.conversations = conversations;
    this.chat = chat;
    this.tickets = tickets;
    this.feedback = feedback;
    this.blocks = new SlackBlocks(links, channels, messages);
    this.messages = messages;
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * A message the user wrote; {@code startsConversation} when it may open one (a DM, a mention).
   */
  void message(Origin origin, String text, boolean startsConversation) {
    var key = origin.asUser(null, null);
    var known = conversations.find(NAME, key.thread());
    if (known.isEmpty() && !startsConversation) return;
    var conversation =
        known.orElseGet(
            () -> {
              var profile = api.userInfo(origin.user());
              return conversations.conversationFor(
                  origin.asUser(
                      profile.map(SlackApi.Profile::name).orElse(null),
                      profile.map(SlackApi.Profile::email).orElse(null)),
                  config.tokenKey());
            });
    turn(conversation, text);
  }

  /** A button: a quick reply, a vote or the ticket, from the conversation's own user only. */
  void click(String user, String actionId, String value) {
    int bar = value.indexOf('|');
    if (bar < 0) return;
    var conversation =
        conversations.byConversation(value.substring(0, bar)).filter(c -> NAME.equals(c.channel()));
    var what = value.substring(bar + 1);
    if (conversation.isEmpty() || !conversation.get().userId().equals(user)) {
      LOG.info("Slack click by {} on a conversation that is not theirs: ignored", user);
      return;
    }
    var c = conversation.get();
    var token = conversations.token(c, config.tokenKey());
    if (actionId.equals(SlackBlocks.VOTE_UP) || actionId.equals(SlackBlocks.VOTE_DOWN)) {
      var vote = actionId.equals(SlackBlocks.VOTE_UP) ? Vote.UP : Vote.DOWN;
      feedback.rate(c.conversationId(), token, new FeedbackRequest(what, null, vote, null));
      post(
          c,
          new SlackBlocks.Post(
              Messages.text(messages, vote == Vote.UP ? "channels.vote.up" : "channels.vote.down"),
              List.of()));
    } else if (actionId.equals(SlackBlocks.TICKET)) {
      if (c.email() == null) return;
      var name = c.userName() != null ? c.userName() : c.userId();
      // The button says what it sends: pressing it is the consent the widget's checkbox gives.
      var opened =
          tickets.open(
              c.conversationId(),
              token,
              new TicketRequest(name, c.email(), true, null, null),
              "Slack");
      opened.ifPresent(
          o ->
              post(
                  c,
                  new SlackBlocks.Post(
                      Messages.text(
                          messages,
                          o.created() ? "channels.ticket.raised" : "channels.ticket.existing",
                          o.receipt().number(),
                          o.receipt().queue(),
                          o.receipt().message()),
                      List.of())));
    } else if (actionId.startsWith(SlackBlocks.REPLY)) {
      turn(c, what);
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
    var rendered = deliver(conversation, replies.get());
    return Optional.of(new SecretOutcome(rendered.said(), rendered.secretLink()));
  }

  private void turn(ChannelConversation conversation, String text) {
    if (ChannelConversations.startsOver(text)) {
      var fresh = conversations.startAnew(conversation, config.tokenKey());
      post(
          fresh, new SlackBlocks.Post(Messages.text(messages, "channels.started-over"), List.of()));
      return;
    }
    var replies =
        chat.send(
            conversation.conversationId(),
            conversations.token(conversation, config.tokenKey()),
            text);
    if (replies.isEmpty()) {
      LOG.warn("Slack conversation {} no longer matches its token", conversation.conversationId());
      return;
    }
    deliver(conversation, replies.get());
  }

  private SlackBlocks.Rendered deliver(ChannelConversation conversation, List<BotMessage> replies) {
    var rendered = blocks.render(conversation, replies);
    rendered.posts().forEach(p -> post(conversation, p));
    return rendered;
  }

  private void post(ChannelConversation conversation, SlackBlocks.Post post) {
    var to = conversation.replyTo();
    int bar = to.indexOf('|');
    var channel = bar < 0 ? to : to.substring(0, bar);
    var thread = bar < 0 ? null : to.substring(bar + 1);
    api.postMessage(channel, thread, post.text(), post.blocks());
  }
}
