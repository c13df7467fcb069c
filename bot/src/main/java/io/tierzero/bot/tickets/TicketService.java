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
import io.tierzero.bot.json.JsonColumns;
import io.tierzero.bot.kb.Articles;
import io.tierzero.bot.redaction.Redactor;
import io.tierzero.kb.parse.Article;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Raises tickets from conversations: puts together what an agent needs from the conversation, the
 * flow and the form ({@link TicketQueries} serves them afterwards, {@link TicketTexts} words them).
 * A ticket and its outbox rows are written in one transaction: once the user is told the number,
 * the ticket is certain to reach every sink eventually ({@link OutboxDispatcher}).
 */
@Singleton
public class TicketService {
  /** A subject is a line in a queue view: longer is cut at a word. */
  static final int MAX_SUBJECT = 120;

  /** Reply types that mean the user's message was a question the bot tried to answer. */
  private static final Set<ReplyType> ANSWERED_AS_QUESTION =
      Set.of(ReplyType.ANSWER, ReplyType.CLARIFY, ReplyType.NO_ANSWER, ReplyType.FLOW_STEP);

  /** Result of a ticket request. */
  public record Opened(TicketReceipt receipt, boolean created) {}

  private final ConversationStore store;
  private final ChatService chat;
  private final Escalations escalations;
  private final TicketRepository tickets;
  private final TicketDeliveryRepository deliveries;
  private final List<TicketSink> sinks;
  private final Articles articles;
  private final FlowEscalations flowEscalations;
  private final PriorityRules priorities;
  private final TicketsConfiguration config;
  private final ObjectMapper json;
  private final CreationGuard guard;
  private final TicketTexts texts;
  private final Clock clock;

  TicketService(
      ConversationStore store,
      ChatService chat,
      Escalations escalations,
      TicketRepository tickets,
      TicketDeliveryRepository deliveries,
      List<TicketSink> sinks,
      Articles articles,
      FlowEscalations flowEscalations,
      PriorityRules priorities,
      TicketsConfiguration config,
      ObjectMapper json,
      CreationGuard guard,
      TicketTexts texts,
      Clock clock) {
    this.texts = texts;
    this.clock = clock;
    this.store = store;
    this.chat = chat;
    this.escalations = escalations;
    this.tickets = tickets;
    this.deliveries = deliveries;
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
    if (existing.isPresent()) return Optional.of(new Opened(texts.receipt(existing.get()), false));

    var now = now();
    var escalation = escalations.find(conversationId);
    var flowRecord = flowEscalations.latest(conversationId);
    // A flow's own record wins over a context handed to Escalations: it is what the flow stored.
    var flowContext =
        flowRecord
            .map(FlowEscalations.Recorded::context)
            .or(() -> escalation.flatMap(escalations::context));
    var ratings = escalation.map(escalations::ratings).orElse(Map.of());
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
    var subject = subject(transcript, flow, texts);
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
            texts.description(requester, subject, trigger, decision, flow, shown, details),
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
        List.of(NewMessage.fromBot(ReplyType.TEXT.json(), texts.confirmation(ticket), null)),
        conversation.noAnswerStreak());
    return Optional.of(new Opened(texts.receipt(ticket), true));
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
      Transcript transcript, Map<String, String> ratings) {
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
  static String subject(
      Transcript transcript, @Nullable TicketContext.Flow flow, TicketTexts texts) {
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
      return texts.subjectWithoutQuestion(flow);
    }
    var oneLine = Redactor.redact(text).replaceAll("\\s+", " ").strip();
    if (oneLine.length() <= MAX_SUBJECT) return oneLine;
    var cut = oneLine.substring(0, MAX_SUBJECT - 1);
    var space = cut.lastIndexOf(' ');
    return (space > MAX_SUBJECT / 2 ? cut.substring(0, space) : cut) + "…";
  }

  private static Map<String, String> redacted(Map<String, String> answers) {
    var out = new LinkedHashMap<String, String>();
    answers.forEach((k, v) -> out.put(k, Redactor.redact(v)));
    return out;
  }

  private String write(TicketContext context) {
    return JsonColumns.write(json, "ticket.context", context);
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
