package io.tierzero.bot.identity;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
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
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import com.unboundid.util.ssl.SSLUtil;
import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import io.tierzero.bot.i18n.Messages;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory over LDAP (UnboundID LDAP SDK): searches and modifies as the configured service
 * account, verifies passwords by binding as the user on a separate connection. Works with the
 * embedded demo server, OpenLDAP and Active Directory (see {@link DirectoryConfiguration}). New
 * passwords go by the Password Modify extended operation or {@code unicodePwd} where the directory
 * has them, so the directory, not the bot, decides how they are hashed.
 */
@Singleton
public class LdapDirectory implements Directory, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LdapDirectory.class);

  /** Enough for a help desk's bursts; connections are opened only when needed. */
  private static final int MAX_CONNECTIONS = 4;

  /**
   * A directory that does not answer must not hold a chat turn: UnboundID's defaults (10 s to
   * connect, 5 minutes for a response) would. Both bounds are far above a healthy directory's few
   * milliseconds.
   */
  static final int CONNECT_TIMEOUT_MILLIS = 3_000;

  static final long RESPONSE_TIMEOUT_MILLIS = 5_000;

  /** The Password Modify extended operation (RFC 3062), in the root DSE's supportedExtension. */
  static final String PASSWORD_MODIFY_OID =
      PasswordModifyExtendedRequest.PASSWORD_MODIFY_REQUEST_OID;

  /** LDAP_CAP_ACTIVE_DIRECTORY_OID, in an Active Directory root DSE's supportedCapabilities. */
  static final String ACTIVE_DIRECTORY_OID = "1.2.840.113556.1.4.800";

  /** How a new password reaches the directory. */
  enum PasswordWrite {
    /** Decide from the root DSE on first use. */
    AUTO,
    /** RFC 3062: the server applies its own hashing and policy, as for a user's own change. */
    PASSWORD_MODIFY,
    /** Active Directory: replace {@code unicodePwd} with the quoted password in UTF-16LE. */
    UNICODE_PWD,
    /** Replace the password attribute: the server stores what it is given. */
    REPLACE;

    static PasswordWrite parse(String value) {
      try {
        return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            DirectoryConfiguration.PREFIX
                + ".password-write must be auto, "
                + "password-modify, unicode-pwd or replace, not '"
                + value
                + "'",
            e);
      }
    }
  }

  private final DirectoryConfiguration config;
  private final @Nullable LocalDirectory embedded;
  private final PasswordWrite configuredWrite;
  private final MessageSource messages;
  private LDAPConnectionPool pool;
  private ServerSet servers;
  private PasswordWrite passwordWrite;

  public LdapDirectory(
      DirectoryConfiguration config, @Nullable LocalDirectory embedded, MessageSource messages) {
    this.config = Objects.requireNonNull(config, "config");
    this.messages = Objects.requireNonNull(messages, "messages");
    this.embedded = embedded;
    this.configuredWrite = PasswordWrite.parse(config.passwordWrite());
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
    if (entry.isEmpty())
      return PasswordChange.refused(
          "no_such_user", Messages.text(messages, "identity.password.no-such-user"));
    if (newPassword == null || newPassword.length() < config.minPasswordLength()) {
      return PasswordChange.refused(
          "too_short",
          Messages.text(messages, "identity.password.too-short", config.minPasswordLength()));
    }
    if (newPassword.toLowerCase(Locale.ROOT).contains(user.toLowerCase(Locale.ROOT))) {
      return PasswordChange.refused(
          "contains_username", Messages.text(messages, "identity.password.contains-username"));
    }
    var weakness =
        PasswordStrength.weakness(messages, newPassword, config.minPasswordScore(), user);
    if (weakness.isPresent()) return PasswordChange.refused("too_weak", weakness.get());
    if (verifyPassword(user, newPassword)) {
      return PasswordChange.refused(
          "same_as_current", Messages.text(messages, "identity.password.same-as-current"));
    }
    try {
      writePassword(entry.get().getDN(), newPassword);
      return PasswordChange.done(Messages.text(messages, "identity.password.changed"));
    } catch (LDAPException e) {
      if (e.getResultCode() == ResultCode.CONSTRAINT_VIOLATION
          || e.getResultCode() == ResultCode.UNWILLING_TO_PERFORM) {
        return PasswordChange.refused(
            "rejected", Messages.text(messages, "identity.password.rejected"));
      }
      throw new DirectoryException("Setting the password failed: " + e.getResultCode(), e);
    }
  }

  @Override
  public boolean unlock(String user) {
    var entry = byUser(user);
    if (entry.isEmpty()) return false;
    if (entry.get().getAttribute(config.lockAttribute()) == null) return true;
    var modification =
        config.unlockedValue().isEmpty()
            ? new Modification(ModificationType.DELETE, config.lockAttribute())
            : new Modification(
                ModificationType.REPLACE, config.lockAttribute(), config.unlockedValue());
    modify(entry.get().getDN(), modification, "Unlocking");
    return true;
  }

  @Override
  public boolean resetMfa(String user) {
    var entry = byUser(user);
    if (entry.isEmpty()) return false;
    if (entry.get().getAttribute(config.mfaAttribute()) == null) return true;
    modify(
        entry.get().getDN(),
        new Modification(ModificationType.DELETE, config.mfaAttribute()),
        "Resetting MFA");
    return true;
  }

  private void modify(String dn, Modification modification, String what) {
    try {
      pool().modify(dn, modification);
    } catch (LDAPException e) {
      throw new DirectoryException(what + " failed: " + e.getResultCode(), e);
    }
  }

  private void writePassword(String dn, String password) throws LDAPException {
    switch (passwordWrite()) {
      case PASSWORD_MODIFY -> {
        var result =
            pool().processExtendedOperation(new PasswordModifyExtendedRequest(dn, null, password));
        if (result.getResultCode() != ResultCode.SUCCESS) throw new LDAPException(result);
      }
      // Active Directory takes the password quoted, in UTF-16LE, in unicodePwd.
      case UNICODE_PWD ->
          pool()
              .modify(
                  dn,
                  new Modification(
                      ModificationType.REPLACE,
                      "unicodePwd",
                      ("\"" + password + "\"").getBytes(StandardCharsets.UTF_16LE)));
      default ->
          pool()
              .modify(
                  dn,
                  new Modification(ModificationType.REPLACE, config.passwordAttribute(), password));
    }
  }

  /** The configured way, or on {@code auto} the one the directory's root DSE says it supports. */
  synchronized PasswordWrite passwordWrite() throws LDAPException {
    if (passwordWrite != null) return passwordWrite;
    if (configuredWrite != PasswordWrite.AUTO) {
      passwordWrite = configuredWrite;
    } else if (config.passwordAttribute().equalsIgnoreCase("unicodePwd")) {
      passwordWrite = PasswordWrite.UNICODE_PWD;
    } else {
      var root = pool().getEntry("", "supportedExtension", "supportedCapabilities");
      if (root != null && hasValue(root, "supportedCapabilities", ACTIVE_DIRECTORY_OID)) {
        passwordWrite = PasswordWrite.UNICODE_PWD;
      } else if (root != null && hasValue(root, "supportedExtension", PASSWORD_MODIFY_OID)) {
        passwordWrite = PasswordWrite.PASSWORD_MODIFY;
      } else {
        LOG.warn(
            "The directory offers no Password Modify operation (RFC 3062): new passwords are"
                + " written to {} as given, so the directory must hash them itself",
            config.passwordAttribute());
        passwordWrite = PasswordWrite.REPLACE;
      }
    }
    LOG.info(
        "New passwords are written to the directory by {}",
        passwordWrite.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    return passwordWrite;
  }

  private static boolean hasValue(SearchResultEntry entry, String attribute, String value) {
    var values = entry.getAttributeValues(attribute);
    return values != null && Arrays.asList(values).contains(value);
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
    var filters =
        config.loginAttributes().stream()
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
      var request =
          new SearchRequest(
              config.baseDn(),
              SearchScope.SUB,
              filter,
              config.userAttribute(),
              config.nameAttribute(),
              config.mailAttribute(),
              config.lockAttribute(),
              config.mfaAttribute());
      request.setSizeLimit(2);
      var result = pool().search(request);
      // Two matches means the login is ambiguous: acting on either would be a guess.
      return result.getEntryCount() == 1
          ? Optional.of(result.getSearchEntries().get(0))
          : Optional.empty();
    } catch (LDAPException e) {
      if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED
          || e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
        return Optional.empty();
      }
      throw new DirectoryException("Directory search failed: " + e.getResultCode(), e);
    }
  }

  /**
   * Whether the directory answers now: a bind as the service account and a read of its root DSE, on
   * a connection of its own so a health probe never waits for the pool. Empty when no directory is
   * configured at all.
   */
  public Optional<DirectoryException> check() {
    if (!configured()) return Optional.empty();
    try (LDAPConnection connection = servers().getConnection()) {
      connection.bind(new SimpleBindRequest(config.bindDn(), config.bindPassword()));
      connection.getRootDSE();
      return Optional.empty();
    } catch (LDAPException e) {
      return Optional.of(
          new DirectoryException(
              "Directory "
                  + url()
                  + " not reachable: "
                  + e.getResultCode()
                  + (e.getDiagnosticMessage() == null ? "" : " (" + e.getDiagnosticMessage() + ")"),
              e));
    }
  }

  /** Whether a directory is configured (or the embedded demo one runs). */
  public boolean configured() {
    return !url().isBlank();
  }

  /** The directory's address, for messages: never its credentials. */
  public String url() {
    return config.url().isBlank() && embedded != null ? embedded.url() : config.url();
  }

  /** Connects on first use, so the bot starts even while the directory is down. */
  private synchronized LDAPConnectionPool pool() throws LDAPException {
    if (pool == null) {
      pool =
          new LDAPConnectionPool(
              servers(),
              new SimpleBindRequest(config.bindDn(), config.bindPassword()),
              1,
              MAX_CONNECTIONS);
      // A connection broken by a directory restart is replaced and the operation tried once more,
      // so the first request after the directory is back does not fail.
      pool.setRetryFailedOperationsDueToInvalidConnections(true);
    }
    return pool;
  }

  private static LDAPConnectionOptions options() {
    var options = new LDAPConnectionOptions();
    options.setConnectTimeoutMillis(CONNECT_TIMEOUT_MILLIS);
    options.setResponseTimeoutMillis(RESPONSE_TIMEOUT_MILLIS);
    return options;
  }

  private synchronized ServerSet servers() throws LDAPException {
    if (servers == null) {
      String url = url();
      if (url.isBlank()) {
        throw new LDAPException(
            ResultCode.CONNECT_ERROR,
            "No directory configured: set " + DirectoryConfiguration.PREFIX + ".url");
      }
      var parsed = new LDAPURL(url);
      if (parsed.getScheme().equalsIgnoreCase("ldaps")) {
        try {
          // The JVM's trust store decides which directory certificates are trusted.
          servers =
              new SingleServerSet(
                  parsed.getHost(),
                  parsed.getPort(),
                  new SSLUtil().createSSLSocketFactory(),
                  options());
        } catch (GeneralSecurityException e) {
          throw new LDAPException(
              ResultCode.CONNECT_ERROR, "Cannot set up TLS: " + e.getMessage(), e);
        }
      } else {
        servers = new SingleServerSet(parsed.getHost(), parsed.getPort(), options());
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
