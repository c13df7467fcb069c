package io.tierzero.bot.channels.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tierzero.bot.Application;
import io.tierzero.bot.DatabaseText;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A password reset from Slack: the code and the new password go through the one-time page, posted
 * like a browser posts a form, never through Slack. Codes go by SMTP to GreenMail; the new password
 * is checked with an LDAP bind on the demo directory.
 */
@MicronautTest(transactional = false, environments = Application.DEMO_ENVIRONMENT)
class SlackSecretStepTest extends SlackChannelBase {
  @Override
  Path flows() {
    return flows("password-reset.yaml");
  }

  @Test
  void a_password_reset_skips_the_username_and_takes_code_and_password_on_our_page()
      throws Exception {
    var newPassword = "correct horse battery staple 7";
    var codeStep = say(dm("U-reset", "I forgot my password"));
    // Slack said who this is: no "what is your username" question; the code goes to Slack's email.
    var all = String.join("\n", slack.posted().stream().map(SlackStandIn.Posted::body).toList());
    assertFalse(all.contains("What is your username"), all);
    var link = SECRET_LINK.matcher(codeStep.body());
    assertTrue(link.find(), codeStep.body());
    assertTrue(link.group(1).startsWith("https://help.example.com/secret/"), link.group(1));
    var code = codeSentTo("alice@example.com");

    // The page, like a browser: GET sets the cookie and the form's value, POST sends both.
    var page = client.toBlocking().exchange(HttpRequest.GET(link.group(2)), String.class);
    assertEquals("no-store", page.header("Cache-Control"));
    assertTrue(page.body().contains("autocomplete=\"one-time-code\""), page.body());
    var before = slack.posted().size();
    var next = submit(link.group(2), page, code);
    assertEquals(HttpStatus.OK, next.getStatus());
    assertTrue(next.body().contains("type=\"password\""), next.body());
    var action = FORM_ACTION.matcher(next.body());
    assertTrue(action.find(), next.body());
    // The same question reaches Slack as a link of its own, never as a place to type.
    var passwordStep = slack.awaitPosts(before + 1).get(before);
    assertTrue(passwordStep.mentions("/secret/"), passwordStep.body());

    // A used link is gone.
    var reused =
        org.junit.jupiter.api.Assertions.assertThrows(
            HttpClientResponseException.class,
            () -> client.toBlocking().exchange(HttpRequest.GET(link.group(2)), String.class));
    assertEquals(HttpStatus.NOT_FOUND, reused.getStatus());

    before = slack.posted().size();
    var done = submit(action.group(1), next, newPassword);
    assertTrue(done.body().contains("your password has been changed"), done.body());
    assertTrue(slack.awaitPosts(before + 1).get(before).mentions("your password has been changed"));
    try (var ldap = new LDAPConnection("127.0.0.1", directory.port())) {
      ldap.bind("uid=alice,ou=people,dc=example,dc=com", newPassword);
    }
    outbox.awaitIdle(Duration.ofSeconds(10));
    var everything =
        String.join("\n", slack.posted().stream().map(SlackStandIn.Posted::body).toList());
    assertFalse(everything.contains(newPassword), "the password reached Slack");
    assertFalse(everything.contains(code), "the code reached Slack");
    for (var value : DatabaseText.everyValue(jdbcUrl)) {
      assertFalse(value.contains(newPassword), "stored: " + value);
    }
  }

  @Test
  void a_password_typed_into_slack_is_not_used_and_a_new_link_is_sent() throws Exception {
    say(dm("U-typed", "I forgot my password"));
    var before = slack.posted().size();
    send(
        eventCallback(
            nextEvent(),
            "{\"type\":\"message\",\"channel\":\"D-U-typed\",\"channel_type\":\"im\",\"user\":\"U-typed\",\"text\":\"123456\",\"ts\":\"2.2\"}"));
    var posts = slack.awaitPosts(before + 2);
    assertTrue(
        posts.get(before).mentions("I don't take codes in this chat"), posts.get(before).body());
    assertTrue(posts.get(before + 1).mentions("/secret/"), posts.get(before + 1).body());
    assertEquals(
        0,
        count(
            "select count(*) from chat_message m join channel_conversation c on c.conversation_id ="
                + " m.conversation_id where c.user_id = 'U-typed' and m.body like '%123456%'"));
  }
}
