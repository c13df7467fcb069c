package io.tierzero.bot.channels.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
 * A password reset from Teams: the code and the new password go through the one-time page, posted
 * like a browser posts a form, never through Teams. Codes go by SMTP to GreenMail; the new password
 * is checked with an LDAP bind on the demo directory.
 */
@MicronautTest(transactional = false, environments = Application.DEMO_ENVIRONMENT)
class TeamsSecretStepTest extends TeamsChannelBase {
  @Override
  Path flows() {
    return flows("password-reset.yaml");
  }

  @Test
  void a_password_reset_skips_the_username_and_takes_code_and_password_on_our_page()
      throws Exception {
    var newPassword = "correct horse battery staple 7";
    var codeStep = send(personal("reset", "I forgot my password"));
    // Teams said who this is: no "what is your username" question; the code goes to the member's
    // email.
    var all =
        String.join("\n", teams.posted().stream().map(BotFrameworkStandIn.Posted::body).toList());
    assertFalse(all.contains("What is your username"), all);
    var open = findAction(codeStep.card(), "Open the secure page");
    assertEquals("Action.OpenUrl", open.get("type"), codeStep.body());
    var link = SECRET_LINK.matcher(codeStep.body());
    assertTrue(link.find(), codeStep.body());
    assertTrue(link.group(1).startsWith("https://help.example.com/secret/"), link.group(1));
    var code = codeSentTo("alice@example.com");

    // The page, like a browser: GET sets the cookie and the form's value, POST sends both.
    var page = client.toBlocking().exchange(HttpRequest.GET(link.group(2)), String.class);
    assertEquals("no-store", page.header("Cache-Control"));
    var before = teams.posted().size();
    var next = submit(link.group(2), page, code);
    assertEquals(HttpStatus.OK, next.getStatus());
    assertTrue(next.body().contains("type=\"password\""), next.body());
    var action = FORM_ACTION.matcher(next.body());
    assertTrue(action.find(), next.body());
    // The same question reaches Teams as a link of its own, sent to the conversation (no activity
    // to answer).
    var passwordStep = teams.awaitPosts(before + 1).get(before);
    assertTrue(passwordStep.mentions("/secret/"), passwordStep.body());
    assertEquals("a:personal-reset", passwordStep.conversation());
    assertNull(passwordStep.replyTo());

    // A used link is gone.
    var reused =
        org.junit.jupiter.api.Assertions.assertThrows(
            HttpClientResponseException.class,
            () -> client.toBlocking().exchange(HttpRequest.GET(link.group(2)), String.class));
    assertEquals(HttpStatus.NOT_FOUND, reused.getStatus());

    before = teams.posted().size();
    var done = submit(action.group(1), next, newPassword);
    assertTrue(done.body().contains("your password has been changed"), done.body());
    assertTrue(teams.awaitPosts(before + 1).get(before).mentions("your password has been changed"));
    try (var ldap = new LDAPConnection("127.0.0.1", directory.port())) {
      ldap.bind("uid=alice,ou=people,dc=example,dc=com", newPassword);
    }
    outbox.awaitIdle(Duration.ofSeconds(10));
    var everything =
        String.join("\n", teams.posted().stream().map(BotFrameworkStandIn.Posted::body).toList());
    assertFalse(everything.contains(newPassword), "the password reached Teams");
    assertFalse(everything.contains(code), "the code reached Teams");
    for (var value : DatabaseText.everyValue(jdbcUrl)) {
      assertFalse(value.contains(newPassword), "stored: " + value);
    }
  }

  @Test
  void a_code_typed_into_teams_is_not_used_and_a_new_link_is_sent() throws Exception {
    send(personal("typed", "I forgot my password"));
    var before = teams.posted().size();
    send(personal("typed", "123456"));
    var posts = teams.awaitPosts(before + 2);
    assertTrue(
        posts.get(before).mentions("I don't take codes in this chat"), posts.get(before).body());
    assertTrue(posts.get(before + 1).mentions("/secret/"), posts.get(before + 1).body());
    assertEquals(
        0,
        count(
            "select count(*) from chat_message m join channel_conversation c on c.conversation_id ="
                + " m.conversation_id where c.user_id = 'aad-typed' and m.body like '%123456%'"));
  }
}
