package io.tierzero.bot.chat;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Objects;

/**
 * What a handler answers, before it is stored. Options are quick replies: choosing one sends its
 * text as the user's next message, so every option is also something the user could have typed.
 *
 * @param form a form for the widget to show with the reply (the ticket form of a handoff); null for
 *     most replies
 * @param input what the user is expected to type next (a flow's question); null when anything goes
 * @param flow the flow a {@code flow_step} belongs to (its id); null for other replies
 * @param action something for the widget to do, e.g. {@value #NEW_CONVERSATION} or {@value
 *     #SHOW_MY_TICKETS}; null for most
 */
@Serdeable
public record Reply(
    ReplyType type,
    String text,
    List<ArticleLink> articles,
    List<String> options,
    @Nullable ReplyForm form,
    @Nullable ReplyInput input,
    @Nullable String flow,
    @Nullable String action) {
  /** The widget starts a new conversation (the old one stays as it is). */
  public static final String NEW_CONVERSATION = "new_conversation";

  /**
   * With a {@code ticket_status} reply that knows no ticket in this conversation: the widget lists
   * the tickets of the other conversations this browser started ({@code POST /api/tickets/mine}).
   */
  public static final String SHOW_MY_TICKETS = "show_my_tickets";

  @Creator
  public Reply {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    articles = articles == null ? List.of() : List.copyOf(articles);
    options = options == null ? List.of() : List.copyOf(options);
  }

  public Reply(
      ReplyType type,
      String text,
      List<ArticleLink> articles,
      List<String> options,
      @Nullable ReplyForm form,
      @Nullable ReplyInput input) {
    this(type, text, articles, options, form, input, null, null);
  }

  public Reply(
      ReplyType type,
      String text,
      List<ArticleLink> articles,
      List<String> options,
      @Nullable ReplyForm form) {
    this(type, text, articles, options, form, null);
  }

  /** A text reply that asks the widget to start a new conversation (the old one stays intact). */
  public static Reply newConversation(String text, List<String> options) {
    return new Reply(ReplyType.TEXT, text, List.of(), options, null, null, null, NEW_CONVERSATION);
  }

  /** This reply as a step of {@code flowId}. */
  public Reply inFlow(String flowId) {
    return new Reply(type, text, articles, options, form, input, flowId, action);
  }

  /** This reply asking the widget to do {@code widgetAction}. */
  public Reply withAction(String widgetAction) {
    return new Reply(type, text, articles, options, form, input, flow, widgetAction);
  }

  public Reply(ReplyType type, String text, List<ArticleLink> articles, List<String> options) {
    this(type, text, articles, options, null);
  }

  public static Reply text(String text, String... options) {
    return new Reply(ReplyType.TEXT, text, List.of(), List.of(options));
  }
}
