package io.tierzero.bot.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlowReportTest {
  private final FlowReport report =
      new FlowReport(id -> "printer".equals(id) ? List.of("model", "jam", "restart") : List.of());

  @Test
  void the_funnel_follows_the_flow_file_and_counts_where_unresolved_runs_stopped() {
    var flows =
        report.flows(
            List.of(
                Rows.run("c1", "printer", "resolved", true, "model", "jam", "restart"),
                Rows.run("c2", "printer", "abandoned", false, "jam", "model"),
                Rows.run("c3", "printer", "escalated", false, "model", "jam", "restart"),
                Rows.run("c4", "vpn", "cancelled", false, "gone")));

    assertEquals(List.of("printer", "vpn"), flows.stream().map(Reports.Flow::id).toList());
    var printer = flows.get(0);
    assertEquals(3, printer.starts());
    assertEquals(
        List.of(
            new Reports.Step("model", 3, 1),
            new Reports.Step("jam", 3, 0),
            new Reports.Step("restart", 2, 1)),
        printer.steps());
    assertEquals(
        List.of(
            new Reports.Count("abandoned", 1),
            new Reports.Count("escalated", 1),
            new Reports.Count("resolved", 1)),
        printer.outcomes());
    assertEquals(List.of(new Reports.Step("gone", 1, 1)), flows.get(1).steps());
  }
}
