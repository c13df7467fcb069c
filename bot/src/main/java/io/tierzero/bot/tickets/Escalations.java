package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.Transactional;
import io.tierzero.bot.chat.ChatConfiguration;
import io.tierzero.bot.chat.ConversationStarted;
import io.tierzero.bot.chat.Handoffs;
import io.tierzero.bot.chat.Reply;
import io.tierzero.bot.chat.ReplyForm;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.chat.TurnContext;
import io.tierzero.bot.feedback.VotesChanged;
import io.tierzero.bot.json.JsonColumns;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The way to a person, for every trigger: records why a person was offered (and, for a flow, what
 * the flow knows) and returns the {@code handoff} reply with the ticket form. The ticket itself is
 * raised only when the user submits the form with their consent ({@link TicketService#open}).
 *
 * <p>Seams for other features:
 *
 * <ul>
 *   <li>A flow that ends in {@code escalate} hands over through {@link
 *       io.tierzero.bot.chat.FlowHandoff} ({@link TicketFlowHandoff}), which calls {@link
 *       #offer(String, EscalationContext)}; the context is kept for the ticket in this record, the
 *       only place it is kept.
 *   <li>Feedback publishes {@link VotesChanged}; the rating is recorded here, in the vote's
 *       transaction, and after an unhelpful one "still not fixed" offers a person ({@link
 *       StillNotFixedHandler}).
 * </ul>
 */
@Singleton
public class Escalations implements Handoffs {
  static final String RATING_HELPFUL = "helpful";
  static final String RATING_UNHELPFUL = "unhelpful";

  private final EscalationRepository repository;
  private final ChatConfiguration chat;
  private final ObjectMapper json;
  private final Clock clock;
  private final TicketTexts texts;

  Escalations(
      EscalationRepository repository,
      ChatConfiguration chat,
      ObjectMapper json,
      Clock clock,
      TicketTexts texts) {
    this.clock = clock;
    this.repository = repository;
    this.chat = chat;
    this.json = json;
    this.texts = texts;
  }

  /** A handler's handoff: the user asked, or the bot missed twice. */
  @Override
  public Reply offer(TurnContext context, Trigger trigger) {
    return offer(context.conversationId(), trigger, null);
  }

  /**
   * A flow ended in {@code escalate}: keeps {@code context} for the ticket and returns the handoff
   * reply (the ticket form, prefilled with the requester the flow knows). Call it from the flow's
   * handler, inside the turn.
   */
  public Reply offer(String conversationId, EscalationContext context) {
    return offer(conversationId, Trigger.FLOW, context);
  }

  /**
   * Like {@link #offer(TurnContext, Trigger)}, with the conversation's escalation record the caller
   * just read ({@link #find}) to decide, so the turn reads it once.
   */
  Reply offer(TurnContext context, Trigger trigger, Optional<Escalation> current) {
    return offer(context.conversationId(), trigger, null, current);
  }

  @Transactional
  Reply offer(String conversationId, Trigger trigger, @Nullable EscalationContext context) {
    return offer(conversationId, trigger, context, repository.findById(conversationId));
  }

  @Transactional
  Reply offer(
      String conversationId,
      Trigger trigger,
      @Nullable EscalationContext context,
      Optional<Escalation> current) {
    var now = now();
    var updated =
        current
            .orElseGet(() -> Escalation.empty(conversationId, now))
            .withOffer(
                trigger.json(),
                context == null ? null : JsonColumns.write(json, "escalation.context", context),
                now);
    if (current.isPresent()) repository.update(updated);
    else repository.save(updated);
    var known = context != null ? context : context(updated).orElse(null);
    return new Reply(
        ReplyType.HANDOFF,
        chat.handoffText(),
        List.of(),
        List.of(),
        ticketForm(
            conversationId,
            known == null ? null : known.requesterName(),
            known == null ? null : known.requesterEmail()));
  }

  /**
   * Records the user's rating of an answer (or of the article {@code articleId}); an unhelpful one
   * arms the "still not fixed" trigger, a helpful one disarms it.
   */
  @Transactional
  public void recordRating(String conversationId, @Nullable String articleId, boolean helpful) {
    var now = now();
    var current = repository.findById(conversationId);
    var escalation = current.orElseGet(() -> Escalation.empty(conversationId, now));
    var ratings = new LinkedHashMap<>(ratings(escalation));
    if (articleId != null) ratings.put(articleId, helpful ? RATING_HELPFUL : RATING_UNHELPFUL);
    var updated =
        escalation.withRatings(
            JsonColumns.write(json, "escalation.ratings", ratings), helpful ? null : now, now);
    if (current.isPresent()) repository.update(updated);
    else repository.save(updated);
  }

  /** A vote in the feedback: recorded in the vote's own transaction (the event is synchronous). */
  @EventListener
  void onVotesChanged(VotesChanged vote) {
    recordRating(vote.conversationId(), vote.articleId(), vote.helpful());
  }

  /** Whether the user's latest rating in the conversation was unhelpful. */
  public boolean hasNegativeRating(String conversationId) {
    return repository.findById(conversationId).map(Escalation::negativelyRated).orElse(false);
  }

  @EventListener
  void onConversationStarted(ConversationStarted started) {
    if (started.pageUrl() == null && started.userAgent() == null) return;
    recordClient(started.conversationId(), started.pageUrl(), started.userAgent());
  }

  /** Where the user is: the page the widget is on and the browser, for the agent. */
  @Transactional
  public void recordClient(
      String conversationId, @Nullable String pageUrl, @Nullable String userAgent) {
    var now = now();
    var current = repository.findById(conversationId);
    var updated =
        current
            .orElseGet(() -> Escalation.empty(conversationId, now))
            .withClient(clip(pageUrl, 2000), clip(userAgent, 500), now);
    if (current.isPresent()) repository.update(updated);
    else repository.save(updated);
  }

  Optional<Escalation> find(String conversationId) {
    return repository.findById(conversationId);
  }

  Optional<EscalationContext> context(Escalation escalation) {
    if (escalation.context() == null) return Optional.empty();
    return Optional.of(
        JsonColumns.read(
            json, "escalation.context", escalation.context(), EscalationContext.class));
  }

  Map<String, String> ratings(Escalation escalation) {
    if (escalation.ratings() == null) return Map.of();
    return JsonColumns.read(
        json,
        "escalation.ratings",
        escalation.ratings(),
        Argument.mapOf(String.class, String.class));
  }

  /** The ticket form: name, email, consent (required), details (optional). */
  private ReplyForm ticketForm(
      String conversationId, @Nullable String name, @Nullable String email) {
    return new ReplyForm(
        "ticket",
        "/api/conversations/" + conversationId + "/ticket",
        "POST",
        texts.get("tickets.form.title"),
        List.of(
            new ReplyForm.Field(
                "name",
                texts.get("tickets.form.name"),
                ReplyForm.Field.TEXT,
                true,
                name,
                TicketRequest.MAX_NAME),
            new ReplyForm.Field(
                "email",
                texts.get("tickets.form.email"),
                ReplyForm.Field.EMAIL,
                true,
                email,
                TicketRequest.MAX_EMAIL),
            new ReplyForm.Field(
                "details",
                texts.get("tickets.form.details"),
                ReplyForm.Field.TEXT,
                false,
                null,
                TicketRequest.MAX_DETAILS),
            new ReplyForm.Field(
                "consent",
                texts.get("tickets.form.consent"),
                ReplyForm.Field.CHECKBOX,
                true,
                null,
                0)));
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
