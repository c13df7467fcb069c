package io.tierzero.bot.flows;

import io.tierzero.bot.chat.AnswerWords;
import io.tierzero.bot.chat.Texts;
import io.tierzero.kb.flow.Step;
import io.tierzero.kb.intent.Intent;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads what a user typed as the answer to a flow's question, by the question's input type. */
final class FlowAnswers {
  /** Free text longer than this is a pasted log, not an answer. */
  static final int MAX_ANSWER = 500;

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern DEFAULT_CODE = Pattern.compile("\\d{6}");

  private FlowAnswers() {}

  /** The answer as the flow keeps it, or empty when it is not acceptable for the question. */
  static Optional<String> accept(Step.Ask ask, String text, AnswerWords words) {
    var trimmed = text == null ? "" : text.strip();
    if (trimmed.isEmpty() || trimmed.length() > MAX_ANSWER) return Optional.empty();
    var normalized = Texts.normalize(trimmed);
    return switch (ask.input()) {
      case YES_NO -> yesNo(normalized, words);
      case CHOICE -> choice(ask.options(), normalized);
      case EMAIL ->
          EMAIL.matcher(trimmed).matches() && matches(ask, trimmed)
              ? Optional.of(trimmed.toLowerCase(Locale.ROOT))
              : Optional.empty();
      case CODE -> {
        var digits = trimmed.replaceAll("[\\s-]", "");
        var pattern = ask.pattern() == null ? DEFAULT_CODE : Pattern.compile(ask.pattern());
        yield pattern.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
      }
      // A secret is taken as typed, spaces and all: a password may contain them.
      case SECRET -> matches(ask, text) ? Optional.of(text) : Optional.empty();
      case TEXT -> matches(ask, trimmed) ? Optional.of(trimmed) : Optional.empty();
    };
  }

  /** Whether {@code text} fits the question's own pattern; any text does without one. */
  static boolean matches(Step.Ask ask, String text) {
    return ask.pattern() == null || Pattern.compile(ask.pattern()).matcher(text).matches();
  }

  /** The bundle key of what the user is told when the flow file gives no {@code invalid} text. */
  static String invalidKey(Step.Ask ask) {
    return switch (ask.input()) {
      case YES_NO -> "flows.answer.yes-or-no";
      case CHOICE -> "flows.answer.pick-an-option";
      case EMAIL -> "flows.answer.not-an-email";
      case CODE -> "flows.answer.not-a-code";
      case SECRET, TEXT -> "flows.answer.not-usable";
    };
  }

  /** A rejected answer as the record of what was tried shows it: cut, and quoted. */
  static String abbreviate(String text) {
    var stripped = text.strip();
    return stripped.length() <= 80 ? stripped : stripped.substring(0, 80) + "...";
  }

  private static Optional<String> yesNo(String normalized, AnswerWords words) {
    if (words.starts(Intent.Action.YES, normalized)) return Optional.of("yes");
    if (words.starts(Intent.Action.NO, normalized)) return Optional.of("no");
    return Optional.empty();
  }

  private static Optional<String> choice(List<String> options, String normalized) {
    for (int i = 0; i < options.size(); i++) {
      if (Texts.normalize(options.get(i)).equals(normalized)
          || normalized.equals(String.valueOf(i + 1))) {
        return Optional.of(options.get(i));
      }
    }
    if (normalized.length() < 3) return Optional.empty();
    var partial = options.stream().filter(o -> Texts.normalize(o).contains(normalized)).toList();
    return partial.size() == 1 ? Optional.of(partial.get(0)) : Optional.empty();
  }
}
