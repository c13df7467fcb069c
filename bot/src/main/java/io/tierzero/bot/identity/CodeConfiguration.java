package io.tierzero.bot.identity;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Emailed one-time codes. Under the guided fixes' prefix ({@code tierzero.flows.code-*}), where
 * they were configured before verification became a part of identity, so existing settings and
 * environment variables ({@code TIERZERO_FLOWS_CODE_PEPPER}) keep working.
 *
 * @param codeTtl how long an emailed code is valid
 * @param codeAttempts wrong codes allowed before the verification fails for good
 * @param codesPerHour codes one user may be sent in an hour, so starting over cannot become
 *     guessing (a conversation where the user already proved a code counts only its own)
 * @param codeGuessesPerMinute codes checked per minute across all accounts and instances, so
 *     guessing cannot be spread over many names; beyond it a typed code is not checked and the user
 *     is asked to try again in a minute
 * @param codePepper the key of every code hash (HMAC-SHA256), so a copy of the database alone
 *     cannot be used to recover codes from their hashes; the same on every instance. Empty: one is
 *     generated into {@code codePepperFile}
 * @param codePepperFile where the generated pepper is kept when none is configured: outside the
 *     database, readable by the bot's user only, reused on every start
 */
@ConfigurationProperties(CodeConfiguration.PREFIX)
public record CodeConfiguration(
    @Bindable(defaultValue = "10m") Duration codeTtl,
    @Bindable(defaultValue = "3") int codeAttempts,
    @Bindable(defaultValue = "3") int codesPerHour,
    @Bindable(defaultValue = "30") int codeGuessesPerMinute,
    @Bindable(defaultValue = "") String codePepper,
    @Bindable(defaultValue = DEFAULT_CODE_PEPPER_FILE) String codePepperFile) {
  public static final String PREFIX = "tierzero.flows";

  /** Next to the embedded database, which it must not be stored in. */
  public static final String DEFAULT_CODE_PEPPER_FILE = "data/code-pepper";
}
