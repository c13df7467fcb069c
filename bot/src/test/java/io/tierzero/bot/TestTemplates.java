package io.tierzero.bot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Test fixtures built once for every test JVM of a build and kept for the next build: folders in
 * {@code target/test-templates}, each named for a digest of everything it is built from. Surefire's
 * test JVMs each built their own before, so the same articles were embedded and the same migrations
 * applied in every fork; the shipped knowledge base alone is minutes of CPU on a loaded machine.
 * Tests only ever copy a template, never open it in place.
 *
 * <p>A digest covers the inputs' files and the code that turns them into the template (the
 * knowledge base library's classes, the jars' versions), so a changed article, migration or library
 * builds a new template instead of reusing a stale one. Builders in different JVMs take a file lock
 * in turn: the second one finds the first one's template.
 */
final class TestTemplates {
  /** Under the bot module's build folder: {@code mvn clean} removes it with the rest. */
  static final Path ROOT = Path.of("target/test-templates").toAbsolutePath().normalize();

  private TestTemplates() {}

  interface Builder {
    /** Builds the template into {@code folder}, which exists and is empty. */
    void build(Path folder) throws IOException;
  }

  /**
   * The folder of template {@code name} for the inputs digested in {@code key}, built by {@code
   * builder} if no JVM of this or an earlier build has built it; older templates of that name are
   * removed.
   */
  static synchronized Path template(String name, Digest key, Builder builder) throws IOException {
    var folder = ROOT.resolve(name + "-" + key.hex());
    if (Files.isDirectory(folder)) return folder;
    Files.createDirectories(ROOT);
    try (var lock =
        FileChannel.open(
            ROOT.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      // Blocks while another test JVM builds; that one may be building this very template.
      try (var held = lock.lock()) {
        if (Files.isDirectory(folder)) return folder;
        // Older templates of this name, and what a JVM killed while building one left.
        removeAll(name);
        var partial = Files.createTempDirectory(ROOT, "." + name + "-");
        builder.build(partial);
        // Whole or absent: a JVM killed half way leaves only a hidden temporary folder.
        Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
        return folder;
      }
    }
  }

  private static void removeAll(String name) throws IOException {
    try (Stream<Path> entries = Files.list(ROOT)) {
      for (var old : (Iterable<Path>) entries::iterator) {
        var file = old.getFileName().toString();
        if (file.startsWith(name + "-") || file.startsWith("." + name + "-")) deleteTree(old);
      }
    }
  }

  static void deleteTree(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort: a temporary folder, or a template that a new one replaces.
    }
  }

  /** A digest of a template's inputs: file trees by content, classes by where they come from. */
  static final class Digest {
    private final MessageDigest sha;

    Digest() {
      try {
        sha = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Every file under {@code root} (or the file itself), by relative path and content. */
    Digest files(Path root) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (var file : walk.filter(Files::isRegularFile).sorted().toList()) {
          text(root.relativize(file).toString());
          sha.update(Files.readAllBytes(file));
        }
        return this;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * The code of {@code type}: a released jar by its file name, which carries the version; a class
     * folder (a module of this build) or a snapshot jar, which a new install replaces in place, by
     * content.
     */
    Digest code(Class<?> type) {
      Path location;
      try {
        location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
      var released = !Files.isDirectory(location) && !location.toString().contains("-SNAPSHOT");
      return released ? text(location.getFileName().toString()) : files(location);
    }

    Digest text(String text) {
      sha.update(text.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      return this;
    }

    String hex() {
      // Twelve bytes are plenty to tell a handful of templates apart.
      return HexFormat.of().formatHex(sha.digest(), 0, 12);
    }
  }
}
