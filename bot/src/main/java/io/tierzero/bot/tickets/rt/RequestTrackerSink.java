package io.tierzero.bot.tickets.rt;

import io.micronaut.context.annotation.Requires;
import io.tierzero.bot.tickets.TicketChange;
import io.tierzero.bot.tickets.TicketMessage;
import io.tierzero.bot.tickets.TicketSink;
import io.tierzero.bot.tickets.TicketStatus;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivers tickets to Request Tracker through its REST 2 API: a new ticket in the mapped queue with
 * the mapped priority, the requester as requestor, the description and the whole conversation as
 * its first message; a requester's note or close as correspondence on it.
 *
 * <p>RT takes no idempotency key, so the sink keeps ours itself: the ticket's key in a custom field
 * ({@link RequestTrackerConfiguration#keyField()}), searched for before creating; a change's key as
 * the last line of its correspondence, looked for in the ticket's history before adding it. An
 * attempt whose answer was lost therefore finds what it made, and a retry never makes a second RT
 * ticket or a second message.
 */
@Singleton
@Requires(property = RequestTrackerConfiguration.PREFIX + ".url")
public final class RequestTrackerSink implements TicketSink {
  public static final String NAME = "rt";

  /** What a change's correspondence ends with: the line the retry looks for. */
  static final String REFERENCE = "Tier Zero reference: ";

  /** The RT status a ticket moves to when the requester closes it in the chat. */
  static final String CLOSED_STATUS = "resolved";

  private final RequestTrackerConfiguration config;
  private final RequestTrackerClient rt;
  private final RtTicketRepository links;
  private final Clock clock;

  RequestTrackerSink(
      RequestTrackerConfiguration config,
      RequestTrackerClient rt,
      RtTicketRepository links,
      Clock clock) {

    this.clock = clock;
    this.config = config;
    this.rt = rt;
    this.links = links;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void deliver(TicketMessage message, int attempt) throws IOException, InterruptedException {
    if (message.update() == null) {
      create(message);
    } else {
      change(message, message.update());
    }
  }

  private void create(TicketMessage message) throws IOException, InterruptedException {
    var t = message.ticket();
    var existing = rt.findByKey(message.idempotencyKey());
    long id;
    if (existing.isPresent()) {
      id = existing.getAsLong(); // an earlier attempt made it; its answer never arrived
    } else {
      var ticket = new LinkedHashMap<String, Object>();
      ticket.put("Queue", config.rtQueue(t.queue()));
      ticket.put("Subject", "[" + t.number() + "] " + t.subject());
      ticket.put("Requestor", t.requester().email());
      ticket.put("Priority", config.rtPriority(t.priority().name()));
      ticket.put("Content", t.description() + "\n\n" + message.transcriptText());
      ticket.put("ContentType", "text/plain");
      ticket.put("CustomFields", Map.of(config.keyField(), message.idempotencyKey()));
      id = rt.create(ticket);
    }
    remember(t.id(), id);
  }

  private void change(TicketMessage message, TicketChange change)
      throws IOException, InterruptedException {
    var ticketId = message.ticket().id();
    var id = links.findById(ticketId).map(RtTicket::rtId).orElse(null);
    if (id == null) {
      // The ticket's own delivery may have been made by an instance that died before storing
      // the link; RT knows the ticket by our ticket's key.
      var found = rt.findByKey(ticketId);
      if (found.isEmpty())
        throw new IOException("Ticket " + message.ticket().number() + " is not in RT yet");
      id = found.getAsLong();
      remember(ticketId, id);
    }
    var reference = REFERENCE + message.idempotencyKey();
    if (alreadyAdded(id, reference)) return;
    var text = message.transcriptText().strip() + "\n\n" + reference;
    switch (change.kind()) {
      // An agent's reply here goes to the requestors like any correspondence; a status or an
      // assignment made here is for RT's agents only, a comment, moving RT's status along.
      case TicketChange.REPLY -> rt.update(id, false, text, null);
      case TicketChange.STATUS ->
          rt.update(id, true, text, rtStatus(TicketStatus.fromJson(change.text())));
      case TicketChange.ASSIGNED -> rt.update(id, true, text, null);
      default ->
          rt.update(
              id, false, text, TicketChange.CLOSED.equals(change.kind()) ? CLOSED_STATUS : null);
    }
  }

  /**
   * RT's status for ours, in RT's default lifecycle; closed here is resolved there, as a
   * requester's close is.
   */
  static String rtStatus(TicketStatus status) {
    return switch (status) {
      case NEW -> "new";
      case OPEN -> "open";
      case PENDING -> "stalled";
      case RESOLVED, CLOSED -> CLOSED_STATUS;
    };
  }

  /** Whether the ticket's history has our correspondence or comment with this reference line. */
  private boolean alreadyAdded(long id, String reference) throws IOException, InterruptedException {
    var creator = rt.ticket(id).creator(); // the bot's own RT user: it created the ticket
    for (var tx : rt.transactions(id, 0, List.of("Correspond", "Comment"))) {
      if (tx.creator().equalsIgnoreCase(creator) && rt.text(tx.id()).contains(reference))
        return true;
    }
    return false;
  }

  private void remember(String ticketId, long rtId) {
    if (links.existsById(ticketId)) return;
    links.save(new RtTicket(ticketId, rtId, 0, clock.instant().truncatedTo(ChronoUnit.MICROS)));
  }
}
