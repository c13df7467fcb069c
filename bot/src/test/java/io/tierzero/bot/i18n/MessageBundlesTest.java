package io.tierzero.bot.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bot's message bundles ({@code i18n/*.properties}) against each other and against the code: a
 * language that lacks a key would show the English text, or fail, in the middle of a conversation.
 */
class MessageBundlesTest {
  private static final Path MAIN_SOURCES = Path.of("src/main/java");
  private static final Path TEMPLATES = Path.of("src/main/jte");

  @Test
  void every_language_has_exactly_the_keys_of_the_base_and_every_value_is_a_message_format() {
    var bundles = Bundles.in("i18n");

    assertFalse(bundles.names().isEmpty(), "no bundles found under i18n/");
    assertEquals(List.of(), bundles.problems());
  }

  @Test
  void every_key_the_code_names_is_in_a_bundle_and_every_bundle_key_is_used() {
    assertTrue(Files.isDirectory(MAIN_SOURCES), "run from the bot module: " + MAIN_SOURCES);
    assertTrue(Files.isDirectory(TEMPLATES), "run from the bot module: " + TEMPLATES);

    assertEquals(List.of(), Bundles.in("i18n").unmatched(MAIN_SOURCES, TEMPLATES));
  }

  @Test
  void a_language_missing_a_key_having_an_extra_one_or_a_bad_pattern_is_reported() {
    var problems = Bundles.in("i18n-fixture").problems();

    assertEquals(
        List.of(
            "x_fr.properties: missing x.farewell",
            "x_fr.properties: x.extra is not in the base",
            "x_fr.properties: x.broken is not a MessageFormat pattern: Unmatched braces in the"
                + " pattern.",
            "x_fr.properties: x.quote has a single apostrophe: write it twice"),
        problems);
  }

  @Test
  void a_key_the_code_names_but_no_bundle_has_and_an_unused_key_are_reported(
      @org.junit.jupiter.api.io.TempDir Path sources) throws Exception {
    Files.writeString(
        sources.resolve("Greeter.java"),
        "class Greeter { String a = \"x.greeting\"; String b = \"x.missing\"; String c ="
            + " \"x.broken\"; String d = \"x.quote\"; }");

    assertEquals(
        List.of(
            "no bundle has x.missing, which the code uses",
            "x.farewell is in a bundle but no code uses it"),
        Bundles.in("i18n-fixture").unmatched(sources));
  }
}
