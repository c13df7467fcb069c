package io.tierzero.bot.flows;

import static io.tierzero.bot.flows.FlowChat.assertQuestion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tierzero.bot.conversations.StartedConversation;
import io.tierzero.bot.demo.EmbeddedMailServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * One-time codes with no pepper configured: the stored hash cannot be reversed from the database
 * alone, the generated pepper lives in an owner-only file outside it, and a restart keeps codes in
 * flight valid. The demo mailbox stands in for the user's.
 */
class CodePepperTest {
  private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

  private static EmbeddedServer start(Map<String, String> properties) {
    return ApplicationContext.run(
        EmbeddedServer.class, new HashMap<String, Object>(properties), "test", "demo");
  }

  /** A password reset waiting for its code, and the code that was mailed. */
  private record Sent(StartedConversation conversation, String code) {}

  private static Sent codeSent(EmbeddedServer server) {
    try (var client = HttpClient.create(server.getURL())) {
      var chat = new FlowChat(client);
      chat.last("I forgot my password");
      assertQuestion(chat.last("alice"), "code");
      try {
        // Code mail goes out after the reply (MailOutbox).
        assertTrue(
            server
                .getApplicationContext()
                .getBean(io.tierzero.bot.mail.MailOutbox.class)
                .awaitIdle(java.time.Duration.ofSeconds(30)));
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      var mail = server.getApplicationContext().getBean(EmbeddedMailServer.class).received().get(0);
      var matcher = CODE.matcher(mail.text());
      assertTrue(matcher.find(), mail.text());
      return new Sent(chat.conversation, matcher.group(1));
    }
  }

  private static String[] storedHashAndSalt(String databaseUrl) throws Exception {
    try (var connection = DriverManager.getConnection(databaseUrl, "sa", "");
        var rows =
            connection
                .createStatement()
                .executeQuery("select code_hash, salt from flow_verification")) {
      assertTrue(rows.next(), "a code was recorded");
      return new String[] {rows.getString(1), rows.getString(2)};
    }
  }

  @Test
  void the_stored_hash_cannot_be_matched_from_the_database_alone() throws Exception {
    var properties = FlowChat.properties();
    try (var server = start(properties)) {
      var code = codeSent(server).code();
      var stored = storedHashAndSalt(properties.get("datasources.default.url"));
      var hash = stored[0];
      var salt = stored[1];

      // Everything an attacker with the database can try: each of the million codes, hashed with
      // the salt beside it and no pepper (SHA-256 of salt:code: as before, and salt:code).
      var sha256 = MessageDigest.getInstance("SHA-256");
      int matches = 0;
      for (int candidate = 0; candidate < 1_000_000; candidate++) {
        var text = String.format("%06d", candidate);
        if (hex(sha256.digest((salt + ":" + text + ":").getBytes(StandardCharsets.UTF_8)))
            .equals(hash)) matches++;
        if (hex(sha256.digest((salt + ":" + text).getBytes(StandardCharsets.UTF_8))).equals(hash))
          matches++;
      }
      assertEquals(0, matches, "a code hash matched without the pepper");

      // With the pepper from its file, the same hash is reproduced: the hash is what the test
      // models.
      var pepper = Files.readString(Path.of(properties.get("tierzero.flows.code-pepper-file")));
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(pepper.strip().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      assertEquals(hash, hex(mac.doFinal((salt + ":" + code).getBytes(StandardCharsets.UTF_8))));
    }
  }

  @Test
  void the_generated_pepper_is_an_owner_only_file_and_in_no_table() throws Exception {
    var properties = FlowChat.properties();
    try (var server = start(properties)) {
      codeSent(server);
      var file = Path.of(properties.get("tierzero.flows.code-pepper-file"));
      assertTrue(Files.isRegularFile(file), "no pepper file at " + file);
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
      var pepper = Files.readString(file).strip();
      assertEquals(64, pepper.length(), "256 random bits, hex");

      try (var connection =
              DriverManager.getConnection(properties.get("datasources.default.url"), "sa", "");
          var columns =
              connection
                  .createStatement()
                  .executeQuery(
                      "select table_name, column_name from information_schema.columns where"
                          + " lower(table_schema) = 'public' and (lower(data_type) like '%char%' or"
                          + " lower(data_type) like '%text%' or lower(data_type) like '%clob%')")) {
        int searched = 0;
        while (columns.next()) {
          var sql =
              "select count(*) from \""
                  + columns.getString(1)
                  + "\" where cast(\""
                  + columns.getString(2)
                  + "\" as varchar) like '%"
                  + pepper
                  + "%'";
          try (var count = connection.createStatement().executeQuery(sql)) {
            count.next();
            assertEquals(
                0,
                count.getInt(1),
                "pepper in " + columns.getString(1) + "." + columns.getString(2));
          }
          searched++;
        }
        assertTrue(searched > 10, "searched " + searched + " columns");
      }
    }
  }

  @Test
  void a_code_mailed_before_a_restart_is_accepted_after_it() throws Exception {
    var properties = FlowChat.properties();
    Sent sent;
    String pepperBefore;
    try (var server = start(properties)) {
      sent = codeSent(server);
      pepperBefore = Files.readString(Path.of(properties.get("tierzero.flows.code-pepper-file")));
    }

    try (var server = start(properties);
        var client = HttpClient.create(server.getURL())) {
      var resumed = new FlowChat(client, sent.conversation());
      assertQuestion(resumed.last(sent.code()), "secret");
      assertEquals(
          pepperBefore,
          Files.readString(Path.of(properties.get("tierzero.flows.code-pepper-file"))));
    }
  }

  @Test
  void a_configured_pepper_writes_no_file() throws Exception {
    var properties = FlowChat.properties();
    properties.put("tierzero.flows.code-pepper", "a-configured-pepper-of-some-length-0123456789");
    try (var server = start(properties)) {
      var code = codeSent(server).code();
      assertFalse(Files.exists(Path.of(properties.get("tierzero.flows.code-pepper-file"))));
      var stored = storedHashAndSalt(properties.get("datasources.default.url"));
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              properties.get("tierzero.flows.code-pepper").getBytes(StandardCharsets.UTF_8),
              "HmacSHA256"));
      assertEquals(
          stored[0], hex(mac.doFinal((stored[1] + ":" + code).getBytes(StandardCharsets.UTF_8))));
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
