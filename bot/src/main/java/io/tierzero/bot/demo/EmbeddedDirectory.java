package io.tierzero.bot.demo;

import com.unboundid.ldap.listener.Base64PasswordEncoderOutputFormatter;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.SaltedMessageDigestInMemoryPasswordEncoder;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldif.LDIFReader;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.tierzero.bot.Application;
import io.tierzero.bot.identity.DirectoryConfiguration;
import io.tierzero.bot.identity.LocalDirectory;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory LDAP server seeded with demo users, started with the bot (a real LDAP server the bot
 * talks to over the protocol, not a mock). Demo only: it forgets every change on restart. Like a
 * directory with a password policy, it refuses binds to a locked account. It exists only in the
 * demo environment.
 */
@Context
@Requires(env = Application.DEMO_ENVIRONMENT)
@Requires(property = EmbeddedDirectoryConfiguration.PREFIX + ".enabled", notEquals = "false")
public final class EmbeddedDirectory implements LocalDirectory, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDirectory.class);

  /** As OpenLDAP's {SSHA}: eight random bytes per password. */
  private static final int SALT_BYTES = 8;

  private final InMemoryDirectoryServer server;

  public EmbeddedDirectory(
      EmbeddedDirectoryConfiguration embedded, DirectoryConfiguration directory) {
    try {
      var config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
      config.setListenerConfigs(
          InMemoryListenerConfig.createLDAPConfig(
              "ldap", InetAddress.getLoopbackAddress(), embedded.port(), null));
      // Demo entries carry ppolicy and MFA attributes the standard schema does not define.
      config.setSchema(null);
      config.addAdditionalBindCredentials(directory.bindDn(), directory.bindPassword());
      // Like a real directory: nobody reads or writes without binding first (a bind itself stays
      // open: it is how users prove their password).
      config.setAuthenticationRequiredOperationTypes(
          EnumSet.of(
              OperationType.ADD,
              OperationType.COMPARE,
              OperationType.DELETE,
              OperationType.EXTENDED,
              OperationType.MODIFY,
              OperationType.MODIFY_DN,
              OperationType.SEARCH));
      // Passwords are stored as salted SHA-256, never as given: a search, even the bot's, returns
      // no password a reader could use. Binds and Password Modify go through the encoder.
      config.setPasswordAttributes(directory.passwordAttribute());
      config.setPasswordEncoders(
          new SaltedMessageDigestInMemoryPasswordEncoder(
              "{SSHA256}",
              Base64PasswordEncoderOutputFormatter.getInstance(),
              MessageDigest.getInstance("SHA-256"),
              SALT_BYTES,
              true,
              true));
      var holder = new InMemoryDirectoryServer[1];
      config.addInMemoryOperationInterceptor(new LockedAccounts(holder, directory));
      server = new InMemoryDirectoryServer(config);
      holder[0] = server;
      try (var in = EmbeddedDirectory.class.getClassLoader().getResourceAsStream(embedded.ldif())) {
        if (in == null) throw new IOException("no classpath resource " + embedded.ldif());
        server.importFromLDIF(true, new LDIFReader(in));
      }
      server.startListening();
      LOG.info(
          "Embedded demo LDAP directory listening on ldap://127.0.0.1:{} ({} entries)",
          port(),
          server.countEntries());
    } catch (LDAPException e) {
      throw new IllegalStateException(
          "Cannot start the embedded LDAP directory: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The port it listens on (the chosen one when configured as 0). */
  public int port() {
    return server.getListenPort();
  }

  @Override
  public String url() {
    return "ldap://127.0.0.1:" + port();
  }

  @Override
  @PreDestroy
  public void close() {
    server.shutDown(true);
  }

  /** Rejects binds to locked accounts, as a directory with a lockout policy does. */
  private static final class LockedAccounts extends InMemoryOperationInterceptor {
    private final InMemoryDirectoryServer[] server;
    private final DirectoryConfiguration directory;

    LockedAccounts(InMemoryDirectoryServer[] server, DirectoryConfiguration directory) {
      this.server = server;
      this.directory = directory;
    }

    @Override
    public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request)
        throws LDAPException {
      var dn = request.getRequest().getBindDN();
      if (dn == null || dn.isEmpty() || server[0] == null) return;
      var entry = server[0].getEntry(dn);
      if (entry == null) return;
      var lock = entry.getAttributeValue(directory.lockAttribute());
      if (lock != null && !lock.equals(directory.unlockedValue())) {
        throw new LDAPException(ResultCode.INVALID_CREDENTIALS, "Account locked");
      }
    }
  }
}
