package io.tierzero.bot.analytics;

import static io.tierzero.bot.analytics.AnalyticsTestApp.basic;
import static io.tierzero.bot.analytics.AnalyticsTestApp.send;
import static io.tierzero.bot.analytics.AnalyticsTestApp.start;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.analytics.Reports.Count;
import io.tierzero.bot.analytics.Reports.Step;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Guided fix analytics over four runs of the repository's printer flow (articles/flows):
 *
 * <pre>
 * A  display? no -> queue_works? yes                                   resolved
 * B  display? yes -> error_cleared? no -> queue_works? no -> readd_works? no -> printer_id -> escalate
 * C  display? "cancel"                                                 cancelled at display
 * D  display? no -> queue_works? (no answer yet)                       running, waiting at queue_works
 * </pre>
 *
 * So: 4 starts; display reached 4 times, queue_works 3 (A, B, D), error_cleared, readd_works,
 * printer_id and escalate once (B), resolved once (A); runs stopped without resolution at display
 * (C), queue_works (D) and escalate (B).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlowAnalyticsTest implements TestPropertyProvider {
  static final Path FLOWS = Path.of("../articles/flows").toAbsolutePath().normalize();

  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    var properties = new HashMap<>(AnalyticsTestApp.properties());
    properties.put("tierzero.flows.dir", FLOWS.toString());
    return properties;
  }

  private void run(String... messages) {
    var c = start(client);
    for (var m : messages) send(client, c, m);
  }

  @BeforeAll
  void seed() {
    run("the printer won't print", "no", "yes");
    run("printer not printing", "yes", "no", "no", "no", "PRN-1");
    run("can't print", "cancel");
    run("cannot print", "no");
  }

  @Test
  void the_printer_flow_funnel_counts_starts_steps_and_outcomes() {
    var flows =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.GET("/api/agent/analytics/flows").header("Authorization", basic()),
                Argument.listOf(Reports.Flow.class));

    assertEquals(1, flows.size(), flows.toString());
    var printer = flows.get(0);
    assertEquals("printer-not-printing", printer.id());
    assertEquals(4, printer.starts());
    assertEquals(
        List.of(
            new Count("cancelled", 1),
            new Count("escalated", 1),
            new Count("resolved", 1),
            new Count("running", 1)),
        printer.outcomes());
    assertEquals(
        List.of(
            new Step("display", 4, 1),
            new Step("error_cleared", 1, 0),
            new Step("queue_works", 3, 1),
            new Step("readd_works", 1, 0),
            new Step("printer_id", 1, 0),
            new Step("escalate", 1, 1),
            new Step("resolved", 1, 0)),
        printer.steps());
  }
}
