package io.tierzero.bot.tickets;

import io.micronaut.transaction.annotation.Transactional;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.conversations.Conversation;
import io.tierzero.bot.conversations.ConversationStore;
import io.tierzero.bot.conversations.NewMessage;
import io.tierzero.bot.ids.Ids;
import io.tierzero.bot.redaction.PlainText;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a help desk sends back about a ticket it received: an agent's reply to the requester, a new
 * status. Each is a row of the ticket's history, the ticket's status follows, and the bot says it
 * in the conversation the ticket came from, so the user reads it in the chat. Nothing here goes
 * back to the sinks: it came from one.
 *
 * <p>Exactly once per help-desk event: the caller names each by a {@code sourceId} that is stable
 * across reads (e.g. {@code rt:transaction:123}), and an event already recorded is skipped, so a
 * poller may read the same history twice without the user hearing anything twice.
 */
@Singleton
public class HelpDeskUpdates {
  /** Longest reply kept; the rest is in the help desk. */
  public static final int MAX_REPLY = 10_000;

  private final TicketRepository tickets;
  private final TicketUpdateRepository updates;
  private final ConversationStore conversations;
  private final Clock clock;
  private final TicketTexts texts;

  HelpDeskUpdates(
      TicketRepository tickets,
      TicketUpdateRepository updates,
      ConversationStore conversations,
      TicketTexts texts,
      Clock clock) {
    this.texts = texts;

    this.clock = clock;
    this.tickets = tickets;
    this.updates = updates;
    this.conversations = conversations;
  }

  /** The number of the ticket with this id, e.g. for a help desk's log lines. */
  public Optional<String> number(String ticketId) {
    return tickets.findById(ticketId).map(Ticket::ticketNumber);
  }

  /**
   * An agent's reply to the requester. False when this event was recorded before, the ticket is
   * gone or the text is empty.
   */
  @Transactional
  public boolean replied(String ticketId, String sourceId, String text) {
    var cleaned = PlainText.clean(Objects.requireNonNull(text, "text")).strip();
    if (cleaned.isEmpty()) return false;
    if (cleaned.length() > MAX_REPLY) cleaned = cleaned.substring(0, MAX_REPLY);
    var found = lockedNew(ticketId, sourceId);
    if (found.isEmpty()) return false;
    var ticket = found.get().ticket();
    var now = now();
    updates.save(
        new TicketUpdate(Ids.newId(), ticket.id(), TicketChange.REPLY, cleaned, now, sourceId));
    tickets.update(ticket.touched(now));
    say(
        found.get(),
        texts.get(
            "tickets.notice.help-desk-reply",
            ticket.ticketNumber(),
            ticket.ticketStatus().json(),
            cleaned));
    return true;
  }

  /**
   * The help desk moved the ticket to {@code status}. False when this event was recorded before,
   * the ticket is gone or already has that status.
   */
  @Transactional
  public boolean statusChanged(String ticketId, String sourceId, TicketStatus status) {
    Objects.requireNonNull(status, "status");
    var found = lockedNew(ticketId, sourceId);
    if (found.isEmpty() || found.get().ticket().ticketStatus() == status) return false;
    var now = now();
    var ticket = tickets.update(found.get().ticket().withStatus(status, now));
    updates.save(
        new TicketUpdate(
            Ids.newId(), ticket.id(), TicketChange.STATUS, status.json(), now, sourceId));
    say(found.get(), texts.statusNotice(ticket));
    return true;
  }

  /** A ticket and its conversation, both locked for this transaction. */
  private record Locked(Ticket ticket, Conversation conversation) {}

  /** The ticket and its conversation, locked, when this event is new for the ticket. */
  private Optional<Locked> lockedNew(String ticketId, String sourceId) {
    Objects.requireNonNull(sourceId, "sourceId");
    var ticket = tickets.findById(ticketId);
    if (ticket.isEmpty()) return Optional.empty();
    // The conversation first, then the ticket: the order a chat turn that adds a note takes them
    // in, so the two never wait for each other. Under the ticket's lock, two pollers reading the
    // same event record it once.
    return conversations
        .lockForNotice(ticket.get().conversationId())
        .flatMap(
            c ->
                tickets
                    .findByIdForUpdate(ticketId)
                    .filter(t -> !updates.existsByTicketIdAndSourceId(t.id(), sourceId))
                    .map(t -> new Locked(t, c)));
  }

  /** The bot says it in the ticket's conversation. */
  private void say(Locked locked, String text) {
    var c = locked.conversation();
    conversations.append(
        c,
        List.of(NewMessage.fromBot(ReplyType.TICKET_STATUS.json(), text, null)),
        c.noAnswerStreak());
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
