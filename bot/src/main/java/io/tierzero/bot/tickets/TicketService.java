package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.Transactional;
import io.tierzero.bot.chat.ChatService;
import io.tierzero.bot.chat.Handoffs;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.chat.Transcript;
import io.tierzero.bot.conversations.ChatMessage;
import io.tierzero.bot.conversations.ConversationStore;
import io.tierzero.bot.conversations.NewMessage;
import io.tierzero.bot.ids.Ids;
import io.tierzero.bot.kb.Articles;
import io.tierzero.bot.redaction.Redactor;
import io.tierzero.kb.parse.Article;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Raises tickets from conversations and serves them to the user (status) and to agents. A ticket
 * and its outbox rows are written in one transaction: once the user is told the number, the ticket
 * is certain to reach every sink eventually ({@link OutboxDispatcher}).
 */
@Singleton
public class TicketService {
  /** A subject is a line in a queue view: longer is cut at a word. */
  static final int MAX_SUBJECT = 120;

  /** Reply types that mean the user's message was a question the bot tried to answer. */
  private static final Set<ReplyType> ANSWERED_AS_QUESTION =
      Set.of(ReplyType.ANSWER, ReplyType.CLARIFY, ReplyType.NO_ANSWER, ReplyType.FLOW_STEP);

  /** Where the user checks a ticket, with the conversation token header. */
  public static String statusUrl(String number) {
    return "/api/tickets/" + number;
  }

  /** Result of a ticket request. */
  public record Opened(TicketReceipt receipt, boolean created) {}

  private final ConversationStore store;
  private final ChatService chat;
  private final Escalations escalations;
  private final TicketRepository tickets;
  private final TicketDeliveryRepository deliveries;
  private final TicketUpdateRepository updates;
  private final List<TicketSink> sinks;
  private final Articles articles;
  private final FlowEscalations flowEscalations;
  private final PriorityRules priorities;
  private final TicketsConfiguration config;
  private final ObjectMapper json;
  private final CreationGuard guard;
  private final Clock clock;

  TicketService(
      ConversationStore store,
      ChatService chat,
      Escalations escalations,
      TicketRepository tickets,
      TicketDeliveryRepository deliveries,
      TicketUpdateRepository updates,
      List<TicketSink> sinks,
      Articles articles,
      FlowEscalations flowEscalations,
      PriorityRules priorities,
      TicketsConfiguration config,
      ObjectMapper json,
      CreationGuard guard,
      Clock clock) {
    this.clock = clock;
    this.store = store;
    this.chat = chat;
    this.escalations = escalations;
    this.tickets = tickets;
    this.deliveries = deliveries;
    this.updates = updates;
    this.sinks = List.copyOf(sinks);
    this.articles = articles;
    this.flowEscalations = flowEscalations;
    this.priorities = priorities;
    this.config = config;
    this.json = json;
    this.guard = guard;
  }

