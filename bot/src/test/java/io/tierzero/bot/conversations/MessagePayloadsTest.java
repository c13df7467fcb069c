package io.tierzero.bot.conversations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.serde.ObjectMapper;
import io.tierzero.bot.chat.ArticleLink;
import io.tierzero.bot.chat.ReplyInput;
import io.tierzero.bot.chat.ReplyPayload;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagePayloadsTest {
  private final MessagePayloads payloads = new MessagePayloads(ObjectMapper.getDefault());

  private static ChatMessage stored(NewMessage message) {
    return new ChatMessage(
        "m1",
        "c1",
        1,
        message.sender(),
        message.replyType(),
        message.body(),
        message.payload(),
        Instant.EPOCH);
  }

  @Test
  void a_bot_message_without_a_payload_stores_none() {
    var message = payloads.botMessage("text", "Hello", null);

    assertEquals(ChatMessage.BOT, message.sender());
    assertEquals("text", message.replyType());
    assertNull(message.payload());
    assertTrue(payloads.read(stored(message), ReplyPayload.class).isEmpty());
  }

  @Test
  void a_payload_reads_back_as_it_was_written() {
    var payload =
        new ReplyPayload(
            List.of(new ArticleLink("vpn", "VPN", "<mark>vpn</mark>", "/kb/vpn", 0.9, "vpn-fix")),
            List.of("That worked"),
            null,
            new ReplyInput(ReplyInput.SECRET),
            "password-reset",
            null);

    var message = payloads.botMessage("flow_step", "Your password?", payload);

    assertEquals(payload, payloads.read(stored(message), ReplyPayload.class).orElseThrow());
  }

  @Test
  void an_unreadable_payload_is_an_error_naming_the_column() {
    var message = stored(NewMessage.fromBot("answer", "x", "{\"articles\": 3"));

    var error =
        assertThrows(UncheckedIOException.class, () -> payloads.read(message, ReplyPayload.class));

    assertTrue(error.getMessage().contains(MessagePayloads.COLUMN), error::getMessage);
  }

  @Test
  void a_report_skips_a_payload_that_does_not_read() {
    assertTrue(payloads.readIfValid("{\"articles\": 3", ReplyPayload.class).isEmpty());
    assertTrue(payloads.readIfValid(null, ReplyPayload.class).isEmpty());
    assertEquals(
        List.of("That worked"),
        payloads
            .readIfValid("{\"options\":[\"That worked\"]}", ReplyPayload.class)
            .orElseThrow()
            .options());
  }
}
