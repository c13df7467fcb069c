package io.tierzero.bot.production;

import java.util.List;
import java.util.stream.Collectors;

/** A production start refused: the message lists every missing setting, each with its fix. */
public final class MissingSettingsException extends RuntimeException {
  private final List<MissingSetting> missing;

  public MissingSettingsException(List<MissingSetting> missing) {
    super(message(missing));
    this.missing = List.copyOf(missing);
  }

  public List<MissingSetting> missing() {
    return missing;
  }

  static String message(List<MissingSetting> missing) {
    return "Tier Zero does not start in the '" + ProductionGuard.PROD_ENVIRONMENT + "' environment with "
        + missing.size() + " setting" + (missing.size() == 1 ? "" : "s") + " missing (deploy/application-prod.yml "
        + "lists every production key):"
        + missing.stream().map(m -> "\n  - " + m).collect(Collectors.joining());
  }
}