  /**
   * Raises the conversation's ticket, or returns the one already raised (a second submission of the
   * form is not a second ticket). Empty when there is no such conversation or the token is not its
   * token. The request is already validated, consent included.
   */
  @Transactional
  public Optional<Opened> open(
      String conversationId, String token, TicketRequest request, @Nullable String userAgent) {
    // The turn lock: a ticket request and a chat message of the same conversation never interleave.
    var locked = store.lockForTurn(conversationId, token);
    if (locked.isEmpty()) return Optional.empty();
    var conversation = locked.get();
    var existing = tickets.findByConversationId(conversationId);
    if (existing.isPresent()) return Optional.of(new Opened(receipt(existing.get()), false));

    var now = now();
    var escalation = escalations.find(conversationId);
    var flowRecord = flowEscalations.latest(conversationId);
    // A flow's own record wins over a context handed to Escalations: it is what the flow stored.
    var flowContext =
        flowRecord
            .map(FlowEscalations.Recorded::context)
            .or(() -> escalation.flatMap(escalations::context));
    var ratings = escalation.map(escalations::ratings).orElse(java.util.Map.of());
    var transcript = chat.transcript(conversationId, token).orElseThrow();
    // A flow's escalation record is written only where the flow hands off to a person.
    boolean offered = escalation.map(Escalation::offeredAt).isPresent() || flowRecord.isPresent();
    guard.check(transcript, offered, request.email());

    var lines = new ArrayList<TicketContext.Line>();
    for (var entry : transcript.messages()) {
      lines.add(
          new TicketContext.Line(
              entry.from(),
              entry.type() == null ? null : entry.type().json(),
              Redactor.redact(entry.text()),
              entry.at()));
    }
    var shown = articlesShown(transcript, ratings);
    var flow =
        flowContext
            .filter(c -> c.flowId() != null)
            .map(
                c ->
                    new TicketContext.Flow(
                        c.flowId(),
                        c.stepReached(),
                        c.reason(),
                        redacted(c.answers()),
                        c.actionOutcomes(),
                        flowRecord
                            .map(r -> r.tried().stream().map(Redactor::redact).toList())
                            .orElse(List.of())))
            .orElse(null);
    var details =
        request.details() == null || request.details().isBlank()
            ? null
            : Redactor.redact(request.details().strip());
    var context = new TicketContext(lines, shown, flow, details);

    var userTexts = new ArrayList<String>();
    lines.stream()
        .filter(l -> l.from().equals(ChatMessage.USER))
        .forEach(l -> userTexts.add(l.text()));
    if (details != null) userTexts.add(details);
    flowContext.ifPresent(c -> userTexts.addAll(c.answers().values()));
    var decision =
        priorities.decide(
            userTexts,
            flowContext.map(EscalationContext::priority).orElse(null),
            flowContext.map(EscalationContext::reason).orElse(null));

    var category = category(flowContext.orElse(null), transcript);
    var trigger = trigger(escalation.orElse(null), flowRecord.orElse(null));
    var subject = subject(transcript, flow);
    var number = "T-%06d".formatted(tickets.nextNumber());
    var email = request.email().strip().toLowerCase(Locale.ROOT);
    var requester =
        new AgentTicket.Requester(
            request.name().strip(), email, guard.verified(conversationId, email));
    var pageUrl =
        clip(
            request.pageUrl() != null
                ? request.pageUrl()
                : escalation.map(Escalation::pageUrl).orElse(null),
            2000);
    var browser =
        clip(userAgent != null ? userAgent : escalation.map(Escalation::browser).orElse(null), 500);
    var confidence = confidence(transcript);

    var ticket =
        new Ticket(
            Ids.newId(),
            number,
            conversationId,
            requester.name(),
            requester.email(),
            subject,
            description(requester, subject, trigger, decision, flow, shown, details),
            category,
            config.queueOf(category),
            decision.priority().name(),
            clip(decision.reason(), 500),
            trigger,
            TicketStatus.NEW.json(),
            confidence,
            pageUrl,
            browser,
            write(context),
            now,
            now,
            null,
            requester.emailVerified());
    tickets.save(ticket);
    for (var sink : sinks) {
      deliveries.save(TicketDelivery.due(ticket.id(), sink.name(), ticket.id(), null, now));
    }
    // The bot says the number in the conversation too, so the transcript shows where it went.
    store.append(
        conversation,
        List.of(NewMessage.fromBot(ReplyType.TEXT.json(), confirmation(ticket), null)),
        conversation.noAnswerStreak());
    return Optional.of(new Opened(receipt(ticket), true));
  }

