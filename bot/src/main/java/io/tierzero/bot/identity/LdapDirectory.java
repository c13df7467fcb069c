package io.tierzero.bot.identity;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.util.ssl.SSLUtil;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The directory over LDAP (UnboundID LDAP SDK): searches and modifies as the configured service
 * account, verifies passwords by binding as the user on a separate connection. Works with the
 * embedded demo server, OpenLDAP and Active Directory (see {@link DirectoryConfiguration}).
 */
@Singleton
public class LdapDirectory implements Directory, AutoCloseable {
  /** Enough for a help desk's bursts; connections are opened only when needed. */
  private static final int MAX_CONNECTIONS = 4;

  private final DirectoryConfiguration config;
  private final @Nullable EmbeddedDirectory embedded;
  private LDAPConnectionPool pool;
  private ServerSet servers;

  public LdapDirectory(DirectoryConfiguration config, @Nullable EmbeddedDirectory embedded) {
    this.config = Objects.requireNonNull(config, "config");
    this.embedded = embedded;
  }

  @Override
  public Optional<DirectoryUser> findUser(String login) {
    if (login == null || login.isBlank()) return Optional.empty();
    return entry(login.strip()).map(this::toUser);
  }

  @Override
  public boolean verifyPassword(String user, String password) {
    var entry = byUser(user);
    if (entry.isEmpty() || password == null || password.isEmpty()) return false;
    // A bind on its own connection, so the pool's connections stay bound as the service account.
    try (LDAPConnection connection = servers().getConnection()) {
      connection.bind(new SimpleBindRequest(entry.get().getDN(), password));
      return true;
    } catch (LDAPException e) {
      if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) return false;
      throw new DirectoryException("Password check failed: " + e.getResultCode(), e);
    }
  }

  @Override
  public PasswordChange setPassword(String user, String newPassword) {
    var entry = byUser(user);
    if (entry.isEmpty()) return PasswordChange.refused("no_such_user", "There is no such account.");
    if (newPassword == null || newPassword.length() < config.minPasswordLength()) {
      return PasswordChange.refused("too_short",
          "That password is too short: it needs at least " + config.minPasswordLength() + " characters.");
    }
    if (newPassword.toLowerCase(Locale.ROOT).contains(user.toLowerCase(Locale.ROOT))) {
      return PasswordChange.refused("contains_username", "The password must not contain your username.");
    }
    if (verifyPassword(user, newPassword)) {
      return PasswordChange.refused("same_as_current", "That is your current password: choose a new one.");
    }
    try {
      pool().modify(entry.get().getDN(), passwordModification(newPassword));
      return PasswordChange.done();
    } catch (LDAPException e) {
      if (e.getResultCode() == ResultCode.CONSTRAINT_VIOLATION
          || e.getResultCode() == ResultCode.UNWILLING_TO_PERFORM) {
        return PasswordChange.refused("rejected", "The directory's password policy did not accept that password.");
      }
      throw new DirectoryException("Setting the password failed: " + e.getResultCode(), e);
    }
  }

  @Override
  public boolean unlock(String user) {
    var entry = byUser(user);
    if (entry.isEmpty()) return false;
    if (entry.get().getAttribute(config.lockAttribute()) == null) return true;
    var modification = config.unlockedValue().isEmpty()
        ? new Modification(ModificationType.DELETE, config.lockAttribute())
        : new Modification(ModificationType.REPLACE, config.lockAttribute(), config.unlockedValue());
    modify(entry.get().getDN(), modification, "Unlocking");
    return true;
  }

  @Override
  public boolean resetMfa(String user) {
    var entry = byUser(user);
    if (entry.isEmpty()) return false;
    if (entry.get().getAttribute(config.mfaAttribute()) == null) return true;
    modify(entry.get().getDN(), new Modification(ModificationType.DELETE, config.mfaAttribute()), "Resetting MFA");
    return true;
  }

  private void modify(String dn, Modification modification, String what) {
    try {
      pool().modify(dn, modification);
    } catch (LDAPException e) {
      throw new DirectoryException(what + " failed: " + e.getResultCode(), e);
    }
  }

  /** Active Directory takes the password quoted, in UTF-16LE, in {@code unicodePwd}. */
  private Modification passwordModification(String password) {
    if (config.passwordAttribute().equalsIgnoreCase("unicodePwd")) {
      var value = ("\"" + password + "\"").getBytes(StandardCharsets.UTF_16LE);
      return new Modification(ModificationType.REPLACE, config.passwordAttribute(), value);
    }
    return new Modification(ModificationType.REPLACE, config.passwordAttribute(), password);
  }

  private DirectoryUser toUser(SearchResultEntry entry) {
    var lock = entry.getAttributeValue(config.lockAttribute());
    boolean locked = lock != null && !lock.equals(config.unlockedValue()) && !lock.equals("0");
    return new DirectoryUser(
        entry.getAttributeValue(config.userAttribute()),
        entry.getDN(),
        Optional.ofNullable(entry.getAttributeValue(config.nameAttribute())).orElse(""),
        entry.getAttributeValue(config.mailAttribute()),
        locked,
        entry.getAttribute(config.mfaAttribute()) != null);
  }

  private Optional<SearchResultEntry> entry(String login) {
    var filters = config.loginAttributes().stream()
        .map(a -> Filter.createEqualityFilter(a.strip(), login))
        .toArray(Filter[]::new);
    return search(Filter.createORFilter(filters));
  }

  private Optional<SearchResultEntry> byUser(String user) {
    if (user == null || user.isBlank()) return Optional.empty();
    return search(Filter.createEqualityFilter(config.userAttribute(), user.strip()));
  }

  private Optional<SearchResultEntry> search(Filter filter) {
    try {
      var request = new SearchRequest(config.baseDn(), SearchScope.SUB, filter,
          config.userAttribute(), config.nameAttribute(), config.mailAttribute(),
          config.lockAttribute(), config.mfaAttribute());
      request.setSizeLimit(2);
      var result = pool().search(request);
      // Two matches means the login is ambiguous: acting on either would be a guess.
      return result.getEntryCount() == 1 ? Optional.of(result.getSearchEntries().get(0)) : Optional.empty();
    } catch (LDAPException e) {
      if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED || e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
        return Optional.empty();
      }
      throw new DirectoryException("Directory search failed: " + e.getResultCode(), e);
    }
  }

  /** Connects on first use, so the bot starts even while the directory is down. */
  private synchronized LDAPConnectionPool pool() throws LDAPException {
    if (pool == null) {
      pool = new LDAPConnectionPool(servers(), new SimpleBindRequest(config.bindDn(), config.bindPassword()), 1, MAX_CONNECTIONS);
    }
    return pool;
  }

  private synchronized ServerSet servers() throws LDAPException {
    if (servers == null) {
      String url = config.url().isBlank() && embedded != null ? embedded.url() : config.url();
      if (url.isBlank()) {
        throw new LDAPException(ResultCode.CONNECT_ERROR, "No directory configured: set " + DirectoryConfiguration.PREFIX + ".url");
      }
      var parsed = new LDAPURL(url);
      if (parsed.getScheme().equalsIgnoreCase("ldaps")) {
        try {
          // The JVM's trust store decides which directory certificates are trusted.
          servers = new SingleServerSet(parsed.getHost(), parsed.getPort(), new SSLUtil().createSSLSocketFactory());
        } catch (GeneralSecurityException e) {
          throw new LDAPException(ResultCode.CONNECT_ERROR, "Cannot set up TLS: " + e.getMessage(), e);
        }
      } else {
        servers = new SingleServerSet(parsed.getHost(), parsed.getPort());
      }
    }
    return servers;
  }

  @Override
  @PreDestroy
  public synchronized void close() {
    if (pool != null) pool.close();
    pool = null;
  }
}
