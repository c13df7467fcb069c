package io.tierzero.bot.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A flow file's {@code {{name}}} references, filled for the user and for an action. */
class FlowTemplatesTest {
  private final FlowRun run = FlowRun.fresh("password-reset", "login");

  @Test
  void references_take_answers_and_action_data_and_an_unknown_one_is_left_empty() {
    run.values.put("check.attempts_left", "2");
    run.values.put("printer_id", "PRN-3F-EAST");

    assertEquals(
        "That code isn't right. Attempts left: 2.",
        FlowTemplates.render(
            "That code isn't right. Attempts left: {{check.attempts_left}}.", run));
    assertEquals(
        "Printer PRN-3F-EAST still not printing",
        FlowTemplates.render("Printer {{printer_id}} still not printing", run));
    assertEquals("Hello !", FlowTemplates.render("Hello {{check.name}}!", run));
  }

  @Test
  void a_secret_is_never_rendered_for_the_user_but_is_passed_to_the_action() {
    run.secrets.put("new_password", "correct horse $1 battery");
    run.values.put("check.user", "alice");

    assertEquals(
        "Your password is .", FlowTemplates.render("Your password is {{new_password}}.", run));
    assertEquals(
        "alice:correct horse $1 battery",
        FlowTemplates.renderParameter("{{check.user}}:{{new_password}}", run));
  }

  @Test
  void an_answer_with_regex_characters_is_kept_as_typed() {
    run.values.put("printer_id", "PRN\\3F $2");

    assertEquals("Printer PRN\\3F $2", FlowTemplates.render("Printer {{printer_id}}", run));
  }
}
