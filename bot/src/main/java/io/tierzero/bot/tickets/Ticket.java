package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A ticket as stored. Enum-like columns are strings here ({@link TicketStatus}, {@link Priority},
 * the trigger) so the table reads the same from SQL as from the API.
 *
 * @param ticketNumber the human-friendly number, {@code T-000123}
 * @param context the agent's context as JSON ({@link TicketContext})
 * @param confidence the bot's best confidence in an article it offered; null when it offered none
 * @param resolvedAt when the ticket first became resolved or closed
 * @param requesterVerified whether the requester's email was proven by an emailed code in the
 *     conversation; otherwise name and email are only what the form said
 * @param assignee the username of the agent working on it; null while nobody has taken it
 */
@MappedEntity("ticket")
record Ticket(
    @Id String id,
    String ticketNumber,
    String conversationId,
    String requesterName,
    String requesterEmail,
    String subject,
    String description,
    String category,
    String queue,
    String priority,
    String priorityReason,
    String triggerKind,
    String status,
    @Nullable Double confidence,
    @Nullable String pageUrl,
    @Nullable String browser,
    String context,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Instant resolvedAt,
    boolean requesterVerified,
    @Nullable String assignee) {

  @Creator
  Ticket {}

  /** A ticket nobody has taken yet, as it is raised. */
  Ticket(
      String id,
      String ticketNumber,
      String conversationId,
      String requesterName,
      String requesterEmail,
      String subject,
      String description,
      String category,
      String queue,
      String priority,
      String priorityReason,
      String triggerKind,
      String status,
      @Nullable Double confidence,
      @Nullable String pageUrl,
      @Nullable String browser,
      String context,
      Instant createdAt,
      Instant updatedAt,
      @Nullable Instant resolvedAt,
      boolean requesterVerified) {
    this(
        id,
        ticketNumber,
        conversationId,
        requesterName,
        requesterEmail,
        subject,
        description,
        category,
        queue,
        priority,
        priorityReason,
        triggerKind,
        status,
        confidence,
        pageUrl,
        browser,
        context,
        createdAt,
        updatedAt,
        resolvedAt,
        requesterVerified,
        null);
  }

  TicketStatus ticketStatus() {
    return TicketStatus.fromJson(status);
  }

  /** The same ticket, changed now (a note: the status stays). */
  Ticket touched(Instant now) {
    return changed(status, now, resolvedAt, assignee);
  }

  Ticket withStatus(TicketStatus newStatus, Instant now) {
    var resolved = resolvedAt == null && newStatus.isDone() ? now : resolvedAt;
    return changed(newStatus.json(), now, resolved, assignee);
  }

  /** The same ticket, taken by {@code agent} (null: given back to the queue). */
  Ticket withAssignee(@Nullable String agent, Instant now) {
    return changed(status, now, resolvedAt, agent);
  }

  /** What a change can touch: the status, when it was made, when it was resolved, who has it. */
  private Ticket changed(
      String newStatus, Instant updated, @Nullable Instant resolved, @Nullable String owner) {
    return new Ticket(
        id,
        ticketNumber,
        conversationId,
        requesterName,
        requesterEmail,
        subject,
        description,
        category,
        queue,
        priority,
        priorityReason,
        triggerKind,
        newStatus,
        confidence,
        pageUrl,
        browser,
        context,
        createdAt,
        updated,
        resolved,
        requesterVerified,
        owner);
  }
}
