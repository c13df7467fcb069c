package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.tierzero.bot.conversations.ConversationStore;
import io.tierzero.bot.ids.Ids;
import io.tierzero.bot.redaction.PlainText;
import io.tierzero.bot.redaction.Redactor;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the requester may do to their ticket after raising it: add a note, close it. Each change is
 * a row of the ticket's history and, in the same transaction, one outbox row per sink, so it
 * reaches every sink as {@code ticket.updated} exactly once by its idempotency key (the change's
 * id), like the ticket itself ({@link OutboxDispatcher}).
 *
 * <p>Who may change a ticket is given as {@link Access}: over HTTP, the token of the conversation
 * that raised it; in a chat turn, that conversation itself (the turn has checked its token). A
 * ticket someone else raised is empty, exactly like one that does not exist.
 *
 * <p>Depends on repositories, not on {@link TicketService}, which needs the chat: chat handlers may
 * call this.
 */
@Singleton
public class TicketUpdates {
  /** As long as a chat message: a note is something typed, not a pasted log. */
  public static final int MAX_TEXT = 2000;

  /** Who is asking to change which ticket. */
  public sealed interface Access {
    /**
     * The ticket numbered {@code number}, for the holder of the token of the conversation that
     * raised it.
     */
    static Access byToken(String number, String token) {
      return new ByToken(number, token);
    }

    /**
     * The ticket raised in this conversation, for a chat turn of it. Call inside the turn's
     * transaction, which has locked the conversation and checked its token.
     */
    static Access ofConversation(String conversationId) {
      return new OfConversation(conversationId);
    }
  }

  record ByToken(String number, String token) implements Access {
    ByToken {
      Objects.requireNonNull(number, "number");
      Objects.requireNonNull(token, "token");
    }
  }

  record OfConversation(String conversationId) implements Access {
    OfConversation {
      Objects.requireNonNull(conversationId, "conversationId");
    }
  }

  /**
   * What a change did.
   *
   * @param ticket the ticket as it is now
   * @param change the change recorded; when {@code recorded} is false, the earlier change this
   *     request repeats (null when an agent closed the ticket)
   * @param recorded false when nothing changed: the ticket was already closed, or the same note was
   *     just added
   */
  public record Result(TicketReceipt ticket, @Nullable TicketChange change, boolean recorded) {}

  /** A note on a closed ticket: a new problem needs a new conversation, the message says. */
  public static final class TicketClosedException extends RuntimeException {
    TicketClosedException(String refusal) {
      super(refusal);
    }
  }

  private final TicketRepository tickets;
  private final TicketUpdateRepository updates;
  private final TicketDeliveryRepository deliveries;
  private final List<TicketSink> sinks;
  private final ConversationStore conversations;
  private final Clock clock;
  private final TicketTexts texts;

  TicketUpdates(
      TicketRepository tickets,
      TicketUpdateRepository updates,
      TicketDeliveryRepository deliveries,
      List<TicketSink> sinks,
      ConversationStore conversations,
      TicketTexts texts,
      Clock clock) {
    this.texts = texts;
    this.clock = clock;
    this.tickets = tickets;
    this.updates = updates;
    this.deliveries = deliveries;
    this.sinks = List.copyOf(sinks);
    this.conversations = conversations;
  }

  /**
   * Adds the requester's note (redacted, at most {@value #MAX_TEXT} characters after trimming; the
   * caller validates). The same note twice in a row is recorded once. Empty when {@code access}
   * gives no ticket.
   *
   * @throws TicketClosedException when the ticket is closed
   */
  @Transactional
  public Optional<Result> addNote(Access access, String text) {
    var cleaned = clean(text);
    if (cleaned == null) throw new IllegalArgumentException("a note needs text");
    var found = lockedTicket(access);
    if (found.isEmpty()) return Optional.empty();
    var ticket = found.get();
    if (ticket.ticketStatus() == TicketStatus.CLOSED)
      throw new TicketClosedException(texts.get("tickets.refused.closed", ticket.ticketNumber()));
    var last = lastChange(ticket);
    if (last.isPresent()
        && last.get().kind().equals(TicketChange.NOTE)
        && cleaned.equals(last.get().body())) {
      return Optional.of(new Result(texts.receipt(ticket), last.get().view(), false));
    }
    var now = now();
    var change = record(ticket, TicketChange.NOTE, cleaned, now);
    return Optional.of(
        new Result(texts.receipt(tickets.update(ticket.touched(now))), change, true));
  }

  /**
   * Closes the ticket for the requester ("it's fixed now"), with an optional last word. Closing a
   * closed ticket changes nothing and delivers nothing. Empty when {@code access} gives no ticket.
   */
  @Transactional
  public Optional<Result> close(Access access, @Nullable String text) {
    var found = lockedTicket(access);
    if (found.isEmpty()) return Optional.empty();
    var ticket = found.get();
    if (ticket.ticketStatus() == TicketStatus.CLOSED) {
      var earlier =
          lastChange(ticket)
              .filter(u -> u.kind().equals(TicketChange.CLOSED))
              .map(TicketUpdate::view);
      return Optional.of(new Result(texts.receipt(ticket), earlier.orElse(null), false));
    }
    var now = now();
    var change = record(ticket, TicketChange.CLOSED, clean(text), now);
    return Optional.of(
        new Result(
            texts.receipt(tickets.update(ticket.withStatus(TicketStatus.CLOSED, now))),
            change,
            true));
  }

  /** The ticket row, locked, when the access reaches it. */
  private Optional<Ticket> lockedTicket(Access access) {
    Optional<Ticket> ticket =
        switch (access) {
          case ByToken t ->
              tickets
                  .findByTicketNumber(t.number().strip().toUpperCase(Locale.ROOT))
                  .filter(
                      found -> conversations.find(found.conversationId(), t.token()).isPresent());
          case OfConversation c -> tickets.findByConversationId(c.conversationId());
        };
    // Read again under the lock: two changes at once (two tabs, two instances) go one by one, so
    // closing twice records one close.
    return ticket.flatMap(t -> tickets.findByIdForUpdate(t.id()));
  }

  private Optional<TicketUpdate> lastChange(Ticket ticket) {
    var history = updates.findByTicketIdOrderByCreatedAt(ticket.id());
    return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
  }

  private TicketChange record(Ticket ticket, String kind, @Nullable String body, Instant now) {
    var update = updates.save(new TicketUpdate(Ids.newId(), ticket.id(), kind, body, now, null));
    for (var sink : sinks)
      deliveries.save(TicketDelivery.due(ticket.id(), sink.name(), update.id(), update.id(), now));
    return update.view();
  }

  /** Trimmed, without control characters or secrets; null when nothing is left. */
  private static @Nullable String clean(@Nullable String text) {
    if (text == null) return null;
    var cleaned = Redactor.redact(PlainText.clean(text).strip());
    if (cleaned.isEmpty()) return null;
    return cleaned.length() <= MAX_TEXT ? cleaned : cleaned.substring(0, MAX_TEXT);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
