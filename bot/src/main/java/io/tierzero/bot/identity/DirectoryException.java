package io.tierzero.bot.identity;

/** The directory could not be reached or refused an operation it should have accepted. */
public final class DirectoryException extends RuntimeException {
  public DirectoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
