package io.tierzero.bot.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedExtendedRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldif.LDIFReader;
import io.micronaut.context.MessageSource;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import io.tierzero.bot.demo.EmbeddedDirectory;
import io.tierzero.bot.demo.EmbeddedDirectoryConfiguration;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * How a new password reaches the directory, over LDAP to real (in-memory) servers: the Password
 * Modify extended operation where offered, {@code unicodePwd} on Active Directory, a replace only
 * where neither exists; and the embedded demo directory hashes what it stores and answers no
 * anonymous reader.
 */
class LdapDirectoryTest {
  private static final MessageSource MESSAGES = new ResourceBundleMessageSource("i18n.identity");

  private static final String ALICE = "uid=alice,ou=people,dc=example,dc=com";
  private static final String NEW_PASSWORD = "Bright-Morning-Tea-2027";

  /** What the bot asked the server to do, as the server saw it. */
  private static final class Recorder extends InMemoryOperationInterceptor {
    final List<String> extendedOids = new CopyOnWriteArrayList<>();
    final List<Modification> modifications = new CopyOnWriteArrayList<>();

    @Override
    public void processExtendedRequest(InMemoryInterceptedExtendedRequest request) {
      extendedOids.add(request.getRequest().getOID());
    }

    @Override
    public void processModifyRequest(InMemoryInterceptedModifyRequest request) {
      modifications.addAll(request.getRequest().getModifications());
    }
  }

