package io.tierzero.bot.identity;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * Where the directory is and how its entries are shaped. The defaults describe the embedded demo
 * directory (the demo's {@code EmbeddedDirectory}); for Active Directory set, for example, {@code
 * url: ldaps://dc1.corp.example.com:636}, {@code login-attributes: [sAMAccountName,
 * userPrincipalName, mail]}, {@code user-attribute: sAMAccountName}, {@code password-attribute:
 * unicodePwd}, {@code lock-attribute: lockoutTime}, {@code unlocked-value: "0"}.
 *
 * @param url {@code ldap://host:port} or {@code ldaps://host:port}; empty uses the embedded server
 * @param bindDn the service account the bot binds as to search and modify
 * @param bindPassword that account's password
 * @param baseDn where users are searched, subtree
 * @param loginAttributes attributes a user may be found by (username, email)
 * @param userAttribute the attribute that is the username
 * @param passwordAttribute {@code userPassword}, or {@code unicodePwd} for Active Directory
 *     (written in its quoted UTF-16 form; AD requires LDAPS for it)
 * @param passwordWrite how a new password is written: {@code auto} asks the directory's root DSE
 *     (Active Directory: {@code unicodePwd}; a server offering the Password Modify extended
 *     operation of RFC 3062, as OpenLDAP and the embedded directory do: that operation, so the
 *     server hashes it by its own policy; otherwise a plain replace of {@code passwordAttribute}),
 *     or one of {@code password-modify}, {@code unicode-pwd}, {@code replace}
 * @param lockAttribute present (and not {@code unlockedValue}) while the account is locked: {@code
 *     pwdAccountLockedTime} (OpenLDAP ppolicy) or {@code lockoutTime} (AD)
 * @param unlockedValue what unlocking writes; empty removes the attribute instead
 * @param mfaAttribute holds the registered MFA device; removing it makes the next sign-in enrol
 * @param minPasswordLength the policy's minimum length
 * @param minPasswordScore the lowest zxcvbn score (0 to 4) a new password may have; 0 turns the
 *     check off
 */
@ConfigurationProperties(DirectoryConfiguration.PREFIX)
public record DirectoryConfiguration(
    @Bindable(defaultValue = "") String url,
    @Bindable(defaultValue = DEFAULT_BIND_DN) String bindDn,
    @Bindable(defaultValue = DEMO_BIND_PASSWORD) String bindPassword,
    @Bindable(defaultValue = DEFAULT_BASE_DN) String baseDn,
    @Bindable(defaultValue = "uid,mail") List<String> loginAttributes,
    @Bindable(defaultValue = "uid") String userAttribute,
    @Bindable(defaultValue = "cn") String nameAttribute,
    @Bindable(defaultValue = "mail") String mailAttribute,
    @Bindable(defaultValue = "userPassword") String passwordAttribute,
    @Bindable(defaultValue = "pwdAccountLockedTime") String lockAttribute,
    @Bindable(defaultValue = "") String unlockedValue,
    @Bindable(defaultValue = "mfaDevice") String mfaAttribute,
    @Bindable(defaultValue = "" + DEFAULT_MIN_PASSWORD_LENGTH) int minPasswordLength,
    @Bindable(defaultValue = "auto") String passwordWrite,
    @Bindable(defaultValue = "" + DEFAULT_MIN_PASSWORD_SCORE) int minPasswordScore) {

  public static final String PREFIX = "tierzero.directory";
  public static final String DEFAULT_BIND_DN = "cn=tierzero-bot,ou=services,dc=example,dc=com";

  /**
   * Only for the embedded demo directory; a real directory gets its own secret by configuration.
   */
  public static final String DEMO_BIND_PASSWORD = "demo-service-password";

  public static final String DEFAULT_BASE_DN = "ou=people,dc=example,dc=com";

  /** NIST SP 800-63B asks for at least 8; 12 is the common corporate floor. */
  public static final int DEFAULT_MIN_PASSWORD_LENGTH = 12;

  /** zxcvbn's 3: "safely unguessable", about 10^8 guesses or more. */
  public static final int DEFAULT_MIN_PASSWORD_SCORE = 3;
}
