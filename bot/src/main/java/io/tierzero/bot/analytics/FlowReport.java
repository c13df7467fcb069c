package io.tierzero.bot.analytics;

import io.tierzero.bot.flows.FlowCatalog;
import io.tierzero.kb.flow.Step;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/** The guided fixes: runs started, each step's funnel, how the runs ended. */
@Singleton
class FlowReport {
  private final Function<String, List<String>> stepsOf;

  @Inject
  FlowReport(FlowCatalog flows) {
    this(id -> flows.get(id).map(f -> f.steps().stream().map(Step::id).toList()).orElse(List.of()));
  }

  /**
   * @param stepsOf a flow's step ids in the order its file defines them; empty when it is gone
   */
  FlowReport(Function<String, List<String>> stepsOf) {
    this.stepsOf = Objects.requireNonNull(stepsOf, "stepsOf");
  }

  /** Most started first, then by id. */
  List<Reports.Flow> flows(List<Snapshot.FlowRunRow> runs) {
    var byFlow = new TreeMap<String, List<Snapshot.FlowRunRow>>();
    runs.forEach(r -> byFlow.computeIfAbsent(r.flowId(), k -> new ArrayList<>()).add(r));
    var out = new ArrayList<Reports.Flow>();
    byFlow.forEach(
        (flow, list) -> {
          var seen = new LinkedHashSet<String>();
          list.forEach(r -> seen.addAll(r.steps()));
          // The funnel in the order the flow file defines its steps; steps no longer in it last.
          var defined = stepsOf.apply(flow);
          var order = new ArrayList<>(seen);
          order.sort(
              Comparator.comparingInt(
                  step -> defined.contains(step) ? defined.indexOf(step) : Integer.MAX_VALUE));
          var steps = new ArrayList<Reports.Step>();
          for (var step : order) {
            long reached = list.stream().filter(r -> r.steps().contains(step)).count();
            long dropped =
                list.stream()
                    .filter(
                        r ->
                            !"resolved".equals(r.outcome())
                                && !r.steps().isEmpty()
                                && r.steps().getLast().equals(step))
                    .count();
            steps.add(new Reports.Step(step, reached, dropped));
          }
          out.add(
              new Reports.Flow(
                  flow, list.size(), steps, Tally.counts(list, Snapshot.FlowRunRow::outcome)));
        });
    out.sort(
        Comparator.comparingLong(Reports.Flow::starts).reversed().thenComparing(Reports.Flow::id));
    return out;
  }
}
