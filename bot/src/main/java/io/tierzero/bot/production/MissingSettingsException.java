package io.tierzero.bot.production;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A production start refused. {@link #report()} lists every missing setting with its fix; it is
 * logged once, and the exception's own message stays one line, because Micronaut repeats it for
 * every wrapper around it.
 */
public final class MissingSettingsException extends RuntimeException {
  private final List<MissingSetting> missing;

  public MissingSettingsException(List<MissingSetting> missing) {
    super(
        missing.size()
            + " production setting"
            + (missing.size() == 1 ? "" : "s")
            + " missing: "
            + missing.stream().map(MissingSetting::what).collect(Collectors.joining(", "))
            + " (see the log above)");
    this.missing = List.copyOf(missing);
  }

  public List<MissingSetting> missing() {
    return missing;
  }

  /** The one message for the operator: every missing setting and how to set it. */
  public String report() {
    return report(missing);
  }

  static String report(List<MissingSetting> missing) {
    return "Tier Zero does not start in the '"
        + ProductionGuard.PROD_ENVIRONMENT
        + "' environment with "
        + missing.size()
        + " setting"
        + (missing.size() == 1 ? "" : "s")
        + " missing (deploy/application-prod.yml "
        + "lists every production key):"
        + missing.stream().map(m -> "\n  - " + m).collect(Collectors.joining());
  }
}
