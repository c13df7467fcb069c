package io.tierzero.kb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierzero.kb.TestKb;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleFilesTest {
  @TempDir Path dir;

  @Test
  void lists_markdown_articles_sorted_but_not_readmes_flows_or_hidden_files() throws IOException {
    TestKb.write(dir, "vpn/connect.md", "x");
    TestKb.write(dir, "accounts/reset.MD", "x");
    TestKb.write(dir, "README.md", "x");
    TestKb.write(dir, "vpn/.draft.md", "x");
    TestKb.write(dir, ".git/notes.md", "x");
    TestKb.write(dir, "flows/reset.md", "x");
    TestKb.write(dir, "vpn/notes.txt", "x");

    List<Path> files = ArticleFiles.list(dir);

    assertEquals(List.of(dir.resolve("accounts/reset.MD"), dir.resolve("vpn/connect.md")), files);
    assertTrue(ArticleFiles.isArticle(dir.resolve("vpn/connect.md")));
    assertFalse(ArticleFiles.isArticle(dir.resolve("README.md")));
    assertFalse(ArticleFiles.isArticle(dir.resolve("vpn/missing.md")), "not a file");
  }

  @Test
  void a_missing_folder_is_an_error_naming_it() {
    var e = assertThrows(IOException.class, () -> ArticleFiles.list(dir.resolve("nowhere")));
    assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
  }

  @Test
  void hashes_are_keyed_by_relative_path_and_change_with_the_content() throws IOException {
    TestKb.write(dir, "vpn/connect.md", "one");
    TestKb.write(dir, "mail.md", "one");
    Map<String, String> before = ArticleFiles.hashes(dir);

    TestKb.write(dir, "vpn/connect.md", "two");
    Map<String, String> after = ArticleFiles.hashes(dir);

    assertEquals(List.of("mail.md", "vpn/connect.md"), List.copyOf(before.keySet()));
    assertEquals(before.get("mail.md"), before.get("vpn/connect.md"), "same content");
    assertNotEquals(before.get("vpn/connect.md"), after.get("vpn/connect.md"));
    assertEquals(before.get("mail.md"), after.get("mail.md"));
    assertEquals(ArticleFiles.sha256("one"), before.get("mail.md"));
  }
}
