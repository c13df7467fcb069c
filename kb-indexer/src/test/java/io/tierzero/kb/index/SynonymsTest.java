package io.tierzero.kb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SynonymsTest {
  @Test
  void reads_equivalence_groups_with_stemmed_equivalents() {
    Synonyms s =
        Synonyms.parse(Path.of("synonyms.txt"), "# comment\npwd, password\nmfa, 2fa, two factor\n");

    assertEquals(Set.of(), Set.copyOf(s.problems()));
    assertEquals(Set.of("pwd", "password"), s.of("password"));
    assertEquals(Set.of("mfa", "2fa"), s.of("mfa"));
  }

  @Test
  void reports_unknown_syntax_with_file_and_line() {
    Synonyms s =
        Synonyms.parse(Path.of("synonyms.txt"), "pwd, password\nlaptop => notebook\njustone\n");

    assertEquals(2, s.problems().size());
    assertEquals(2, s.problems().get(0).line());
    assertTrue(s.problems().get(0).message().contains("=>"));
    assertEquals(3, s.problems().get(1).line());
    assertEquals(Set.of("pwd", "password"), s.of("pwd"));
  }

  @Test
  void reports_a_term_with_a_stop_word_that_questions_would_drop() {
    Synonyms s = Synonyms.parse(Path.of("synonyms.txt"), "login, log in\n");

    assertEquals(1, s.problems().size());
    assertTrue(
        s.problems().get(0).message().contains("stop word 'in'"), s.problems().get(0).message());
  }
}