  /**
   * The ticket's status for its requester: only with the token of the conversation it came from.
   */
  public Optional<TicketReceipt> status(String number, String token) {
    return tickets
        .findByTicketNumber(number.strip().toUpperCase(Locale.ROOT))
        .filter(t -> store.find(t.conversationId(), token).isPresent())
        .map(TicketService::receipt);
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
            .map(TicketService::receipt)
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
                      TicketMessage.CREATED,
                      idempotencyKey,
                      view,
                      TranscriptText.render(view),
                      null));
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
                          TranscriptText.change(view, change),
                          change);
                    }));
  }

  static String confirmation(Ticket ticket) {
    return "I've raised ticket "
        + ticket.ticketNumber()
        + " with the IT Service Desk (queue: "
        + ticket.queue()
        + "). This conversation is attached, so you won't have to repeat anything. Someone will"
        + " contact you at "
        + ticket.requesterEmail()
        + ". You can check the ticket's status here at any time.";
  }

  /** What the bot says to any message after the ticket was raised: what its status means now. */
  static String afterTicket(Ticket ticket) {
    return "Your ticket "
        + ticket.ticketNumber()
        + " is with the IT Service Desk (queue: "
        + ticket.queue()
        + "), status: "
        + ticket.ticketStatus().json()
        + ". "
        + receipt(ticket).message()
        + " I won't answer further in this conversation so nothing gets lost between us: reply to"
        + " the Service Desk's email to add anything, or start a new conversation for a different"
        + " problem.";
  }

  static TicketReceipt receipt(Ticket t) {
    return new TicketReceipt(
        t.ticketNumber(),
        t.ticketStatus(),
        t.subject(),
        t.queue(),
        t.createdAt(),
        t.updatedAt(),
        switch (t.ticketStatus()) {
          case NEW ->
              "Your ticket is waiting for the IT Service Desk; someone will contact you at "
                  + t.requesterEmail()
                  + ".";
          case OPEN ->
              (t.assignee() == null ? "Someone" : t.assignee())
                  + " at the IT Service Desk is working on your ticket.";
          case PENDING ->
              "The IT Service Desk is waiting for a reply or for someone else; check your email.";
          case RESOLVED ->
              "Your ticket is resolved. If the problem is back, reply to the Service Desk's email.";
          case CLOSED -> "Your ticket is closed. For a new problem, start a new chat.";
        },
        statusUrl(t.ticketNumber()));
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

  /**
   * Why the ticket is raised: the last handoff offered, unless a flow escalated after it (a flow
   * may answer its {@code escalate} with its own handoff reply).
   */
  private static String trigger(
      @Nullable Escalation escalation, FlowEscalations.@Nullable Recorded flow) {
    var offered = escalation == null ? null : escalation.offeredAt();
    if (flow != null && (offered == null || flow.at().isAfter(offered)))
      return Handoffs.Trigger.FLOW.json();
    if (escalation != null && escalation.triggerKind() != null) return escalation.triggerKind();
    return Handoffs.Trigger.USER_REQUEST.json();
  }

  /** "P1", "p2", "1": a flow's priority, leniently; null when it is none of these. */
  static @Nullable Priority priority(@Nullable String value) {
    if (value == null || value.isBlank()) return null;
    var v = value.strip().toUpperCase(Locale.ROOT);
    if (!v.startsWith("P")) v = "P" + v;
    try {
      return Priority.valueOf(v);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private List<TicketContext.ArticleShown> articlesShown(
      Transcript transcript, java.util.Map<String, String> ratings) {
    var byId = new LinkedHashMap<String, TicketContext.ArticleShown>();
    for (var entry : transcript.messages()) {
      for (var a : entry.articles()) {
        var previous = byId.get(a.id());
        if (previous == null || previous.confidence() < a.confidence()) {
          byId.put(
              a.id(),
              new TicketContext.ArticleShown(
                  a.id(), a.title(), a.url(), a.confidence(), ratings.get(a.id())));
        }
      }
    }
    return List.copyOf(byId.values());
  }

  /**
   * The flow's category, else the category of the article most recently offered, else the default.
   */
  private String category(@Nullable EscalationContext flow, Transcript transcript) {
    if (flow != null && flow.category() != null && !flow.category().isBlank())
      return flow.category().strip();
    var messages = transcript.messages();
    for (int i = messages.size() - 1; i >= 0; i--) {
      for (var a : messages.get(i).articles()) {
        // A reply stored before links carried their category names only the article.
        var category =
            a.category() != null
                ? Optional.of(a.category()).filter(c -> !c.isBlank())
                : articles.article(a.id()).map(Article::category).filter(c -> !c.isBlank());
        if (category.isPresent()) return category.get();
      }
    }
    return config.defaultCategory();
  }

  /** The best confidence of the latest reply that offered articles; null when none did. */
  private static @Nullable Double confidence(Transcript transcript) {
    var messages = transcript.messages();
    for (int i = messages.size() - 1; i >= 0; i--) {
      var offered = messages.get(i).articles();
      if (!offered.isEmpty())
        return offered.stream().mapToDouble(a -> a.confidence()).max().orElse(0);
    }
    return null;
  }

  /** The first thing the user asked that the bot treated as a question, cut to a queue line. */
  static String subject(Transcript transcript, @Nullable TicketContext.Flow flow) {
    var messages = transcript.messages();
    String first = null;
    String question = null;
    for (int i = 0; i < messages.size() && question == null; i++) {
      var m = messages.get(i);
      if (!m.from().equals(ChatMessage.USER)) continue;
      if (first == null) first = m.text();
      if (i + 1 < messages.size()
          && messages.get(i + 1).type() != null
          && ANSWERED_AS_QUESTION.contains(messages.get(i + 1).type())) {
        question = m.text();
      }
    }
    var text = question != null ? question : first;
    if (text == null || text.isBlank()) {
      return flow != null
          ? "Guided fix " + flow.id() + " needs a person"
          : "Help requested in the chat";
    }
    var oneLine = Redactor.redact(text).replaceAll("\\s+", " ").strip();
    if (oneLine.length() <= MAX_SUBJECT) return oneLine;
    var cut = oneLine.substring(0, MAX_SUBJECT - 1);
    var space = cut.lastIndexOf(' ');
    return (space > MAX_SUBJECT / 2 ? cut.substring(0, space) : cut) + "…";
  }

  private static String description(
      AgentTicket.Requester requester,
      String subject,
      String trigger,
      PriorityRules.Decision decision,
      @Nullable TicketContext.Flow flow,
      List<TicketContext.ArticleShown> shown,
      @Nullable String details) {
    var out = new StringBuilder();
    out.append(requester.name())
        .append(" asked the support bot: \"")
        .append(subject)
        .append("\"\n");
    if (!requester.emailVerified()) {
      out.append("Requester's name and email are as typed in the ticket form, not verified.\n");
    }
    out.append("Escalated because ")
        .append(
            switch (trigger) {
              case "no_answers" ->
                  "the bot found no answer twice in a row and the user accepted a person.";
              case "flow" -> "the guided fix ended in an escalation.";
              case "negative_rating" ->
                  "the user rated the answer unhelpful and said the problem is still not fixed.";
              default -> "the user asked for a person.";
            })
        .append('\n');
    out.append("Priority ")
        .append(decision.priority())
        .append(": ")
        .append(decision.reason())
        .append('\n');
    if (flow != null) {
      out.append("Guided fix ").append(flow.id());
      if (flow.stepReached() != null)
        out.append(" reached step \"").append(flow.stepReached()).append('"');
      if (flow.reason() != null) out.append(": ").append(flow.reason());
      out.append('\n');
    }
    if (!shown.isEmpty()) {
      out.append("Articles shown: ");
      out.append(
          String.join(
              ", ",
              shown.stream()
                  .map(a -> a.title() + (a.rating() == null ? "" : " (" + a.rating() + ")"))
                  .toList()));
      out.append('\n');
    }
    if (details != null) out.append("The user added: ").append(details).append('\n');
    out.append("The full conversation is attached.");
    return out.toString();
  }

  private static java.util.Map<String, String> redacted(java.util.Map<String, String> answers) {
    var out = new LinkedHashMap<String, String>();
    answers.forEach((k, v) -> out.put(k, Redactor.redact(v)));
    return out;
  }

  private String write(TicketContext context) {
    try {
      return json.writeValueAsString(context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private TicketContext read(String context) {
    try {
      return json.readValue(context, TicketContext.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Unreadable stored ticket context", e);
    }
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static @Nullable String clip(@Nullable String s, int max) {
    if (s == null || s.isBlank()) return null;
    var stripped = s.strip();
    return stripped.length() <= max ? stripped : stripped.substring(0, max);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
