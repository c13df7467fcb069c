package io.tierzero.bot.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.TestApp;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Agents change flows by editing files: an edit under {@code articles/flows/} reaches the running
 * bot like an article edit, and a broken edit keeps the previous version of that flow serving. The
 * waits only bound how long to wait for the watcher; nothing asserts how fast it is.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlowEditsTest implements TestPropertyProvider {
  private static final long GIVE_UP_MILLIS = 60_000;
  private static final Path SHIPPED_WIFI_FLOW = Path.of("../articles/flows/wifi-connection.yaml");

  @Inject FlowCatalog catalog;
  private Path flows;

  @Override
  public Map<String, String> getProperties() {
    var home = TestApp.newHome();
    flows = home.resolve("articles/flows");
    try {
      Files.createDirectories(flows);
      Files.copy(SHIPPED_WIFI_FLOW, flows.resolve("wifi-connection.yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var properties = new HashMap<>(TestApp.properties(home));
    properties.put("tierzero.kb.watch", "true");
    properties.put("tierzero.kb.debounce", "100ms");
    return properties;
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.currentTimeMillis() + GIVE_UP_MILLIS;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline)
        throw new AssertionError("Gave up waiting: " + what);
      Thread.sleep(50);
    }
  }

  private String wifiTitle() {
    return catalog.get("wifi-connection").orElseThrow().title();
  }

  @Test
  void an_edited_flow_is_run_after_the_edit_and_a_broken_edit_keeps_the_previous_version()
      throws Exception {
    var file = flows.resolve("wifi-connection.yaml");
    var original = Files.readString(file);

    Files.writeString(
        file,
        original.replace("title: Wi-Fi connection problems", "title: Wi-Fi problems (edited)"));
    await("the edited flow", () -> wifiTitle().equals("Wi-Fi problems (edited)"));

    Files.writeString(file, original.replace("steps:", "stepz:"));
    await(
        "the broken edit read",
        () -> catalog.problems().stream().anyMatch(p -> p.file().endsWith("wifi-connection.yaml")));

    assertEquals("Wi-Fi problems (edited)", wifiTitle());
  }

  @Test
  void a_new_flow_file_is_offered_and_a_removed_one_is_not() throws Exception {
    var file = flows.resolve("projector-no-picture.yaml");
    Files.writeString(
        file,
        """
        id: projector-no-picture
        title: Projector shows no picture
        triggers:
          - the projector shows no picture
        escalation:
          category: hardware
          priority: P3
        steps:
          - id: cable
            say: "Check that the HDMI cable is plugged in at both ends, then press Input on the projector."
          - id: done
            end: resolved
        """);
    await("the new flow", () -> catalog.get("projector-no-picture").isPresent());

    Files.delete(file);
    await("the removed flow gone", () -> catalog.get("projector-no-picture").isEmpty());
    assertTrue(catalog.get("wifi-connection").isPresent());
  }
}
