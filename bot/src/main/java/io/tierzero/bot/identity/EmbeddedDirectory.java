package io.tierzero.bot.identity;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldif.LDIFReader;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory LDAP server seeded with demo users, started with the bot (a real LDAP server the
 * bot talks to over the protocol, not a mock). Demo only: it forgets every change on restart.
 * Like a directory with a password policy, it refuses binds to a locked account.
 */
@Context
@Requires(property = EmbeddedDirectoryConfiguration.PREFIX + ".enabled", notEquals = "false")
public final class EmbeddedDirectory implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDirectory.class);

  private final InMemoryDirectoryServer server;

  EmbeddedDirectory(EmbeddedDirectoryConfiguration embedded, DirectoryConfiguration directory) {
    try {
      var config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
      config.setListenerConfigs(
          InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), embedded.port(), null));
      // Demo entries carry ppolicy and MFA attributes the standard schema does not define.
      config.setSchema(null);
      config.addAdditionalBindCredentials(directory.bindDn(), directory.bindPassword());
      var holder = new InMemoryDirectoryServer[1];
      config.addInMemoryOperationInterceptor(new LockedAccounts(holder, directory));
      server = new InMemoryDirectoryServer(config);
      holder[0] = server;
      try (var in = EmbeddedDirectory.class.getClassLoader().getResourceAsStream(embedded.ldif())) {
        if (in == null) throw new IOException("no classpath resource " + embedded.ldif());
        server.importFromLDIF(true, new LDIFReader(in));
      }
      server.startListening();
      LOG.info("Embedded demo LDAP directory listening on ldap://127.0.0.1:{} ({} entries)", port(), server.countEntries());
    } catch (LDAPException e) {
      throw new IllegalStateException("Cannot start the embedded LDAP directory: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The port it listens on (the chosen one when configured as 0). */
  public int port() {
    return server.getListenPort();
  }

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
    public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) throws LDAPException {
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