  private static InMemoryDirectoryServer server(
      Recorder recorder, Consumer<InMemoryDirectoryServerConfig> setup) throws Exception {
    var config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
    config.setListenerConfigs(
        InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
    config.setSchema(null);
    config.addAdditionalBindCredentials(
        DirectoryConfiguration.DEFAULT_BIND_DN, DirectoryConfiguration.DEMO_BIND_PASSWORD);
    config.addInMemoryOperationInterceptor(recorder);
    setup.accept(config);
    var server = new InMemoryDirectoryServer(config);
    try (var in =
        LdapDirectoryTest.class
            .getClassLoader()
            .getResourceAsStream("identity/demo-directory.ldif")) {
      server.importFromLDIF(true, new LDIFReader(in));
    }
    server.startListening();
    return server;
  }

  private static DirectoryConfiguration config(int port, String passwordWrite) {
    return new DirectoryConfiguration(
        "ldap://127.0.0.1:" + port,
        DirectoryConfiguration.DEFAULT_BIND_DN,
        DirectoryConfiguration.DEMO_BIND_PASSWORD,
        DirectoryConfiguration.DEFAULT_BASE_DN,
        List.of("uid", "mail"),
        "uid",
        "cn",
        "mail",
        "userPassword",
        "pwdAccountLockedTime",
        "",
        "mfaDevice",
        DirectoryConfiguration.DEFAULT_MIN_PASSWORD_LENGTH,
        passwordWrite,
        DirectoryConfiguration.DEFAULT_MIN_PASSWORD_SCORE);
  }

  private static List<String> modifiedAttributes(Recorder recorder) {
    return recorder.modifications.stream().map(Modification::getAttributeName).toList();
  }

  @Test
  void
      a_directory_offering_password_modify_gets_the_extended_operation_and_no_write_of_the_attribute()
          throws Exception {
    var recorder = new Recorder();
    var server = server(recorder, c -> {});
    try (var directory =
        new LdapDirectory(config(server.getListenPort(), "auto"), null, MESSAGES)) {
      assertTrue(directory.setPassword("alice", NEW_PASSWORD).changed());

      assertEquals(LdapDirectory.PasswordWrite.PASSWORD_MODIFY, directory.passwordWrite());
      assertTrue(
          recorder.extendedOids.contains(LdapDirectory.PASSWORD_MODIFY_OID),
          recorder.extendedOids.toString());
      assertEquals(List.of(), modifiedAttributes(recorder));
      assertTrue(directory.verifyPassword("alice", NEW_PASSWORD));
    } finally {
      server.shutDown(true);
    }
  }

  @Test
  void active_directory_gets_unicode_pwd_quoted_in_utf16le() throws Exception {
    var recorder = new Recorder();
    var server =
        server(
            recorder,
            c ->
                c.setCustomRootDSEAttributes(
                    List.of(
                        new Attribute(
                            "supportedCapabilities", LdapDirectory.ACTIVE_DIRECTORY_OID))));
    try (var directory =
        new LdapDirectory(config(server.getListenPort(), "auto"), null, MESSAGES)) {
      assertTrue(directory.setPassword("alice", NEW_PASSWORD).changed());

      assertEquals(LdapDirectory.PasswordWrite.UNICODE_PWD, directory.passwordWrite());
      assertEquals(1, recorder.modifications.size(), recorder.modifications.toString());
      var modification = recorder.modifications.get(0);
      assertEquals("unicodePwd", modification.getAttributeName());
      assertEquals(ModificationType.REPLACE, modification.getModificationType());
      assertArrayEquals(
          ("\"" + NEW_PASSWORD + "\"").getBytes(StandardCharsets.UTF_16LE),
          modification.getValueByteArrays()[0]);
      assertEquals(List.of(), recorder.extendedOids);
    } finally {
      server.shutDown(true);
    }
  }

  @Test
  void a_directory_without_password_modify_gets_a_replace_of_the_password_attribute()
      throws Exception {
    var recorder = new Recorder();
    var server = server(recorder, c -> c.getExtendedOperationHandlers().clear());
    try (var directory =
        new LdapDirectory(config(server.getListenPort(), "auto"), null, MESSAGES)) {
      assertTrue(directory.setPassword("alice", NEW_PASSWORD).changed());

      assertEquals(LdapDirectory.PasswordWrite.REPLACE, directory.passwordWrite());
      assertEquals(List.of("userPassword"), modifiedAttributes(recorder));
      assertTrue(directory.verifyPassword("alice", NEW_PASSWORD));
    } finally {
      server.shutDown(true);
    }
  }

  @Test
  void a_configured_way_overrides_the_root_dse() throws Exception {
    var recorder = new Recorder();
    var server = server(recorder, c -> {});
    try (var directory =
        new LdapDirectory(config(server.getListenPort(), "replace"), null, MESSAGES)) {
      assertTrue(directory.setPassword("alice", NEW_PASSWORD).changed());
      assertEquals(List.of("userPassword"), modifiedAttributes(recorder));
    } finally {
      server.shutDown(true);
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> new LdapDirectory(config(1, "plaintext"), null, MESSAGES));
  }

  @Test
  void the_embedded_directory_hashes_every_password_and_refuses_anonymous_reads_and_writes()
      throws Exception {
    var directoryConfig = config(0, "auto");
    try (var embedded =
        new EmbeddedDirectory(
            new EmbeddedDirectoryConfiguration(true, 0, "identity/demo-directory.ldif"),
            directoryConfig)) {
      try (var service =
          new LDAPConnection(
              "127.0.0.1",
              embedded.port(),
              DirectoryConfiguration.DEFAULT_BIND_DN,
              DirectoryConfiguration.DEMO_BIND_PASSWORD)) {
        var users =
            service.search(
                DirectoryConfiguration.DEFAULT_BASE_DN,
                SearchScope.SUB,
                "(uid=*)",
                "uid",
                "userPassword");
        assertEquals(4, users.getEntryCount());
        for (var user : users.getSearchEntries()) {
          var stored = user.getAttributeValue("userPassword");
          assertTrue(stored.startsWith("{SSHA256}"), user.getAttributeValue("uid") + ": " + stored);
          assertTrue(!stored.contains("-Demo-2026"), stored);
        }
      }
      try (var anonymous = new LDAPConnection("127.0.0.1", embedded.port())) {
        var read =
            assertThrows(
                LDAPException.class,
                () ->
                    anonymous.search(
                        DirectoryConfiguration.DEFAULT_BASE_DN, SearchScope.SUB, "(uid=alice)"));
        assertEquals(ResultCode.INSUFFICIENT_ACCESS_RIGHTS, read.getResultCode());
        var write =
            assertThrows(
                LDAPException.class,
                () ->
                    anonymous.modify(
                        ALICE, new Modification(ModificationType.DELETE, "mfaDevice")));
        assertEquals(ResultCode.INSUFFICIENT_ACCESS_RIGHTS, write.getResultCode());
        // A bind still works: it is how users prove their password.
        anonymous.bind(ALICE, "Alice-Demo-2026");
      }
    }
  }
}
