package io.tierzero.bot.channels.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tierzero.bot.Application;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A password reset by mail: the code and the new password go through the one-time page, posted like
 * a browser posts a form, never by mail. The code goes by SMTP to GreenMail; the new password is
 * checked with an LDAP bind on the demo directory.
 */
@MicronautTest(transactional = false, environments = Application.DEMO_ENVIRONMENT)
class EmailSecretStepTest extends EmailChannelBase {
  @Override
  Path flows() {
    return flows("password-reset.yaml");
  }

  @Test
  void a_password_reset_takes_code_and_password_on_our_page_and_never_by_mail() throws Exception {
    var user = "alice@example.com";
    var newPassword = "correct horse battery staple 7";
    var first = send(user, "Password", "I forgot my password");
    var codeStep = awaitReplies(user, 1).get(0);
    var text = part(codeStep, "text/plain");
    // The sender's address is the login: no "what is your username"; the code still goes to it.
    assertFalse(text.contains("What is your username"), text);
    var link = SECRET_LINK.matcher(text);
    assertTrue(link.find(), text);
    var code = codeSentTo(user);

    var page = client.toBlocking().exchange(HttpRequest.GET(link.group(1)), String.class);
    assertTrue(page.body().contains("autocomplete=\"one-time-code\""), page.body());
    var next = submit(link.group(1), page, code);
    assertEquals(HttpStatus.OK, next.getStatus());
    assertTrue(next.body().contains("type=\"password\""), next.body());
    var action = FORM_ACTION.matcher(next.body());
    assertTrue(action.find(), next.body());
    // The same question reaches the thread as a link of its own.
    var passwordStep = awaitReplies(user, 2).get(1);
    assertTrue(
        SECRET_LINK.matcher(part(passwordStep, "text/plain")).find(),
        part(passwordStep, "text/plain"));
    assertEquals(first, passwordStep.getHeader("In-Reply-To", null));
    assertEquals("Re: Password", passwordStep.getSubject());

    var done = submit(action.group(1), next, newPassword);
    assertTrue(done.body().contains("your password has been changed"), done.body());
    assertTrue(
        part(awaitReplies(user, 3).get(2), "text/plain")
            .contains("your password has been changed"));
    try (var ldap = new LDAPConnection("127.0.0.1", directory.port())) {
      ldap.bind("uid=alice,ou=people,dc=example,dc=com", newPassword);
    }
    for (var reply : replies(user)) {
      var body = part(reply, "text/plain") + part(reply, "text/html");
      assertFalse(body.contains(newPassword), "the password went by mail");
      assertFalse(body.contains(code), "the code went back by mail");
    }
    for (var value : storedValues()) assertFalse(value.contains(newPassword), "stored: " + value);
  }

  @Test
  void a_code_written_into_a_mail_is_not_used_and_a_new_link_is_sent() throws Exception {
    var user = "alice@example.org";
    var first = send(user, "Reset", "I forgot my password");
    var codeStep = awaitReplies(user, 1).get(0);
    send(
        user,
        "Re: Reset",
        "123456",
        Map.of(
            "In-Reply-To",
            codeStep.getMessageID(),
            "References",
            first + " " + codeStep.getMessageID()));
    var again = part(awaitReplies(user, 2).get(1), "text/plain");
    assertTrue(again.contains("I don't take codes in this chat"), again);
    assertTrue(SECRET_LINK.matcher(again).find(), again);
    assertEquals(
        0,
        count(
            "select count(*) from chat_message m join channel_conversation c on c.conversation_id ="
                + " m.conversation_id where c.email = '"
                + user
                + "' and m.body like '%123456%'"));
  }
}
