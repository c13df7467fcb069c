package io.tierzero.kb.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Which files of an articles folder are articles, and their content hashes. */
public final class ArticleFiles {
  private static final Logger LOG = LoggerFactory.getLogger(ArticleFiles.class);

  private ArticleFiles() {}

  /**
   * Every article file below {@code articlesDir}, sorted: {@code .md} files except READMEs, the
   * flows folder and hidden files and folders.
   *
   * <p>Symbolic links are followed, the folder itself included: Kubernetes mounts a ConfigMap as
   * {@code x.md -> ..data/x.md} with {@code ..data -> ..2026_12_01/}, and git-sync swaps a link to
   * the checkout. The hidden {@code ..data} and {@code ..2026_12_01} folders are skipped, so each
   * article is found once, by its visible name. A link back to a folder above is a loop: it is
   * logged and skipped.
   */
  public static List<Path> list(Path articlesDir) throws IOException {
    if (!Files.isDirectory(articlesDir)) {
      throw new IOException("articles folder not found: " + articlesDir.toAbsolutePath());
    }
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(
        articlesDir,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (dir.equals(articlesDir)) return FileVisitResult.CONTINUE;
            String name = dir.getFileName().toString();
            boolean flows = dir.getParent().equals(articlesDir) && name.equals("flows");
            return name.startsWith(".") || flows
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (isArticle(file)) files.add(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof FileSystemLoopException) {
              LOG.warn("Not following {}: it links back to a folder above it", file);
              return FileVisitResult.CONTINUE;
            }
            throw e;
          }
        });
    files.sort(Comparator.naturalOrder());
    return files;
  }

  /**
   * Markdown files that are articles: READMEs document the folder and hidden files are editors'.
   */
  public static boolean isArticle(Path file) {
    String name = file.getFileName().toString();
    return Files.isRegularFile(file)
        && name.toLowerCase(Locale.ROOT).endsWith(".md")
        && !name.equalsIgnoreCase("README.md")
        && !name.startsWith(".");
  }

  /**
   * Content hashes of the article files ({@link #list}), keyed by path relative to the folder with
   * forward slashes.
   */
  static Map<String, String> hashes(Path articlesDir) throws IOException {
    Map<String, String> hashes = new TreeMap<>();
    for (Path file : list(articlesDir)) {
      String rel = articlesDir.relativize(file).toString().replace('\\', '/');
      try {
        hashes.put(rel, sha256(Files.readAllBytes(file)));
      } catch (IOException e) {
        // An unreadable file is a changed file: parsing reports why.
        hashes.put(rel, "unreadable");
      }
    }
    return hashes;
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
