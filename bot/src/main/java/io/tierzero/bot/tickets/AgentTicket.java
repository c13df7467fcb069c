package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * A ticket as agents see it.
 *
 * @param trigger why the ticket was raised: {@code user_request}, {@code no_answers}, {@code flow},
 *     {@code negative_rating}
 * @param assignee the username of the agent working on it; absent while nobody has taken it
 * @param confidence the bot's best confidence in an article it offered; absent when none
 * @param context the transcript, articles and flow; left out of lists
 * @param deliveries each sink's delivery state, of the ticket and of each change; left out of lists
 * @param updates what the requester did since raising it (notes, closing), oldest first; left out
 *     of lists
 */
@Serdeable
public record AgentTicket(
    String id,
    String number,
    String conversationId,
    Requester requester,
    String subject,
    String description,
    String category,
    String queue,
    Priority priority,
    String priorityReason,
    String trigger,
    TicketStatus status,
    @Nullable String assignee,
    @Nullable Double confidence,
    @Nullable String pageUrl,
    @Nullable String browser,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Instant resolvedAt,
    @Nullable TicketContext context,
    @Nullable List<Delivery> deliveries,
    @Nullable List<TicketChange> updates) {

  @Serdeable
  /**
   * @param emailVerified false: the email is only what the ticket form said, nobody proved it
   */
  public record Requester(String name, String email, boolean emailVerified) {}

  /**
   * @param event {@code ticket.created}, or {@code ticket.updated} for a change (its id is the key)
   * @param state {@code pending} or {@code delivered}
   * @param lastError why the last attempt failed; absent once delivered
   */
  @Serdeable
  public record Delivery(
      String sink,
      String event,
      String idempotencyKey,
      String state,
      int attempts,
      @Nullable String lastError,
      @Nullable Instant deliveredAt) {}
}
