package io.tierzero.bot.tickets;

import io.micronaut.serde.ObjectMapper;
import io.tierzero.bot.flows.FlowEscalation;
import io.tierzero.bot.flows.FlowEscalationRecord;
import io.tierzero.bot.flows.FlowEscalationRepository;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Reads the flows' {@code flow_escalation} records for tickets. */
@Singleton
final class FlowEscalationReader implements FlowEscalations {
  private final FlowEscalationRepository repository;
  private final ObjectMapper json;

  FlowEscalationReader(FlowEscalationRepository repository, ObjectMapper json) {
    this.repository = repository;
    this.json = json;
  }

  @Override
  public Optional<Recorded> latest(String conversationId) {
    var all = repository.findByConversationIdOrderByCreatedAt(conversationId);
    if (all.isEmpty()) return Optional.empty();
    var record = all.get(all.size() - 1);
    var context = context(record);
    var outcomes =
        context.actions().stream()
            .map(
                a ->
                    new EscalationContext.ActionOutcome(
                        a.step() + ": " + a.action(),
                        a.detail() == null || a.detail().isBlank() ? a.outcome() : a.outcome() + ": " + a.detail()))
            .toList();
    return Optional.of(
        new Recorded(
            new EscalationContext(
                record.category(),
                TicketService.priority(record.priority()),
                record.reason(),
                record.flowId(),
                record.stepId(),
                context.answers(),
                outcomes,
                null,
                null),
            context.tried(),
            record.createdAt()));
  }

  private FlowEscalation.Context context(FlowEscalationRecord record) {
    try {
      return json.readValue(record.context(), FlowEscalation.Context.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Unreadable flow escalation context", e);
    }
  }
}
