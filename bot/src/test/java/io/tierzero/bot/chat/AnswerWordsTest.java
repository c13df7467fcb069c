package io.tierzero.bot.chat;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.TestApp;
import io.tierzero.kb.intent.Intent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The knowledge base's answer words (answers.yaml) as the bot matches them: typed, not meant. */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnswerWordsTest implements TestPropertyProvider {
  @Inject AnswerWords words;

  @Override
  public Map<String, String> getProperties() {
    return TestApp.properties();
  }

  private boolean asksForTicket(String typed) {
    return words.is(Intent.Action.RAISE_TICKET, Texts.normalize(typed));
  }

  @Test
  void a_reply_that_is_only_a_request_for_a_ticket_asks_for_one_in_any_case_or_punctuation() {
    for (var typed :
        List.of(
            "TICKET",
            "Ticket.",
            "ticket please",
            "Raise a ticket",
            "yes, please raise a ticket!",
            "open a ticket",
            "create a ticket",
            "yes ticket",
            "tikcet")) {
      assertTrue(asksForTicket(typed), typed);
    }
  }

  @Test
  void a_reply_that_says_more_than_the_request_does_not_ask_for_a_ticket() {
    for (var typed :
        List.of(
            "my ticket's status",
            "what is my ticket number",
            "ticket T-000123",
            "no ticket",
            "i already have a ticket",
            "yes")) {
      assertFalse(asksForTicket(typed), typed);
    }
  }

  @Test
  void the_ticket_words_are_a_group_of_their_own() {
    assertFalse(words.is(Intent.Action.YES, "ticket"));
    assertFalse(words.starts(Intent.Action.YES, "raise a ticket"));
  }
}
