package io.tierzero.bot.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.chat.AnswerWords;
import io.tierzero.kb.flow.InputType;
import io.tierzero.kb.flow.Step;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What a typed answer becomes for each kind of question, and what is refused. */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlowAnswersTest implements TestPropertyProvider {
  @Inject AnswerWords words;

  @Override
  public Map<String, String> getProperties() {
    return FlowChat.properties();
  }

  private static Step.Ask ask(InputType input, List<String> options, String pattern) {
    return new Step.Ask("q", "Question?", input, options, pattern, null, 3, null, 1);
  }

  private Optional<String> accept(Step.Ask ask, String text) {
    return FlowAnswers.accept(ask, text, words);
  }

  @Test
  void yes_and_no_are_read_from_the_answer_words_and_their_start() {
    var ask = ask(InputType.YES_NO, List.of(), null);
    assertEquals(Optional.of("yes"), accept(ask, "Yes"));
    assertEquals(Optional.of("yes"), accept(ask, "yes it is on"));
    assertEquals(Optional.of("no"), accept(ask, "no"));
    assertEquals(Optional.empty(), accept(ask, "purple"));
  }

  @Test
  void a_choice_is_its_text_its_number_or_one_unambiguous_part() {
    var ask = ask(InputType.CHOICE, List.of("Windows laptop", "Mac laptop", "Phone"), null);
    assertEquals(Optional.of("Phone"), accept(ask, "phone"));
    assertEquals(Optional.of("Mac laptop"), accept(ask, "2"));
    assertEquals(Optional.of("Windows laptop"), accept(ask, "windows"));
    assertEquals(Optional.empty(), accept(ask, "laptop"), "two options contain it");
    assertEquals(Optional.empty(), accept(ask, "ph"), "too short to be a part");
  }

  @Test
  void an_email_is_kept_in_lower_case_and_must_look_like_one() {
    var ask = ask(InputType.EMAIL, List.of(), null);
    assertEquals(Optional.of("alice@example.com"), accept(ask, " Alice@Example.com "));
    assertEquals(Optional.empty(), accept(ask, "alice at example"));
  }

  @Test
  void a_code_loses_spaces_and_dashes_and_is_six_digits_unless_the_flow_says_otherwise() {
    assertEquals(Optional.of("123456"), accept(ask(InputType.CODE, List.of(), null), "123 456"));
    assertEquals(Optional.of("123456"), accept(ask(InputType.CODE, List.of(), null), "123-456"));
    assertEquals(Optional.empty(), accept(ask(InputType.CODE, List.of(), null), "12345"));
    assertEquals(Optional.of("1234"), accept(ask(InputType.CODE, List.of(), "\\d{4}"), "1234"));
  }

  @Test
  void a_secret_is_taken_as_typed_spaces_and_all() {
    var ask = ask(InputType.SECRET, List.of(), null);
    assertEquals(Optional.of(" correct horse "), accept(ask, " correct horse "));
  }

  @Test
  void text_must_match_the_flows_pattern_and_fit_an_answer() {
    var ask = ask(InputType.TEXT, List.of(), "[a-z]{2,10}");
    assertEquals(Optional.of("jsmith"), accept(ask, " jsmith "));
    assertEquals(Optional.empty(), accept(ask, "j smith"));
    var free = ask(InputType.TEXT, List.of(), null);
    assertEquals(Optional.empty(), accept(free, "   "));
    assertEquals(Optional.empty(), accept(free, "x".repeat(FlowAnswers.MAX_ANSWER + 1)));
  }

  @Test
  void each_kind_of_question_has_its_own_default_for_a_refused_answer() {
    assertEquals(
        "flows.answer.not-a-code", FlowAnswers.invalidKey(ask(InputType.CODE, List.of(), null)));
    assertEquals(
        "flows.answer.not-usable", FlowAnswers.invalidKey(ask(InputType.SECRET, List.of(), null)));
  }
}
