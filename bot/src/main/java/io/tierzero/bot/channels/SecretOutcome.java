package io.tierzero.bot.channels;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * What followed a secret given on the secret page, for the page to show (the same words go to the
 * platform).
 *
 * @param said the bot's replies, as text
 * @param nextLink a one-time link for the next secret question the replies ask, or null
 */
public record SecretOutcome(List<String> said, @Nullable String nextLink) {
  public SecretOutcome {
    said = List.copyOf(said);
  }
}
