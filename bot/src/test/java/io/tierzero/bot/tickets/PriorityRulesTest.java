package io.tierzero.bot.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import io.tierzero.bot.TestApp;
import io.tierzero.kb.flow.Flows;
import io.tierzero.kb.flow.Step;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped priority table ({@code articles/priorities.yaml}) on people's own phrasings. */
class PriorityRulesTest {
  private static final PriorityRules RULES =
      new PriorityRules(
          TestApp.SHIPPED_PRIORITIES,
          new TicketTexts(new ResourceBundleMessageSource("i18n.tickets")));

  private static Priority of(String text) {
    return RULES.decide(List.of(text), null, null).priority();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // security incidents
        "my files are encrypted and I must pay bitcoin        | P1",
        "all my files have been encrypted, theres a ransom note | P1",
        "i think its ransomeware                              | P1",
        "I think this is a phishing email                     | P1",
        "i clicked a link in a phising mail                   | P1",
        "clicked on a dodgy link and typed my password        | P1",
        "my account was compromised                           | P1",
        "my account got hacked                                | P1",
        "someone is hacking into my email                     | P1",
        "someone stole my phone                               | P1",
        "my work phone was stollen                            | P1",
        "I lost my laptop on the train                        | P1",
        "laptop has a virus i think                           | P1",
        "there is malware on my pc                            | P1",
        // many people or an outage
        "nobody in the office can print                       | P2",
        "nobody else can log in either                        | P2",
        "the wifi is down for everyone                        | P2",
        "email is down for all of us                          | P2",
        "the whole floor lost network                         | P2",
        "evryone on my team has the same error                | P2",
        "is there an outage?                                  | P2",
        // blocked
        "I can't log in and have a deadline                   | P3",
        "this is blocking me, I can't work                    | P3",
        "cant work without it                                 | P3",
        "i cant do my job                                     | P3",
        "im completely blocked                                | P3",
        "I’m locked out                                       | P3",
        // nothing urgent
        "how do I change my wallpaper                         | P4",
        "my second monitor flickers sometimes                 | P4",
        "how do I send an encrypted email                     | P4",
      })
  void people_s_phrasings_get_the_priority_of_what_they_mean(String text, Priority expected) {
    assertEquals(expected, of(text), text);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "nobody hacked me, I just forgot my password          | P4",
        "I haven't been hacked, the printer is just slow      | P4",
        "my account wasnt compromised                         | P4",
        "nothing was stolen, the bag was found                | P4",
        "I'm not blocked, just curious                        | P4",
        "im not blocked                                       | P4",
        "I am not locked out but the font is small            | P4",
        "it is not down for everyone, only for me             | P4",
        "not everyone needs it                                | P4",
        "I'm never blocked by this                            | P4",
        // a negation reaches only its own sentence and the next few words
        "I wasn't hacked. But my laptop was stolen            | P1",
        "I'm not sure whether I was hacked                    | P1",
        "i didnt get hacked but im blocked                    | P3",
      })
  void a_negation_cancels_the_words_it_governs(String text, Priority expected) {
    assertEquals(expected, of(text), text);
  }

  @Test
  void security_beats_scale_beats_being_blocked_and_the_reason_quotes_the_user() {
    var decision =
        RULES.decide(List.of("everyone got a phishing email and I can't work"), null, null);
    assertEquals(Priority.P1, decision.priority());
    assertEquals("Security or data risk: the user wrote \"phishing\"", decision.reason());
    assertTrue(
        RULES.decide(List.of("my mouse is slow"), null, null).reason().startsWith("No sign of"));
  }

  @Test
  void a_flow_can_raise_the_priority_but_never_lower_it() {
    var raised =
        RULES.decide(
            List.of("my printer is slow"), Priority.P2, "Printer queue stuck for the floor");
    assertEquals(Priority.P2, raised.priority());
    assertTrue(raised.reason().contains("Printer queue stuck"), raised.reason());

    assertEquals(
        Priority.P1,
        RULES.decide(List.of("I clicked a phishing link"), Priority.P4, null).priority());
    // The MFA flow's own choice, among the answers a ticket is decided on.
    assertEquals(
        Priority.P1,
        RULES
            .decide(List.of("reset mfa", "My phone was lost or stolen"), Priority.P3, null)
            .priority());
  }

  /**
   * The shipped flows' escalations follow the same table: none is less urgent than the table finds
   * its own words (say and reason), and each is the priority worked out by hand from the table.
   */
  @Test
  void the_shipped_flows_escalate_with_the_priorities_of_the_table() throws IOException {
    // Worked out from the table: one person blocked is P3 (every identity flow's escalation: the
    // person cannot sign in, whatever went wrong on the way), an area's outage P2, a single printer
    // or a home connection P4 (not blocked from working); a lost phone is P1 by the user's choice.
    // Finding one's tickets by email blocks nobody: P4.
    var expected =
        Map.ofEntries(
            Map.entry("account-unlock/still_failing", "P3"),
            Map.entry("account-unlock/unavailable", "P3"),
            Map.entry("account-unlock/verify_failed", "P3"),
            Map.entry("account-unlock/unlock_failed", "P3"),
            Map.entry("email-not-syncing/escalate_app", "P3"),
            Map.entry("email-not-syncing/escalate_server", "P3"),
            Map.entry("my-tickets/unavailable", "P4"),
            Map.entry("my-tickets/verify_failed", "P4"),
            Map.entry("my-tickets/list_failed", "P4"),
            Map.entry("mfa-re-enrol/unavailable", "P3"),
            Map.entry("mfa-re-enrol/verify_failed", "P3"),
            Map.entry("mfa-re-enrol/reset_failed", "P3"),
            Map.entry("password-reset/unavailable", "P3"),
            Map.entry("password-reset/verify_failed", "P3"),
            Map.entry("password-reset/directory_refused", "P3"),
            Map.entry("password-reset/still_locked", "P3"),
            Map.entry("printer-not-printing/escalate", "P4"),
            Map.entry("vpn-cannot-connect/escalate_no_internet", "P3"),
            Map.entry("vpn-cannot-connect/escalate_signin", "P3"),
            Map.entry("vpn-cannot-connect/escalate_client", "P3"),
            Map.entry("wifi-connection/escalate_device", "P3"),
            Map.entry("wifi-connection/escalate_outage", "P2"),
            Map.entry("wifi-connection/escalate_home", "P4"));
    var actual = new TreeMap<String, String>();
    var underRated = new ArrayList<String>();
    var flows = Flows.load(Path.of("../articles/flows"));
    assertEquals(List.of(), flows.problems());
    for (var flow : flows.flows().values()) {
      for (var step : flow.steps()) {
        if (!(step instanceof Step.End end) || end.outcome() != Step.Outcome.ESCALATE) continue;
        var priority = end.priority() != null ? end.priority() : flow.escalation().priority();
        actual.put(flow.id() + "/" + end.id(), priority);
        var words =
            (end.text() == null ? "" : end.text())
                + "\n"
                + (end.reason() == null ? "" : end.reason());
        var byTable = RULES.decide(List.of(words), null, null).priority();
        if (byTable.ordinal() < Priority.valueOf(priority).ordinal())
          underRated.add(flow.id() + "/" + end.id() + " is " + priority + ", its words " + byTable);
      }
    }
    assertEquals(List.of(), underRated);
    assertEquals(new TreeMap<>(expected), actual);
  }
}
