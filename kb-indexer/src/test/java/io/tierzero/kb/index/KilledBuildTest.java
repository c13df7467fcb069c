package io.tierzero.kb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierzero.kb.TestKb;
import io.tierzero.kb.parse.ArticleParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A process killed while it builds the index (a real child JVM, killed with SIGKILL at several
 * points of the build) leaves an index that is exactly one complete commit: the last good one, or
 * the new one if the build had finished. The next open serves it and completes the build.
 *
 * <p>Runs beside the module's other test classes (see kb-indexer's pom): most of its time is spent
 * waiting on the stand-in model's sleeps and the child JVM.
 */
@Execution(ExecutionMode.CONCURRENT)
class KilledBuildTest {
  static final String MODEL = "kill-test-model";
  private static final int ARTICLES = 150;

  /** Milliseconds between the child's first progress report and the kill. */
  private static final List<Integer> KILL_AFTER = List.of(0, 40, 150, 400, 900);

  @TempDir Path dir;

  @Test
  void a_build_killed_at_any_point_leaves_the_last_good_index_serving() throws Exception {
    var killedMidBuild = 0;
    for (int round = 0; round < KILL_AFTER.size(); round++) {
      var articles = dir.resolve("round" + round + "/articles");
      var index = dir.resolve("round" + round + "/index");
      writeKb(articles, "one", ARTICLES);
      try (var first =
          KbIndex.open(
              articles,
              index,
              new IndexBuildChild.SlowEmbedder(),
              new ArticleParser(),
              Progress.NONE)) {
        assertEquals(ARTICLES, first.articles().size());
      }
      var good = contents(index);
      assertTrue(good.contains("Topic 0 version one") && good.contains("passage version one"));
      // The next revision: every article changed and a few more.
      writeKb(articles, "two", ARTICLES + 20);

      buildInChildAndKill(articles, index, KILL_AFTER.get(round));

      assertTrue(clean(index), "round " + round + ": the index is not corrupt");
      var after = contents(index);
      // A restart serves that commit and finishes the build.
      try (var reopened =
          KbIndex.open(
              articles,
              index,
              new IndexBuildChild.SlowEmbedder(),
              new ArticleParser(),
              Progress.NONE)) {
        assertEquals(ARTICLES + 20, reopened.articles().size());
        assertTrue(reopened.articles().get("topic-0").title().endsWith("version two"));
      }
      var complete = contents(index);
      assertTrue(
          complete.contains("passage version two") && !complete.contains("passage version one"));
      // Killed before its commit, the build left the last good index; killed after it (the child
      // was quicker than the kill), the new one. Never a mixture.
      assertTrue(
          after.equals(good) || after.equals(complete),
          "round " + round + ": half-built index of " + after.size() + " entries");
      if (after.equals(good)) killedMidBuild++;
    }
    // At least one kill landed before the commit, or the test proved nothing.
    assertTrue(killedMidBuild > 0, "no build was killed before its commit");
  }

  /** Starts the child, waits for its first progress line, waits {@code delay} ms, kills it. */
  private static void buildInChildAndKill(Path articles, Path index, int delay) throws Exception {
    var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                IndexBuildChild.class.getName(),
                articles.toString(),
                index.toString())
            .redirectErrorStream(true)
            .start();
    try {
      var out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null && !line.startsWith("progress")) {
        // The JVM's own start-up lines, if any.
      }
      if (line == null)
        throw new AssertionError("the child ended without progress, exit " + child.waitFor());
      Thread.sleep(delay);
    } finally {
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child is gone");
    }
  }

  private static void writeKb(Path articles, String version, int count) throws IOException {
    for (int i = 0; i < count; i++) {
      TestKb.write(
          articles,
          "topic/topic-" + i + ".md",
          TestKb.article(
              "topic-" + i,
              "Topic " + i + " version " + version,
              "topic",
              ("## Steps\n\n1. Step one for topic "
                      + i
                      + " in version "
                      + version
                      + ".\n2. Another step.\n\n")
                  .repeat(3),
              "question " + i + " a",
              "question " + i + " b",
              "question " + i + " c"));
    }
  }

  /**
   * What the index's last commit holds, read with plain Lucene: each article's title (from its
   * stored JSON) and the versions its passages speak of.
   */
  private static Set<String> contents(Path index) throws IOException {
    var title = Pattern.compile("\"title\"\\s*:\\s*\"([^\"]+)\"");
    var version = Pattern.compile("version (one|two)");
    var contents = new TreeSet<String>();
    try (var directory = FSDirectory.open(index);
        var reader = DirectoryReader.open(directory)) {
      var stored = reader.storedFields();
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        var document = stored.document(doc);
        var json = document.get(Fields.JSON);
        if (json != null) {
          var m = title.matcher(json);
          if (m.find()) contents.add(m.group(1));
        }
        var text = document.get(Fields.TEXT);
        if (text != null) {
          var m = version.matcher(text);
          if (m.find()) contents.add("passage version " + m.group(1));
        }
      }
    }
    return contents;
  }

  private static boolean clean(Path index) throws IOException {
    try (var directory = FSDirectory.open(index);
        var check = new CheckIndex(directory)) {
      return check.checkIndex().clean;
    }
  }
}
