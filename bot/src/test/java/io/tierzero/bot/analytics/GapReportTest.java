package io.tierzero.bot.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GapReportTest {
  /** Word overlap, as without a model: enough to join "the printer is jammed" to its rewording. */
  private final GapReport report = new GapReport(new QuestionGroups(null, 0.7));

  @Test
  void content_gaps_group_similar_questions_most_frequent_first() {
    var conversations =
        List.of(
            Rows.conversation("c1", 0).asks("the printer is jammed", "no_answer").build(),
            Rows.conversation("c2", 1).asks("printer is jammed", "no_answer").build(),
            Rows.conversation("c3", 2).asks("printer is jammed", "no_answer").build(),
            Rows.conversation("c4", 3)
                .asks("my mailbox is full", "answer", "mailbox-full")
                .votes(1, false, "outdated")
                .build(),
            Rows.conversation("c5", 4)
                .asks("my account is locked", "answer", "account-locked-out")
                .build());

    var gaps = report.gaps(Questions.of(conversations));

    assertEquals(2, gaps.size(), gaps.toString());
    var printer = gaps.get(0);
    assertEquals(3, printer.questions());
    assertEquals(3, printer.conversations());
    assertEquals(3, printer.abstained());
    assertEquals("printer is jammed", printer.title());
    assertEquals(List.of("printer is jammed", "the printer is jammed"), printer.examples());
    assertEquals(GapReport.key("printer is jammed"), printer.key());
    var mailbox = gaps.get(1);
    assertEquals(1, mailbox.ratedDown());
    assertEquals(List.of("my mailbox is full"), mailbox.examples());
    assertEquals(List.of(new Reports.Count("outdated", 1)), mailbox.reasons());
  }

  @Test
  void a_gap_key_is_twelve_hex_digits_that_ignore_case_and_punctuation() {
    assertEquals(12, GapReport.key("Printer is jammed!").length());
    assertEquals(GapReport.key("printer is jammed"), GapReport.key("Printer is jammed!"));
  }
}
