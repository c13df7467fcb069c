package io.tierzero.bot.channels.email;

import io.micronaut.context.MessageSource;
import io.tierzero.bot.chat.ArticleLink;
import io.tierzero.bot.chat.Texts;
import io.tierzero.bot.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The numbered choices a turn's replies offer by mail, where there are no buttons: the quick
 * replies, then "Fix it for me" for each answer card with a guided fix. The next mail answers with
 * a number ("2") or the words of a choice; both become what the widget's button would send. The
 * list is rebuilt from the stored replies, so any instance reads the answer the same way.
 *
 * @param label what the mail shows
 * @param sends what the turn receives when it is chosen
 */
record Choices(List<Choice> choices) {
  /** One line of the list; {@code fix} for a guided fix an answer card offers. */
  record Choice(String label, String sends, boolean fix) {}

  /**
   * Shortest text taken as naming a choice by some of its words: fewer letters match too much by
   * accident.
   */
  static final int MIN_LETTERS = 4;

  Choices {
    choices = List.copyOf(choices);
  }

  static Choices of(
      MessageSource messages, List<List<String>> options, List<List<ArticleLink>> articles) {
    var out = new ArrayList<Choice>();
    options.forEach(list -> list.forEach(o -> out.add(new Choice(o, o, false))));
    articles.forEach(
        list ->
            list.stream()
                .filter(a -> a.flow() != null)
                .forEach(
                    a ->
                        out.add(
                            new Choice(
                                Messages.text(messages, "channels.email.fix-it", a.title()),
                                "start flow " + a.flow(),
                                true))));
    return new Choices(out);
  }

  boolean isEmpty() {
    return choices.isEmpty();
  }

  /**
   * What {@code text} chooses: a number of the list, a choice's words exactly, or words found in
   * exactly one quick reply (else in exactly one guided fix: "locked out" names the quick reply
   * "Account locked out" before "Fix it for me: Account locked out"); empty when it chooses nothing
   * (a new question).
   */
  Optional<String> chosen(String text) {
    var normalized = Texts.normalize(text);
    if (normalized.matches("\\d{1,2}")) {
      int n = Integer.parseInt(normalized);
      return n >= 1 && n <= choices.size()
          ? Optional.of(choices.get(n - 1).sends())
          : Optional.empty();
    }
    for (var choice : choices) {
      if (Texts.normalize(choice.label()).equals(normalized)
          || Texts.normalize(choice.sends()).equals(normalized)) return Optional.of(choice.sends());
    }
    if (normalized.length() < MIN_LETTERS) return Optional.empty();
    for (boolean fix : new boolean[] {false, true}) {
      var containing =
          choices.stream()
              .filter(
                  c ->
                      c.fix() == fix
                          && (" " + Texts.normalize(c.label()) + " ")
                              .contains(" " + normalized + " "))
              .toList();
      if (containing.size() == 1) return Optional.of(containing.get(0).sends());
      if (containing.size() > 1) return Optional.empty();
    }
    return Optional.empty();
  }
}
