package io.tierzero.bot.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResolutionsTest {
  private static final Map<String, String> CATEGORIES =
      Map.of("account-locked-out", "accounts", "mailbox-full", "email");

  private final Resolutions resolutions =
      new Resolutions(
          CATEGORIES::get,
          flow -> "printer-fix".equals(flow) ? "printing" : null,
          Duration.ofDays(7));

  private Set<String> resolved(List<Snapshot.Conv> conversations, Snapshot.FlowRunRow... runs) {
    return resolutions.resolved(conversations, conversations, List.of(runs));
  }

  @Test
  void a_thumbs_up_or_that_worked_resolves_and_a_thumbs_down_does_not() {
    var up =
        Rows.conversation("up", 0)
            .asks("locked", "answer", "account-locked-out")
            .votes(1, true, null)
            .build();
    var worked =
        Rows.conversation("worked", 1)
            .asks("password expired", "answer")
            .says("That worked")
            .build();
    var down =
        Rows.conversation("down", 2)
            .asks("mailbox full", "answer", "mailbox-full")
            .votes(1, false, "outdated")
            .build();

    assertEquals(Set.of("up", "worked"), resolved(List.of(up, worked, down)));
  }

  @Test
  void a_guided_fix_whose_actions_succeeded_resolves_unless_it_escalated() {
    var fixed = Rows.conversation("fixed", 0).says("printer jammed").build();
    var escalated = Rows.conversation("escalated", 1).says("printer jammed").build();

    assertEquals(
        Set.of("fixed"),
        resolved(
            List.of(fixed, escalated),
            Rows.run("fixed", "printer-fix", "resolved", true, "ask"),
            Rows.run("escalated", "printer-fix", "escalated", true, "ask")));
  }

  @Test
  void the_same_user_back_on_the_same_topic_within_the_window_undoes_the_resolution() {
    var first =
        Rows.conversation("first", 0)
            .asks("my account is locked", "answer", "account-locked-out")
            .votes(1, true, null)
            .ticket("T-1", "accounts", "carol@example.com")
            .build();
    var again =
        Rows.conversation("again", 10)
            .asks("my account is locked", "answer", "account-locked-out")
            .ticket("T-2", "accounts", "Carol@Example.com")
            .build();

    assertEquals(Set.of(), resolved(List.of(first, again)));
  }

  @Test
  void a_return_on_another_topic_leaves_the_resolution() {
    var first =
        Rows.conversation("first", 0)
            .asks("my account is locked", "answer", "account-locked-out")
            .votes(1, true, null)
            .ticket("T-1", "accounts", "carol@example.com")
            .build();
    var other =
        Rows.conversation("other", 10)
            .asks("my mailbox is full", "answer", "mailbox-full")
            .ticket("T-2", "email", "carol@example.com")
            .build();

    assertEquals(Set.of("first"), resolved(List.of(first, other)));
  }
}
