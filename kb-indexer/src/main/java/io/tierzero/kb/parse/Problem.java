package io.tierzero.kb.parse;

import java.nio.file.Path;

/**
 * Something wrong with an article or a support file, with where it is.
 *
 * @param line 1-based line in {@code file}, or 0 when the problem concerns the whole file
 */
public record Problem(Path file, int line, String message) {
  @Override
  public String toString() {
    return (line > 0 ? file + ":" + line : file.toString()) + ": " + message;
  }
}
