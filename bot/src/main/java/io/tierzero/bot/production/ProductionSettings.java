package io.tierzero.bot.production;

import io.micronaut.context.env.Environment;
import io.tierzero.bot.Application;
import io.tierzero.bot.demo.EmbeddedDirectoryConfiguration;
import io.tierzero.bot.demo.EmbeddedMailConfiguration;
import io.tierzero.bot.identity.CodeConfiguration;
import io.tierzero.bot.identity.DirectoryConfiguration;
import io.tierzero.bot.mail.MailConfiguration;
import io.tierzero.bot.security.AgentAccount;
import io.tierzero.bot.sso.SingleSignOnConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a deployment must configure before it serves real users, read from the resolved
 * configuration (YAML files, {@code MICRONAUT_CONFIG_FILES}, environment variables, system
 * properties alike). Each gap is named with the variable or property that closes it, so one start
 * tells an operator everything at once instead of one failure per restart.
 */
public final class ProductionSettings {
  /**
   * The JWT signing key of the console's cookie; in application.yml it falls back to a random one.
   */
  static final String CONSOLE_SECRET =
      "micronaut.security.token.jwt.signatures.secret.generator.secret";

  /** How Micronaut exposes {@code TIERZERO_CONSOLE_SECRET}, the variable application.yml reads. */
  static final String CONSOLE_SECRET_VARIABLE = "TIERZERO_CONSOLE_SECRET";

  /** HS256 needs a 256-bit key: 32 characters at the very least. */
  static final int MIN_CONSOLE_SECRET_LENGTH = 32;

  /**
   * Where OpenID Connect (or any OAuth 2.0) clients are configured; one counts as a way to sign
   * agents in.
   */
  static final String OAUTH2_CLIENTS = "micronaut.security.oauth2.clients";

  private final Environment environment;

  public ProductionSettings(Environment environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  /** Every missing setting, in the order an operator would set them; empty when ready. */
  public List<MissingSetting> missing() {
    var missing = new ArrayList<MissingSetting>();
    if (!consoleSecretConfigured()) {
      missing.add(
          new MissingSetting(
              "console signing secret",
              "set "
                  + CONSOLE_SECRET_VARIABLE
                  + " ("
                  + MIN_CONSOLE_SECRET_LENGTH
                  + "+ random characters, the same on every instance); without it each start picks"
                  + " a random key and signs every agent out"));
    }
    if (text(CodeConfiguration.PREFIX + ".code-pepper").isEmpty()) {
      missing.add(
          new MissingSetting(
              "code pepper",
              "set TIERZERO_FLOWS_CODE_PEPPER ("
                  + CodeConfiguration.PREFIX
                  + ".code-pepper; 32+ random characters, "
                  + "the same on every instance, never stored in the database)"));
    }
    if (environment.getActiveNames().contains(Application.DEMO_ENVIRONMENT)) {
      missing.add(
          new MissingSetting(
              "no demo servers",
              "remove the '"
                  + Application.DEMO_ENVIRONMENT
                  + "' environment: it starts the embedded demo directory ("
                  + EmbeddedDirectoryConfiguration.PREFIX
                  + ") and mail server ("
                  + EmbeddedMailConfiguration.PREFIX
                  + "), whose mailbox every agent can read, and signs in demo-agent with a public"
                  + " password"));
    }
    if (text(DirectoryConfiguration.PREFIX + ".url").isEmpty()) {
      missing.add(
          new MissingSetting(
              "directory URL",
              "set TIERZERO_DIRECTORY_URL ("
                  + DirectoryConfiguration.PREFIX
                  + ".url, e.g. ldaps://dc1.corp.example.com:636) "
                  + "with its bind-dn, bind-password and base-dn"));
    }
    if (text(MailConfiguration.PREFIX + ".host").isEmpty()) {
      missing.add(
          new MissingSetting(
              "mail host",
              "set TIERZERO_MAIL_HOST ("
                  + MailConfiguration.PREFIX
                  + ".host) and its port, username, password: "
                  + "verification codes are sent through it"));
    }
    if (!agentsConfigured()) {
      missing.add(
          new MissingSetting(
              "agents",
              "configure "
                  + AgentAccount.PREFIX
                  + ".<username>.password-hash for each agent, or single sign-on ("
                  + SingleSignOnConfiguration.PREFIX
                  + ".issuer, see README), or an OAuth 2.0 client under "
                  + OAUTH2_CLIENTS
                  + ".<name>; with none, nobody can open the console"));
    }
    return List.copyOf(missing);
  }

  /**
   * Set by the variable, or by a configuration file overriding the key with anything but
   * application.yml's random fallback (its raw value, placeholders unresolved, is what tells).
   */
  private boolean consoleSecretConfigured() {
    var fromVariable =
        Optional.ofNullable(System.getenv(CONSOLE_SECRET_VARIABLE))
            .or(() -> environment.getProperty(CONSOLE_SECRET_VARIABLE, String.class))
            .filter(s -> !s.isBlank());
    if (fromVariable.isPresent())
      return fromVariable.get().strip().length() >= MIN_CONSOLE_SECRET_LENGTH;
    var raw =
        environment.getPropertySources().stream()
            .sorted((a, b) -> Integer.compare(b.getOrder(), a.getOrder()))
            .map(source -> source.get(CONSOLE_SECRET))
            .filter(Objects::nonNull)
            .findFirst()
            .map(Object::toString)
            .orElse("");
    if (raw.isBlank() || raw.contains("random.")) return false;
    return text(CONSOLE_SECRET).map(String::length).orElse(0) >= MIN_CONSOLE_SECRET_LENGTH;
  }

  /**
   * An agent with a password hash (an entry left empty, as in the example file, is none), or a
   * client.
   */
  private boolean agentsConfigured() {
    boolean agent =
        environment.getPropertyEntries(AgentAccount.PREFIX).stream()
            .anyMatch(
                name -> text(AgentAccount.PREFIX + "." + name + ".password-hash").isPresent());
    return agent
        || text(SingleSignOnConfiguration.PREFIX + ".issuer").isPresent()
        || !environment.getPropertyEntries(OAUTH2_CLIENTS).isEmpty();
  }

  private Optional<String> text(String property) {
    return environment
        .getProperty(property, String.class)
        .map(String::strip)
        .filter(s -> !s.isEmpty());
  }
}
