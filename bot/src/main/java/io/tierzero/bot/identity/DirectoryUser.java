package io.tierzero.bot.identity;

import io.micronaut.core.annotation.Nullable;

/**
 * A user as the directory knows them.
 *
 * @param user the username (e.g. {@code uid} or {@code sAMAccountName})
 * @param email the address on file, where one-time codes go; null when there is none
 * @param locked whether the account is locked out
 * @param mfaEnrolled whether an MFA device is registered
 */
public record DirectoryUser(
    String user,
    String dn,
    String name,
    @Nullable String email,
    boolean locked,
    boolean mfaEnrolled) {}
