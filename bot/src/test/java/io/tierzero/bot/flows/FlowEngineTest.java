package io.tierzero.bot.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.chat.ChatService;
import io.tierzero.bot.chat.Options;
import io.tierzero.bot.chat.Reply;
import io.tierzero.bot.chat.ReplyInput;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.tickets.FlowEscalations;
import io.tierzero.kb.flow.Flow;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The engine running the shipped printer flow on a real database, answer by answer: the questions
 * it asks, where its branches lead, what it does with an answer it cannot use or a request for a
 * person, and how a run ends.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlowEngineTest implements TestPropertyProvider {
  private static final String DISPLAY =
      "Let's get it printing. Does the printer's display show an error, such as a paper jam or low"
          + " toner?";
  private static final String QUEUE =
      "On your computer, open the printer's queue (Settings > Printers), cancel every document in"
          + " it, then print one page again.";
  private static final String QUEUE_WORKS = "Did that page print?";

  @Inject FlowEngine engine;
  @Inject FlowCatalog catalog;
  @Inject ChatService chat;
  @Inject FlowEscalations escalations;

  @Override
  public Map<String, String> getProperties() {
    return FlowChat.properties();
  }

  private Flow printer() {
    return catalog.get("printer-not-printing").orElseThrow();
  }

  /** A run's state belongs to a conversation (a foreign key), so each test has a real one. */
  private String startedPrinterFlow() {
    var id = chat.start().id();
    engine.start(id, printer());
    return id;
  }

  private static List<String> texts(List<Reply> replies) {
    return replies.stream().map(Reply::text).toList();
  }

  private String waitingAt(String conversationId) {
    return engine.running(conversationId).orElseThrow().stepId();
  }

  @Test
  void a_start_asks_the_first_question_and_the_run_waits_there() {
    var id = chat.start().id();

    var replies = engine.start(id, printer());

    assertEquals(List.of(DISPLAY), texts(replies));
    var question = replies.getFirst();
    assertEquals(ReplyType.FLOW_STEP, question.type());
    assertEquals("printer-not-printing", question.flow());
    assertEquals(List.of("Yes", "No"), question.options());
    assertEquals(new ReplyInput("yes_no"), question.input());
    assertEquals("display", waitingAt(id));
  }

  @Test
  void an_answer_steps_through_what_the_flow_says_to_its_next_question() {
    var id = startedPrinterFlow();

    var replies = engine.answer(id, "no");

    assertEquals(List.of(QUEUE, QUEUE_WORKS), texts(replies));
    assertEquals("queue_works", waitingAt(id));
  }

  @Test
  void a_branch_leads_where_the_answer_says() {
    var id = startedPrinterFlow();

    var replies = engine.answer(id, "yes, it says paper jam");

    assertEquals(
        List.of(
            "Follow the steps on the printer's display to clear it: open the marked doors to"
                + " remove jammed paper, or replace the toner. The paper jam and toner article has"
                + " pictures.",
            "Did clearing the error get your page printed?"),
        texts(replies));
    assertEquals("error_cleared", waitingAt(id));
  }

  @Test
  void an_answer_it_cannot_use_is_refused_and_the_question_put_again() {
    var id = startedPrinterFlow();

    var replies = engine.answer(id, "purple");

    assertEquals(List.of("Please answer yes or no.", DISPLAY), texts(replies));
    assertEquals("display", waitingAt(id));
  }

  @Test
  void a_question_without_a_usable_answer_after_its_attempts_goes_to_a_person() {
    var id = startedPrinterFlow();
    engine.answer(id, "purple");
    engine.answer(id, "maybe");

    var replies = engine.answer(id, "what?");

    assertEquals(ReplyType.HANDOFF, replies.getLast().type(), texts(replies).toString());
    assertTrue(engine.running(id).isEmpty(), "the run is over");
    var handedOver = escalations.latest(id).orElseThrow();
    assertEquals(
        "No usable answer to \"" + DISPLAY + "\" after 3 attempts", handedOver.context().reason());
    assertEquals(
        List.of(
            DISPLAY + " -> \"purple\" (not accepted)",
            DISPLAY + " -> \"maybe\" (not accepted)",
            DISPLAY + " -> \"what?\" (not accepted)"),
        handedOver.tried());
  }

  @Test
  void asking_for_a_person_mid_flow_hands_the_run_over_with_what_was_tried() {
    var id = startedPrinterFlow();
    engine.answer(id, "no");

    var replies = engine.answer(id, "can I talk to a person please");

    assertEquals(ReplyType.HANDOFF, replies.getLast().type(), texts(replies).toString());
    assertTrue(engine.running(id).isEmpty(), "the run is over");
    var handedOver = escalations.latest(id).orElseThrow();
    assertEquals(
        "The user asked for a person during the guided fix", handedOver.context().reason());
    assertEquals("printer-not-printing", handedOver.context().flowId());
    assertEquals("queue_works", handedOver.context().stepReached());
    assertEquals(Map.of("display", "no"), handedOver.context().answers());
    assertEquals(List.of(DISPLAY + " -> no"), handedOver.tried());
  }

  @Test
  void a_resolved_end_finishes_the_run_with_the_flows_words() {
    var id = startedPrinterFlow();
    engine.answer(id, "no");

    var replies = engine.answer(id, "yes");

    var end = replies.getLast();
    assertEquals(
        "Printing again. If it keeps happening on this printer, tell us its name so we can look at"
            + " it.",
        end.text());
    assertEquals(ReplyType.FLOW_STEP, end.type());
    assertEquals(List.of(Options.THAT_WORKED), end.options());
    assertTrue(engine.running(id).isEmpty(), "the run is over");
  }

  @Test
  void an_escalating_end_finishes_the_run_with_its_reason_and_the_flows_category() {
    var id = startedPrinterFlow();
    engine.answer(id, "no");
    engine.answer(id, "no");
    engine.answer(id, "no");

    var replies = engine.answer(id, "PRN-3F-EAST");

    assertEquals(
        "None of the usual fixes worked, so the printer probably needs a technician.",
        replies.getFirst().text());
    assertEquals(ReplyType.HANDOFF, replies.getLast().type());
    assertTrue(engine.running(id).isEmpty(), "the run is over");
    var handedOver = escalations.latest(id).orElseThrow().context();
    assertEquals(
        "Printer PRN-3F-EAST still not printing after clearing errors, cancelling the queue and"
            + " re-adding it",
        handedOver.reason());
    assertEquals("printers", handedOver.category());
    assertEquals("escalate", handedOver.stepReached());
    assertEquals(
        Map.of(
            "display", "no", "queue_works", "no", "readd_works", "no", "printer_id", "PRN-3F-EAST"),
        handedOver.answers());
  }

  @Test
  void cancel_ends_the_run_and_says_so() {
    var id = startedPrinterFlow();

    var replies = engine.answer(id, "cancel");

    assertEquals(
        List.of(
            "OK, I've stopped \"Printer not printing\". Nothing more will be changed. Ask me"
                + " anything else."),
        texts(replies));
    assertTrue(engine.running(id).isEmpty(), "the run is over");
  }

  @Test
  void back_asks_the_previous_question_again_and_forgets_its_answer() {
    var id = startedPrinterFlow();
    engine.answer(id, "no");

    var replies = engine.answer(id, "back");

    assertEquals(List.of(DISPLAY), texts(replies));
    assertEquals("display", waitingAt(id));
    var replay = engine.answer(id, "yes");
    assertEquals("Did clearing the error get your page printed?", replay.getLast().text());
  }
}
