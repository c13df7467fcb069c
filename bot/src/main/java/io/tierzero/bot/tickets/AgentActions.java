package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.conversations.ConversationStore;
import io.tierzero.bot.conversations.NewMessage;
import io.tierzero.bot.ids.Ids;
import io.tierzero.bot.redaction.PlainText;
import io.tierzero.bot.redaction.Redactor;
import io.tierzero.bot.security.AgentAccount;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What an agent does to a ticket from the console or the agents' API: take it (or give it to
 * another agent), move its status, reply to the requester. Each change is a row of the ticket's
 * history naming the agent and, in the same transaction, one outbox row per sink, so it reaches
 * every sink as {@code ticket.updated} exactly once, like the requester's own changes ({@link
 * TicketUpdates}). A new status and a reply are also said by the bot in the conversation the ticket
 * came from, where the widget shows them while it is open.
 */
@Singleton
public class AgentActions {
  /**
   * As long as a help desk's reply may be ({@link HelpDeskUpdates#MAX_REPLY}): the column's size.
   */
  public static final int MAX_REPLY = HelpDeskUpdates.MAX_REPLY;

  /**
   * A username as agents sign in with it; also what an assignee may be when no agents are listed.
   */
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,99}");

  /**
   * What the agent asks for; every part optional, applied in this order (so a reply sent with a new
   * status names the new status).
   *
   * @param assignee who takes the ticket; {@code ""} gives it back to the queue, null leaves it
   * @param status the status to move to; null or the current one leaves it
   * @param reply what to tell the requester; null or blank sends nothing
   */
  public record Request(
      @Nullable String assignee, @Nullable TicketStatus status, @Nullable String reply) {}

  /**
   * @param ticket the ticket as it is now, with its history
   * @param changes what this request recorded, in order; empty when it changed nothing
   */
  public record Result(AgentTicket ticket, List<TicketChange> changes) {}

  /**
   * A move the ticket's life does not allow ({@link TicketStatus#allows}); the message says why, to
   * the agent who asked.
   */
  public static final class TransitionRefusedException extends RuntimeException {
    TransitionRefusedException(String refusal) {
      super(refusal);
    }
  }

  private final TicketRepository tickets;
  private final TicketUpdateRepository updates;
  private final TicketDeliveryRepository deliveries;
  private final List<TicketSink> sinks;
  private final ConversationStore conversations;
  private final TicketQueries views;
  private final TicketTexts texts;
  private final Set<String> agents;
  private final Clock clock;

  AgentActions(
      TicketRepository tickets,
      TicketUpdateRepository updates,
      TicketDeliveryRepository deliveries,
      List<TicketSink> sinks,
      ConversationStore conversations,
      TicketQueries views,
      TicketTexts texts,
      List<AgentAccount> accounts,
      Clock clock) {
    this.texts = texts;
    this.clock = clock;
    this.tickets = tickets;
    this.updates = updates;
    this.deliveries = deliveries;
    this.sinks = List.copyOf(sinks);
    this.conversations = conversations;
    this.views = views;
    var names = new TreeSet<String>();
    accounts.forEach(a -> names.add(a.name().toLowerCase(Locale.ROOT)));
    this.agents = Set.copyOf(names);
  }

  /** The queues tickets are in, alphabetically: what a queue filter offers. */
  public List<String> queues() {
    return tickets.findDistinctQueue();
  }

  /** The agents a ticket can be given to, by username, sorted; empty when none are configured. */
  public List<String> agents() {
    return List.copyOf(new TreeSet<>(agents));
  }

  /**
   * Applies the request as {@code agent} (the signed-in username). Empty when there is no such
   * ticket. Everything is checked before anything is written, so a refused request changes nothing.
   *
   * @throws TransitionRefusedException for a status the ticket cannot move to
   * @throws IllegalArgumentException for an assignee who is not an agent, or a reply too long
   */
  @Transactional
  public Optional<Result> apply(String number, Request request, String agent) {
    Objects.requireNonNull(request, "request");
    var by = Objects.requireNonNull(agent, "agent").strip().toLowerCase(Locale.ROOT);
    var reply = reply(request.reply());
    var found = tickets.findByTicketNumber(number.strip().toUpperCase(Locale.ROOT));
    if (found.isEmpty()) return Optional.empty();
    // The conversation first, then the ticket, as a chat turn and the help desk's updates take
    // them: two changes at once go one by one and never wait for each other.
    var conversation = conversations.lockForNotice(found.get().conversationId());
    var locked = tickets.findByIdForUpdate(found.get().id());
    if (conversation.isEmpty() || locked.isEmpty()) return Optional.empty();
    var ticket = locked.get();
    var assignee = assignee(request.assignee(), ticket.assignee());
    var status = request.status();
    if (status != null
        && status != ticket.ticketStatus()
        && !ticket.ticketStatus().allows(status)) {
      throw new TransitionRefusedException(
          refusal(ticket.ticketNumber(), ticket.ticketStatus(), status));
    }

    var now = now();
    var changes = new ArrayList<TicketChange>();
    var said = new ArrayList<NewMessage>();
    if (assignee != null && !assignee.equals(Objects.requireNonNullElse(ticket.assignee(), ""))) {
      var taker = assignee.isEmpty() ? null : assignee;
      ticket = tickets.update(ticket.withAssignee(taker, now));
      changes.add(record(ticket, TicketChange.ASSIGNED, taker, by, now));
    }
    if (status != null && status != ticket.ticketStatus()) {
      ticket = tickets.update(ticket.withStatus(status, now));
      changes.add(record(ticket, TicketChange.STATUS, status.json(), by, now));
      said.add(
          NewMessage.fromBot(ReplyType.TICKET_STATUS.json(), texts.statusNotice(ticket), null));
    }
    if (reply != null) {
      ticket = tickets.update(ticket.touched(now));
      changes.add(record(ticket, TicketChange.REPLY, reply, by, now));
      said.add(
          NewMessage.fromBot(ReplyType.TICKET_STATUS.json(), replyNotice(ticket, by, reply), null));
    }
    if (!said.isEmpty()) {
      var c = conversation.get();
      conversations.append(c, said, c.noAnswerStreak());
    }
    return views.get(ticket.ticketNumber()).map(view -> new Result(view, List.copyOf(changes)));
  }

  /** Why the ticket cannot move from {@code from} to {@code to}, for the agent who asked. */
  private String refusal(String number, TicketStatus from, TicketStatus to) {
    if (from == TicketStatus.CLOSED) return texts.get("tickets.refusal.closed", number);
    if (to == TicketStatus.NEW) {
      return from == TicketStatus.RESOLVED
          ? texts.get("tickets.refusal.back-to-new.resolved", number, from.json())
          : texts.get("tickets.refusal.back-to-new", number, from.json());
    }
    return texts.get("tickets.refusal.resolved", number, from.json(), to.json());
  }

  /** An agent's reply, as the agent's own words, named, in the chat. */
  private String replyNotice(Ticket ticket, String agent, String text) {
    return texts.get(
        "tickets.notice.agent-reply",
        agent,
        ticket.ticketNumber(),
        ticket.ticketStatus().json(),
        text);
  }

  private TicketChange record(
      Ticket ticket, String kind, @Nullable String body, String by, Instant now) {
    var update =
        updates.save(new TicketUpdate(Ids.newId(), ticket.id(), kind, body, now, null, by));
    for (var sink : sinks)
      deliveries.save(TicketDelivery.due(ticket.id(), sink.name(), update.id(), update.id(), now));
    return update.view();
  }

  /**
   * Lower case, "" for nobody; null to leave it. Refuses a name that is no agent's, unless it is
   * the one the ticket has (an agent since removed from the configuration keeps their tickets until
   * someone else takes them, and the page's form sends the current assignee back).
   */
  private @Nullable String assignee(@Nullable String value, @Nullable String current) {
    if (value == null) return null;
    var name = value.strip().toLowerCase(Locale.ROOT);
    if (name.isEmpty() || name.equals(current)) return name;
    boolean known = agents.isEmpty() ? USERNAME.matcher(name).matches() : agents.contains(name);
    if (!known) {
      throw new IllegalArgumentException(
          agents.isEmpty()
              ? texts.get("tickets.refusal.assignee")
              : texts.get("tickets.refusal.assignee.listed", String.join(", ", agents())));
    }
    return name;
  }

  /** Trimmed, without control characters or secrets; null when nothing is left. */
  private @Nullable String reply(@Nullable String text) {
    if (text == null) return null;
    var cleaned = Redactor.redact(PlainText.clean(text).strip());
    if (cleaned.isEmpty()) return null;
    if (cleaned.length() > MAX_REPLY)
      throw new IllegalArgumentException(texts.get("tickets.refusal.reply-too-long", MAX_REPLY));
    return cleaned;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
