package io.tierzero.bot.analytics;

import io.tierzero.bot.analytics.Questions.Question;
import io.tierzero.bot.chat.Texts;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Content gaps: questions the bot found no answer to or whose answer was rated down, grouped by
 * meaning, most asked first.
 */
@Singleton
class GapReport {
  private final QuestionGroups groups;

  GapReport(QuestionGroups groups) {
    this.groups = Objects.requireNonNull(groups, "groups");
  }

  /** Most questions first, then the most recently asked. */
  List<Reports.Gap> gaps(List<Question> questions) {
    var gapQuestions = questions.stream().filter(Question::gap).toList();
    var out = new ArrayList<Reports.Gap>();
    for (var group : groups.group(gapQuestions, q -> q.text)) {
      var examples = Tally.examples(group, q -> q.text);
      var reasons =
          Tally.counts(
              group.stream().flatMap(q -> q.reasons.stream()).toList(), Function.identity());
      out.add(
          new Reports.Gap(
              key(examples.get(0)),
              examples.get(0),
              group.size(),
              group.stream().map(q -> q.conversationId).distinct().count(),
              group.stream().filter(q -> q.abstained).count(),
              group.stream().filter(q -> q.ratedDown).count(),
              examples,
              reasons,
              group.stream().map(q -> q.at).max(Comparator.naturalOrder()).orElseThrow()));
    }
    out.sort(
        Comparator.comparingLong(Reports.Gap::questions)
            .reversed()
            .thenComparing(Reports.Gap::lastAsked, Comparator.reverseOrder()));
    return out;
  }

  /** Stable within a period: the first 12 hex digits of SHA-256 of the group's main wording. */
  static String key(String wording) {
    try {
      var digest =
          MessageDigest.getInstance("SHA-256")
              .digest(Texts.normalize(wording).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
