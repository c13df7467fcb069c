package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import io.tierzero.bot.conversations.ConversationStore;
import io.tierzero.bot.json.JsonColumns;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tickets as their readers see them: the requester (status, their tickets), agents (the queue, one
 * ticket in full) and the sinks (what an outbox row delivers).
 */
@Singleton
public class TicketQueries {
  /** Where the user checks a ticket, with the conversation token header. */
  public static String statusUrl(String number) {
    return "/api/tickets/" + number;
  }

  private final ConversationStore store;
  private final TicketRepository tickets;
  private final TicketDeliveryRepository deliveries;
  private final TicketUpdateRepository updates;
  private final TicketTexts texts;
  private final TranscriptText transcripts;
  private final ObjectMapper json;

  TicketQueries(
      ConversationStore store,
      TicketRepository tickets,
      TicketDeliveryRepository deliveries,
      TicketUpdateRepository updates,
      TicketTexts texts,
      TranscriptText transcripts,
      ObjectMapper json) {
    this.store = store;
    this.tickets = tickets;
    this.deliveries = deliveries;
    this.updates = updates;
    this.texts = texts;
    this.transcripts = transcripts;
    this.json = json;
  }

  /**
   * The ticket's status for its requester: only with the token of the conversation it came from.
   */
  public Optional<TicketReceipt> status(String number, String token) {
    return tickets
        .findByTicketNumber(number.strip().toUpperCase(Locale.ROOT))
        .filter(t -> store.find(t.conversationId(), token).isPresent())
        .map(texts::receipt);
  }

  /**
   * The tickets raised from these conversations, most recently updated first. A conversation that
   * does not exist or whose token is wrong is left out like one without a ticket, so the answer
   * never tells which conversations exist.
   */
  public MyTickets mine(List<MyTicketsRequest.Conversation> conversations) {
    // The same conversation twice is checked once: the first token given for it counts.
    var byId = new LinkedHashMap<String, String>();
    for (var c : conversations) byId.putIfAbsent(c.id(), c.token());
    return new MyTickets(
        byId.entrySet().stream()
            .filter(c -> store.find(c.getKey(), c.getValue()).isPresent())
            .flatMap(c -> tickets.findByConversationId(c.getKey()).stream())
            .sorted(Comparator.comparing(Ticket::updatedAt).reversed())
            .map(texts::receipt)
            .toList());
  }

  /**
   * Tickets for agents, newest first, filtered by whatever is given; an {@code assignee} of {@code
   * ""} means the tickets nobody has taken.
   */
  public List<AgentTicket> list(
      @Nullable TicketStatus status,
      @Nullable String queue,
      @Nullable Priority priority,
      @Nullable String assignee,
      int limit) {
    var who = assignee == null ? null : assignee.strip().toLowerCase(Locale.ROOT);
    return tickets
        .search(
            status == null ? null : status.json(),
            blankToNull(queue),
            priority == null ? null : priority.name(),
            who,
            limit)
        .stream()
        .map(t -> agentView(t, false))
        .toList();
  }

  /** One ticket with its transcript and delivery state. */
  public Optional<AgentTicket> get(String number) {
    return tickets
        .findByTicketNumber(number.strip().toUpperCase(Locale.ROOT))
        .map(t -> agentView(t, true));
  }

  /**
   * What sinks receive for an outbox row: for a ticket, everything an agent sees but the delivery
   * state; for a change ({@code updateId}), the change and the ticket as it is now.
   */
  Optional<TicketMessage> message(
      String ticketId, @Nullable String updateId, String idempotencyKey) {
    var ticket = tickets.findById(ticketId);
    if (updateId == null) {
      return ticket
          .map(t -> agentViewWith(t, read(t.context()), null, null))
          .map(
              view ->
                  new TicketMessage(
                      TicketMessage.CREATED, idempotencyKey, view, transcripts.render(view), null));
    }
    return ticket.flatMap(
        t ->
            updates
                .findById(updateId)
                .map(TicketUpdate::view)
                .map(
                    change -> {
                      var view = agentViewWith(t, null, null, null);
                      return new TicketMessage(
                          TicketMessage.UPDATED,
                          idempotencyKey,
                          view,
                          transcripts.change(view, change),
                          change);
                    }));
  }

  private AgentTicket agentView(Ticket t, boolean full) {
    if (!full) return agentViewWith(t, null, null, null);
    var rows =
        deliveries.findByTicketIdOrderBySink(t.id()).stream()
            .map(
                d ->
                    new AgentTicket.Delivery(
                        d.sink(),
                        d.event(),
                        d.idempotencyKey(),
                        d.state(),
                        d.attempts(),
                        d.lastError(),
                        d.deliveredAt()))
            .toList();
    var history =
        updates.findByTicketIdOrderByCreatedAt(t.id()).stream().map(TicketUpdate::view).toList();
    return agentViewWith(t, read(t.context()), rows, history);
  }

  private static AgentTicket agentViewWith(
      Ticket t,
      @Nullable TicketContext context,
      @Nullable List<AgentTicket.Delivery> rows,
      @Nullable List<TicketChange> history) {
    return new AgentTicket(
        t.id(),
        t.ticketNumber(),
        t.conversationId(),
        new AgentTicket.Requester(t.requesterName(), t.requesterEmail(), t.requesterVerified()),
        t.subject(),
        t.description(),
        t.category(),
        t.queue(),
        Priority.valueOf(t.priority()),
        t.priorityReason(),
        t.triggerKind(),
        t.ticketStatus(),
        t.assignee(),
        t.confidence(),
        t.pageUrl(),
        t.browser(),
        t.createdAt(),
        t.updatedAt(),
        t.resolvedAt(),
        context,
        rows,
        history);
  }

  private TicketContext read(String context) {
    return JsonColumns.read(json, "ticket.context", context, TicketContext.class);
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
