package io.tierzero.bot.intents;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.chat.BotMessage;
import io.tierzero.bot.chat.ReplyType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * First messages written the way people type to help-desk bots, over HTTP on the knowledge base as
 * shipped. None of them is an intent example or a line of the evaluation data: they check that the
 * examples cover a kind of message (every word for a ticket, a request with a vague reason,
 * greetings and goodbyes in other languages), not only the sentences listed.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleOwnWordsTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    return RealKnowledgeBase.properties();
  }

  /**
   * Every message gets a first reply that {@code right} accepts; the failures are listed together.
   */
  private void assertEach(List<String> messages, Predicate<BotMessage> right) {
    List<String> wrong = new ArrayList<>();
    for (String text : messages) {
      var reply = RealKnowledgeBase.first(client, text).replies().get(0);
      if (!right.test(reply)) {
        wrong.add(
            "'"
                + text
                + "' -> "
                + reply.type()
                + (reply.articles().isEmpty() ? "" : " " + reply.articles().get(0).id())
                + " "
                + reply.text());
      }
    }
    assertTrue(
        wrong.isEmpty(),
        wrong.size() + " of " + messages.size() + " wrong:\n" + String.join("\n", wrong));
  }

  private static boolean smallTalk(BotMessage reply) {
    return reply.type() == ReplyType.TEXT && reply.articles().isEmpty();
  }

  @Test
  void asking_for_a_ticket_with_any_word_for_it_gets_the_ticket_form() {
    assertEach(
        List.of(
            "i need to open a service request",
            "a ticket needs to be opened for my problem",
            "please add a ticket for this issue",
            "raise an issue about it please",
            "could you log a new request for me",
            "i want to open a case about my problem"),
        reply -> reply.type() == ReplyType.HANDOFF);
  }

  @Test
  void asking_about_ones_tickets_in_other_words_gets_the_ticket_status() {
    assertEach(
        List.of(
            "any update on my service request",
            "an update on my case please",
            "close an incident for me please",
            "i want to resolve my issue, it works now",
            "mark the issue as high priority",
            "search for incidents about my problem",
            "whats going on with my ticket"),
        reply -> reply.type() == ReplyType.TICKET_STATUS);
  }

  @Test
  void greetings_and_goodbyes_in_other_languages_get_a_short_answer() {
    assertEach(
        List.of(
            "au revoir, merci",
            "adios muchachos",
            "sayonara everyone",
            "gracias por todo",
            "buenas noches",
            "hallo, guten tag",
            "aloha everyone",
            "toodle-oo then"),
        PeopleOwnWordsTest::smallTalk);
  }

  @Test
  void signing_off_is_a_goodbye_and_owing_one_is_thanks() {
    // The replies of intents/smalltalk.yaml: a goodbye is not a thank-you, and neither is an
    // article.
    assertEach(
        List.of("ok signing off now", "signing out for the day"),
        reply -> smallTalk(reply) && reply.text().startsWith("Bye"));
    assertEach(
        List.of("owe you a beer, thanks", "i cant thank you enough for this"),
        reply -> smallTalk(reply) && reply.text().startsWith("You're welcome"));
  }
}
