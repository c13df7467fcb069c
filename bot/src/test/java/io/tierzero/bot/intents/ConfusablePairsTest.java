package io.tierzero.bot.intents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.chat.BotMessage;
import io.tierzero.bot.chat.ReplyType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The one decision per turn on pairs that look alike but want different things, over HTTP on the
 * knowledge base as shipped. Each expectation was checked by hand: what a person at the service
 * desk would do with the message.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfusablePairsTest implements TestPropertyProvider {
  private static final String PAY = "Payroll, not IT";
  private static final String LEAVE = "Holidays and leave are booked with HR";

  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    return RealKnowledgeBase.properties();
  }

  private BotMessage first(String text) {
    return RealKnowledgeBase.first(client, text).replies().get(0);
  }

  private static void assertArticle(BotMessage reply, String... ids) {
    assertTrue(
        Set.of(ReplyType.ANSWER, ReplyType.CLARIFY).contains(reply.type()), reply.toString());
    assertTrue(Set.of(ids).contains(reply.articles().get(0).id()), reply.toString());
  }

  private static void assertFlow(BotMessage reply, String flow) {
    assertEquals(ReplyType.FLOW_STEP, reply.type(), reply.toString());
    assertEquals(flow, reply.flow(), reply.toString());
  }

  private static void assertRedirect(BotMessage reply, String where) {
    assertEquals(ReplyType.TEXT, reply.type(), reply.toString());
    assertTrue(reply.text().contains(where), reply.toString());
  }

  @Test
  void leaving_the_company_is_it_offboarding_and_annual_leave_is_for_hr() {
    assertArticle(first("I'm leaving the company"), "leaving-the-organisation");
    assertRedirect(first("I want to book annual leave"), LEAVE);
  }

  @Test
  void a_pin_is_not_a_password_change() {
    var pin = first("reset my PIN");
    assertNotEquals("password-reset", pin.flow(), pin.toString());
    assertTrue(
        pin.articles().isEmpty() || !pin.articles().get(0).id().equals("change-password"),
        pin.toString());
    assertArticle(first("change my password"), "change-password");
  }

  @Test
  void an_app_that_crashes_is_it_even_when_it_shows_payslips_and_payday_is_payroll() {
    var app = first("my payslip app crashes");
    assertTrue(!app.text().contains(PAY), app.toString());
    assertRedirect(first("when is payday"), PAY);
  }

  @Test
  void signing_in_to_the_payroll_system_is_an_account_problem_and_getting_paid_is_payroll() {
    var signIn = first("can't log in to the payroll system");
    if (signIn.type() == ReplyType.FLOW_STEP) {
      assertTrue(
          Set.of("password-reset", "account-unlock").contains(signIn.flow()), signIn.toString());
    } else {
      assertArticle(
          signIn,
          "account-locked-out",
          "reset-forgotten-password",
          "find-your-username",
          "expired-password",
          "request-system-access");
    }
    assertRedirect(first("when do I get paid"), PAY);
  }

  @Test
  void people_own_words_start_the_flow() {
    assertFlow(first("I cant connect to wifi"), "wifi-connection");
    assertFlow(first("lost my pwd"), "password-reset");
  }

  @Test
  void a_stolen_phone_is_about_mfa_or_the_lost_device() {
    var reply = first("someone stole my phone");
    if (reply.type() == ReplyType.FLOW_STEP) {
      assertEquals("mfa-re-enrol", reply.flow(), reply.toString());
    } else {
      assertArticle(reply, "mfa-new-or-lost-phone", "lost-or-stolen-device");
    }
  }

  @Test
  void asking_whether_it_is_a_person_is_small_talk_and_asking_for_one_is_a_handoff() {
    var bot = first("is this a real person?");
    assertEquals(ReplyType.TEXT, bot.type(), bot.toString());
    assertEquals(ReplyType.HANDOFF, first("speak to human pls").type());
  }
}
