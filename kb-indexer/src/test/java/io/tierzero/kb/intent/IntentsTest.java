package io.tierzero.kb.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierzero.kb.TestKb;
import io.tierzero.kb.parse.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntentsTest {
  private static final Path REAL_ARTICLES = Path.of("../articles");

  @TempDir Path dir;

  private List<Problem> problemsOf(String yaml) throws IOException {
    TestKb.write(
        dir,
        "flows/known-flow.yaml",
        """
        id: known-flow
        title: Known
        triggers: [fix my thing]
        escalation: {category: x, priority: P3}
        steps:
          - id: done
            end: resolved
        """);
    TestKb.write(dir, "intents/chat.yaml", yaml);
    return Intents.load(dir).problems();
  }

  private static void assertProblem(List<Problem> problems, int line, String fragment) {
    assertTrue(
        problems.stream()
            .anyMatch(
                p ->
                    p.line() == line
                        && p.message().contains(fragment)
                        && p.file().toString().endsWith("chat.yaml")),
        "expected '" + fragment + "' on chat.yaml line " + line + " in " + problems);
  }

  @Test
  void the_knowledge_base_intents_load_without_problems_and_flows_become_intents()
      throws IOException {
    var intents = Intents.load(REAL_ARTICLES);

    assertEquals(List.of(), intents.problems());
    var behaviours = intents.intents().stream().map(Intent::behaviour).distinct().toList();
    for (var b :
        List.of(
            "handoff",
            "ticket-status",
            "smalltalk",
            "redirect",
            "new-conversation",
            "flow:password-reset",
            "flow:account-unlock",
            "flow:mfa-re-enrol",
            "flow:wifi-connection")) {
      assertTrue(behaviours.contains(b), b + " in " + behaviours);
    }
    for (var intent : intents.intents()) {
      // Answer words are a closed list matched as typed; everything decided by meaning needs many
      // examples.
      if (intent.action() != Intent.Action.FLOW && !intent.action().asTyped()) {
        assertTrue(
            intent.examples().size() >= 10,
            intent.id() + " has only " + intent.examples().size() + " examples");
      }
    }
  }

  @Test
  void noting_on_and_closing_a_ticket_are_actions_of_their_own_that_count_as_ticket_questions()
      throws IOException {
    var intents = Intents.load(REAL_ARTICLES);
    var actions = intents.intents().stream().map(Intent::action).distinct().toList();
    assertTrue(actions.contains(Intent.Action.TICKET_NOTE), actions.toString());
    assertTrue(actions.contains(Intent.Action.TICKET_CLOSE), actions.toString());
    for (var intent : intents.intents()) {
      if (intent.action().aboutTickets())
        assertEquals("ticket-status", intent.behaviour(), intent.id());
    }

    var problems =
        problemsOf(
            """
            intents:
              - id: note
                action: ticket-note
                examples: [add a note to my ticket]
              - id: close
                action: ticket-close
                reply: Closed!
                examples: [close my ticket]
            """);
    assertEquals(1, problems.size(), problems.toString());
    assertProblem(problems, 7, "(ticket-close) takes no 'reply'");
  }

  @Test
  void an_unknown_action_is_reported_on_its_line() throws IOException {
    var problems =
        problemsOf(
            """
            intents:
              - id: greet
                action: wave
                examples: [hi]
            """);
    assertProblem(problems, 3, "unknown action 'wave'");
  }

  @Test
  void a_missing_id_is_reported_where_the_intent_starts() throws IOException {
    var problems =
        problemsOf(
            """
            intents:
              - id: greet
                action: smalltalk
                reply: Hi!
                examples: [hi]
              - action: handoff
                examples: [a person please]
            """);
    assertProblem(problems, 6, "missing 'id'");
  }

  @Test
  void a_duplicate_id_is_reported_on_the_second_one() throws IOException {
    var problems =
        problemsOf(
            """
            intents:
              - id: greet
                action: smalltalk
                reply: Hi!
                examples: [hi]
              - id: greet
                action: smalltalk
                reply: Hello!
                examples: [hello]
            """);
    assertProblem(problems, 6, "duplicate intent id 'greet'");
  }

  @Test
  void empty_or_missing_examples_are_reported() throws IOException {
    var problems =
        problemsOf(
            """
            intents:
              - id: person
                action: handoff
                examples: []
              - id: other
                action: handoff
            """);
    assertProblem(problems, 4, "must list at least one utterance");
    assertProblem(problems, 5, "missing 'examples'");
  }

  @Test
  void an_unknown_flow_is_reported_and_a_known_one_accepted() throws IOException {
    var problems =
        problemsOf(
            """
            intents:
              - id: fix-it
                action: flow
                flow: known-flow
                examples: [repair my thing]
              - id: fix-other
                action: flow
                flow: no-such-flow
                examples: [repair the other thing]
            """);
    assertEquals(1, problems.size(), problems.toString());
    assertProblem(problems, 6, "unknown flow 'no-such-flow'");
  }

  @Test
  void small_talk_needs_a_reply_and_flow_needs_a_flow() throws IOException {
    var problems =
        problemsOf(
            """
            intents:
              - id: greet
                action: smalltalk
                examples: [hi]
              - id: fix
                action: flow
                examples: [fix it]
              - id: person
                action: handoff
                reply: not used
                examples: [a person]
            """);
    assertProblem(problems, 2, "needs a 'reply'");
    assertProblem(problems, 5, "needs 'flow'");
    assertProblem(problems, 10, "takes no 'reply'");
  }

  @Test
  void unknown_keys_duplicate_examples_and_bad_yaml_are_reported() throws IOException {
    var problems =
        problemsOf(
            """
            intents:
              - id: greet
                action: smalltalk
                reply: Hi!
                colour: blue
                examples:
                  - hi
                  - Hi
            """);
    assertProblem(problems, 5, "unknown key 'colour'");
    assertProblem(problems, 8, "duplicate example 'Hi'");

    var broken = problemsOf("intents:\n  - id: [unclosed\n");
    assertTrue(
        broken.stream().anyMatch(p -> p.message().startsWith("not valid YAML") && p.line() > 0),
        broken.toString());
  }

  @Test
  void an_intent_with_a_problem_is_left_out_and_the_others_serve() throws IOException {
    problemsOf(
        """
        intents:
          - id: greet
            action: smalltalk
            reply: Hi!
            examples: [hi]
          - id: broken
            action: nonsense
            examples: [x]
        """);
    var ids = Intents.load(dir).intents().stream().map(Intent::id).toList();
    assertEquals(List.of("greet", "known-flow"), ids);
  }

  @Test
  void the_normaliser_restores_what_people_leave_out() {
    var n = Normalizer.defaults();
    assertEquals("i can't connect to wifi", n.normalize("i cant connect to wifi"));
    assertEquals("I'm locked out, don't know why!", n.normalize("im locked out, dont know why!!!"));
    assertEquals("forgot my password?", n.normalize("forgot my pass word???"));
    assertEquals("it won't start", n.normalize("it won\u2019t start"));
    assertEquals("hey", n.normalize("hey tier zero"));
    assertEquals("my vpn is down", n.normalize("Tier Zero, my vpn is down"));
    assertEquals("tier zero?", n.normalize("tier zero?"));
    assertEquals("I feel ill", n.normalize("I feel ill"));
  }

  @Test
  void the_normaliser_writes_out_chat_shorthand() {
    var n = Normalizer.defaults();
    assertEquals("can you help me please", n.normalize("can u help me pls"));
    assertEquals("reset your password", n.normalize("reset ur pwd"));
    assertEquals("thanks, got to go", n.normalize("thx, gtg"));
    assertEquals("I don't know my password", n.normalize("idk my password"));
    // Words that are also English stay as typed.
    assertEquals("r drive is full", n.normalize("r drive is full"));
  }

  @Test
  void answer_words_load_as_intents_but_are_never_matched_by_meaning() throws IOException {
    var intents = Intents.load(REAL_ARTICLES);
    var actions = intents.intents().stream().map(Intent::action).distinct().toList();
    for (var a :
        List.of(
            Intent.Action.YES,
            Intent.Action.NO,
            Intent.Action.CANCEL,
            Intent.Action.BACK,
            Intent.Action.START_OVER,
            Intent.Action.PERSON,
            Intent.Action.RAISE_TICKET,
            Intent.Action.STILL_NOT_FIXED)) {
      assertTrue(actions.contains(a), a + " in " + actions);
    }
    var yes =
        intents.intents().stream()
            .filter(i -> i.action() == Intent.Action.YES)
            .findFirst()
            .orElseThrow();
    assertTrue(
        yes.examples().contains("yes"), "YAML's boolean yes is a word here: " + yes.examples());

    var matcher = new IntentMatcher(intents, null);
    var nearest = matcher.match("yes", null, DecisionModel.defaults());
    assertFalse(nearest.intent().action().asTyped(), nearest.toString());
  }

  @Test
  void still_not_fixed_is_small_talk_on_its_own_and_needs_its_reply() throws IOException {
    var problems =
        problemsOf(
            """
            intents:
              - id: still
                action: still-not-fixed
                examples: [still not working]
            """);
    assertProblem(problems, 2, "(still-not-fixed) needs a 'reply'");
    var intents = Intents.load(REAL_ARTICLES);
    var still =
        intents.intents().stream()
            .filter(i -> i.action() == Intent.Action.STILL_NOT_FIXED)
            .findFirst()
            .orElseThrow();
    assertEquals("smalltalk", still.behaviour());
  }
}
