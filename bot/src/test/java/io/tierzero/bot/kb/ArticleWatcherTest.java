package io.tierzero.bot.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.TestApp;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Edits under the articles folder reach the running bot, and a broken edit does not take an article
 * away. The waits below only bound how long to wait for the watcher's rebuild; nothing asserts how
 * fast it is.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleWatcherTest implements TestPropertyProvider {
  private static final long GIVE_UP_MILLIS = 60_000;

  @Inject Articles articles;
  @Inject ArticleWatcher watcher;
  private Path home;

  @Override
  public Map<String, String> getProperties() {
    home = TestApp.newHome();
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

  private Path article() {
    return home.resolve("articles/accounts/account-locked-out.md");
  }

  private String title() {
    return articles.view("account-locked-out").orElseThrow().title();
  }

  @Test
  void an_edited_article_is_served_after_the_rebuild_and_a_broken_edit_keeps_the_previous_version()
      throws Exception {
    var original = Files.readString(article());

    Files.writeString(
        article(),
        original.replace("title: Account locked out", "title: Account locked out (edited)"));
    await("the edited title", () -> title().equals("Account locked out (edited)"));

    Files.writeString(article(), original.replace("title: Account locked out\n", ""));
    // Counting rebuilds would race with the rebuild that served the edit (it swaps the index
    // before it returns): wait for the rebuild that reports the broken file instead.
    await(
        "a rebuild reporting the broken article",
        () ->
            watcher
                .lastReport()
                .map(
                    r ->
                        r.problems().stream()
                            .anyMatch(p -> p.file().endsWith("account-locked-out.md")))
                .orElse(false));

    assertEquals("Account locked out (edited)", title());
  }

  @Test
  void a_new_article_in_a_new_topic_folder_is_picked_up() throws Exception {
    var folder = Files.createDirectories(home.resolve("articles/printers"));
    Files.writeString(
        folder.resolve("printer-offline.md"),
        """
        ---
        id: printer-offline
        title: Printer shows offline
        summary: What to do when the office printer shows as offline.
        tags: [printer, offline]
        category: printers
        updated: 2026-11-01
        owner: workplace-team
        questions:
          - my printer is offline
        ---

        # Printer shows offline

        Turn the printer off and on again, then print a test page.
        """);
    await("the new article", () -> articles.article("printer-offline").isPresent());
  }
}
