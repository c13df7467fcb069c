package io.tierzero.bot.channels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps what a channel test's stand-in received (a Teams card, a mail's HTML) as files when the
 * system property {@value #DIR} names a folder, so {@code docs/channels/render.sh} can draw them.
 * Without it nothing is written.
 */
public final class Renderings {
  public static final String DIR = "tierzero.renderings.dir";

  private Renderings() {}

  public static void keep(String name, String content) {
    var dir = System.getProperty(DIR);
    if (dir == null || dir.isBlank()) return;
    try {
      Files.createDirectories(Path.of(dir));
      Files.writeString(Path.of(dir, name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
