package io.tierzero.kb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierzero.kb.index.IndexedFiles.Entry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IndexedFilesTest {
  private static final IndexedFiles INDEXED =
      new IndexedFiles(
          Map.of(
              "a.md", new Entry("a", "h1"),
              "b.md", new Entry("b", "h2"),
              "gone.md", new Entry("gone", "h3")),
          Map.of());

  @Test
  void changed_files_are_new_or_of_another_hash_and_removed_ones_are_no_longer_there() {
    var changes = INDEXED.changesTo(Map.of("a.md", "h1", "b.md", "edited", "new.md", "h4"), false);

    assertEquals(Set.of("b.md", "new.md"), changes.changed());
    assertEquals(List.of("gone.md"), changes.removed());
  }

  @Test
  void a_full_build_counts_every_file_as_changed() {
    var changes = INDEXED.changesTo(Map.of("a.md", "h1", "b.md", "h2", "gone.md", "h3"), true);

    assertEquals(Set.of("a.md", "b.md", "gone.md"), changes.changed());
    assertTrue(changes.removed().isEmpty());
  }

  @Test
  void nothing_to_do_when_every_hash_is_the_same() {
    assertTrue(
        INDEXED.changesTo(Map.of("a.md", "h1", "b.md", "h2", "gone.md", "h3"), false).none());
  }

  @Test
  void the_ids_of_unchanged_files_stay_with_them() {
    Map<String, String> hashes = Map.of("a.md", "h1", "b.md", "edited");
    var changes = INDEXED.changesTo(hashes, false);

    assertEquals(Map.of("a", "a.md"), INDEXED.idsKept(changes, hashes));
    assertEquals(Set.of("a", "b"), INDEXED.idsOf(Set.of("a.md", "b.md", "new.md")));
  }
}
