package io.tierzero.bot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.CountingDriver;
import io.tierzero.bot.TestApp;
import io.tierzero.bot.tickets.Escalations;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What one chat turn asks of the database, counted through the real JDBC connection: the statements
 * a turn runs and its commits. Each commit is a write to the database file before the answer (what
 * makes it survive a crash), and each statement a round trip on PostgreSQL, so these bounds catch a
 * turn that starts reading the same rows twice or committing in pieces.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatTurnDatabaseTest implements TestPropertyProvider {
  @Inject ChatService chat;
  @Inject Escalations escalations;

  @Override
  public Map<String, String> getProperties() {
    var properties = new java.util.HashMap<>(TestApp.properties());
    properties.put(
        "datasources.default.url", CountingDriver.url(properties.get("datasources.default.url")));
    properties.put("datasources.default.driver-class-name", CountingDriver.class.getName());
    // The real flows, so a flow's turns (its state, its analytics, its escalation) are counted too.
    properties.put("tierzero.flows.dir", Path.of("../articles/flows").toString());
    return properties;
  }

  private CountingDriver.Counts turn(String conversationId, String token, String text) {
    CountingDriver.reset();
    var replies = chat.send(conversationId, token, text).orElseThrow();
    assertTrue(!replies.isEmpty());
    return CountingDriver.counts();
  }

  /**
   * A question, a miss and small talk: lock the conversation, look for its ticket and its flow,
   * store the messages, update the conversation. The messages the turn looks back over are what the
   * previous turn here committed, so they are not read again.
   */
  static final int QUESTION_STATEMENTS = 5;

  /**
   * A flow's step also reads and writes its state and its analytics, and may record an escalation.
   */
  static final int FLOW_STEP_STATEMENTS = 10;

  @Test
  void a_question_is_one_commit_and_five_statements() {
    var conversation = chat.start();

    for (var text : List.of("my mailbox is full", "zebra quantum lasagne orchestra", "thanks")) {
      var counts = turn(conversation.id(), conversation.token(), text);

      assertEquals(1, counts.commits(), text + ": " + counts);
      assertTrue(counts.statements().size() <= QUESTION_STATEMENTS, text + ": " + counts);
    }
  }

  /**
   * A read of the conversation's escalation record (ratings, offers), as Micronaut Data words it.
   */
  private static final Pattern ESCALATION_READ =
      Pattern.compile("(?is)^\\s*select\\b.*\\bfrom\\s+\"?escalation\"?(\\s|$)");

  @Test
  void still_not_fixed_after_an_unhelpful_rating_reads_the_escalation_once() {
    var conversation = chat.start();
    turn(conversation.id(), conversation.token(), "my mailbox is full");
    escalations.recordRating(conversation.id(), null, false);

    CountingDriver.reset();
    var replies =
        chat.send(conversation.id(), conversation.token(), "still not fixed").orElseThrow();
    var counts = CountingDriver.counts();

    assertEquals(ReplyType.HANDOFF, replies.get(replies.size() - 1).type(), replies.toString());
    assertEquals(1, counts.commits(), counts.toString());
    assertEquals(
        1,
        counts.statements().stream().filter(ESCALATION_READ.asPredicate()).count(),
        counts.toString());
  }

  @Test
  void a_flow_step_is_one_commit() {
    var conversation = chat.start();

    for (var text :
        List.of(
            "my vpn won't connect",
            "yes",
            "It times out or can't reach the server",
            "no",
            "no",
            "thanks")) {
      var counts = turn(conversation.id(), conversation.token(), text);

      assertEquals(1, counts.commits(), text + ": " + counts);
      assertTrue(counts.statements().size() <= FLOW_STEP_STATEMENTS, text + ": " + counts);
    }
  }
}
