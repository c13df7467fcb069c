package io.tierzero.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierzero.kb.embed.EmbeddingModelChoice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Articles folders mounted the way Kubernetes and git-sync mount them: through symbolic links. */
class LinkedArticlesTest {
  static final Set<String> SAMPLE_IDS =
      Set.of("reset-password", "connect-vpn", "printer-jam", "outlook-sync");

  @TempDir Path dir;

  private KnowledgeBase open(Path articles) throws IOException {
    return KnowledgeBase.open(
        KbConfig.of(articles, dir.resolve("index")).withModel(EmbeddingModelChoice.NONE));
  }

  private static Set<String> ids(KnowledgeBase kb) {
    return kb.articles().stream().map(a -> a.id()).collect(java.util.stream.Collectors.toSet());
  }

  /** The sample's articles flattened into one folder, as a ConfigMap holds them. */
  private List<String> flatSample(Path into) throws IOException {
    Path tree = TestKb.sample(dir.resolve("tree"));
    Files.createDirectories(into);
    try (Stream<Path> files = Files.walk(tree)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".md")).toList()) {
        Files.copy(f, into.resolve(f.getFileName()));
      }
    }
    try (Stream<Path> files = Files.list(into)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void a_config_map_mount_is_indexed_with_every_article_once() throws IOException {
    // mount/..2026_12_01/x.md, mount/..data -> ..2026_12_01, mount/x.md -> ..data/x.md, articles ->
    // mount
    Path mount = dir.resolve("mount");
    List<String> names = flatSample(mount.resolve("..2026_12_01"));
    Files.createSymbolicLink(mount.resolve("..data"), Path.of("..2026_12_01"));
    for (String name : names)
      Files.createSymbolicLink(mount.resolve(name), Path.of("..data", name));
    Path articles = Files.createSymbolicLink(dir.resolve("articles"), mount);

    try (KnowledgeBase kb = open(articles)) {
      assertEquals(SAMPLE_IDS, ids(kb));
      assertTrue(kb.lastBuild().problems().isEmpty(), kb.lastBuild().problems().toString());
      assertEquals("reset-password", kb.search("I forgot my password").hits().get(0).id());
    }
  }

  @Test
  void a_linked_folder_with_topic_folders_is_indexed() throws IOException {
    // git-sync: articles -> rev-abc123/, a checkout with its topic folders
    Path checkout = TestKb.sample(dir.resolve("rev-abc123"));
    Path articles = Files.createSymbolicLink(dir.resolve("articles"), checkout);

    try (KnowledgeBase kb = open(articles)) {
      assertEquals(SAMPLE_IDS, ids(kb));
    }
  }

  @Test
  void a_link_that_loops_is_skipped_and_the_rest_indexed() throws IOException {
    Path articles = TestKb.sample(dir.resolve("articles"));
    Files.createSymbolicLink(articles.resolve("vpn/again"), Path.of(".."));
    Files.createSymbolicLink(articles.resolve("dangling.md"), Path.of("nowhere.md"));

    try (KnowledgeBase kb = open(articles)) {
      assertEquals(SAMPLE_IDS, ids(kb));
    }
  }

  @Test
  void an_empty_folder_is_an_empty_knowledge_base() throws IOException {
    Path articles = Files.createDirectories(dir.resolve("articles"));

    try (KnowledgeBase kb = open(articles)) {
      assertTrue(kb.articles().isEmpty());
      assertTrue(kb.search("vpn").hits().isEmpty());
    }
  }
}
