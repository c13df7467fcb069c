package io.tierzero.bot.identity;

import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;

/** Whether an email address was proven in a conversation: a code sent to it was typed back. */
@Singleton
public class VerifiedEmails {
  private final CodeVerificationRepository codes;
  private final Directory directory;

  VerifiedEmails(CodeVerificationRepository codes, Directory directory) {
    this.codes = codes;
    this.directory = directory;
  }

  public boolean verified(String conversationId, String email) {
    var wanted = email.strip().toLowerCase(Locale.ROOT);
    try {
      return codes.findByConversationIdAndVerifiedAtIsNotNull(conversationId).stream()
          .map(c -> directory.findUser(c.username()))
          .flatMap(Optional::stream)
          .anyMatch(
              u -> u.email() != null && u.email().strip().toLowerCase(Locale.ROOT).equals(wanted));
    } catch (DirectoryException e) {
      return false;
    }
  }
}
