package io.tierzero.kb.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierzero.kb.parse.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowsTest {
  private static final Path REAL_FLOWS = Path.of("../articles/flows");

  @TempDir Path dir;

  private List<Problem> problemsOf(String name, String yaml) throws IOException {
    Files.writeString(dir.resolve(name + ".yaml"), yaml);
    return Flows.load(dir).problems();
  }

  private static void assertProblem(List<Problem> problems, int line, String fragment) {
    assertTrue(
        problems.stream().anyMatch(p -> p.line() == line && p.message().contains(fragment)),
        "expected '" + fragment + "' on line " + line + " in " + problems);
  }

  @Test
  void the_knowledge_base_flows_load_without_problems() throws IOException {
    var flows = Flows.load(REAL_FLOWS);

    assertEquals(List.of(), flows.problems());
    assertTrue(flows.flows().size() >= 7, "flows: " + flows.flows().keySet());
    for (var id :
        List.of(
            "password-reset",
            "account-unlock",
            "mfa-re-enrol",
            "vpn-cannot-connect",
            "printer-not-printing",
            "wifi-connection",
            "email-not-syncing")) {
      assertTrue(flows.flows().containsKey(id), id);
    }
  }

  @Test
  void a_step_going_to_an_unknown_step_is_reported_on_its_line() throws IOException {
    var problems =
        problemsOf(
            "f",
            """
            id: f
            title: F
            triggers: [go]
            escalation: {category: x, priority: P3}
            steps:
              - id: a
                say: hi
                next: nowhere
              - id: b
                end: resolved
            """);

    assertProblem(problems, 6, "unknown step 'nowhere'");
  }

  @Test
  void an_unreachable_step_is_reported() throws IOException {
    var problems =
        problemsOf(
            "f",
            """
            id: f
            title: F
            triggers: [go]
            steps:
              - id: a
                say: hi
                next: done
              - id: orphan
                say: nobody comes here
              - id: done
                end: resolved
            """);

    assertProblem(problems, 8, "step 'orphan' is unreachable");
  }

  @Test
  void a_flow_without_an_end_is_reported() throws IOException {
    var problems =
        problemsOf(
            "f",
            """
            id: f
            title: F
            triggers: [go]
            steps:
              - id: a
                say: hi
            """);

    assertProblem(problems, 1, "missing end");
    assertProblem(problems, 5, "last step but not an end");
  }

  @Test
  void an_unknown_action_is_reported_on_its_line() throws IOException {
    var problems =
        problemsOf(
            "f",
            """
            id: f
            title: F
            triggers: [go]
            steps:
              - id: a
                action: format_hard_disk
                with: {disk: c}
              - id: done
                end: resolved
            """);

    assertProblem(problems, 5, "unknown action 'format_hard_disk'");
  }

  @Test
  void a_secret_shown_in_a_text_is_reported() throws IOException {
    var problems =
        problemsOf(
            "f",
            """
            id: f
            title: F
            triggers: [go]
            steps:
              - id: pw
                ask: Your password?
                input: secret
              - id: echo
                say: "You typed {{pw}}"
              - id: done
                end: resolved
            """);

    assertProblem(problems, 8, "would show the secret answer 'pw'");
  }

  @Test
  void unknown_input_types_keys_and_yaml_errors_are_reported_with_lines() throws IOException {
    var problems =
        problemsOf(
            "f",
            """
            id: f
            title: F
            triggers: [go]
            steps:
              - id: a
                ask: Which?
                input: colour
                colour: red
              - id: done
                end: resolved
            """);
    assertProblem(problems, 7, "unknown input type 'colour'");
    assertProblem(problems, 8, "unknown key 'colour'");

    Files.delete(dir.resolve("f.yaml"));
    var broken = problemsOf("g", "id: g\ntitle: [unclosed\n");
    assertEquals(1, broken.size(), broken.toString());
    assertTrue(
        broken.get(0).line() > 0 && broken.get(0).message().startsWith("not valid YAML"),
        broken.toString());
  }

  @Test
  void an_escalation_without_category_or_priority_is_reported() throws IOException {
    var problems =
        problemsOf(
            "f",
            """
            id: f
            title: F
            triggers: [go]
            steps:
              - id: done
                end: escalate
            """);

    assertProblem(problems, 5, "needs a category");
    assertProblem(problems, 5, "needs a priority");
  }

  @Test
  void an_article_naming_an_unknown_flow_is_reported_on_its_flow_line() throws IOException {
    var articles = dir.resolve("articles");
    Files.createDirectories(articles.resolve("flows"));
    Files.writeString(
        articles.resolve("flows/known.yaml"),
        """
        id: known
        title: Known
        triggers: [go]
        steps:
          - id: done
            end: resolved
        """);
    var file = articles.resolve("a/fix.md");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        """
        ---
        id: fix
        title: Fix
        summary: Fix it.
        tags: [a, b, c]
        category: a
        updated: 2026-11-01
        owner: team
        questions: [one, two, three]
        flow: unknown-flow
        ---
        # Fix
        Body.
        """);
    var article = new io.tierzero.kb.parse.ArticleParser().parse(file).article().orElseThrow();

    var problems = Flows.check(articles, List.of(article));

    assertEquals(1, problems.size(), problems.toString());
    assertProblem(problems, 10, "unknown flow 'unknown-flow'");
    assertEquals(file, problems.get(0).file());
  }
}
