package io.tierzero.kb.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierzero.kb.KbConfig;
import io.tierzero.kb.TestKb;
import io.tierzero.kb.embed.EmbeddingModelChoice;
import io.tierzero.kb.parse.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidatorTest {
  @TempDir Path dir;

  @Test
  void the_knowledge_base_in_this_repository_is_valid() throws IOException {
    // KB as code: every article parses, links resolve, and its own questions find it first with
    // the ranking users get.
    Path articles = Path.of("..", "articles");

    List<Problem> problems = new Validator().validate(KbConfig.of(articles, dir.resolve("unused")));

    assertEquals(List.of(), problems);
  }

  @Test
  void reports_every_problem_with_file_and_line() throws IOException {
    Path articles = TestKb.sample(dir.resolve("articles"));
    Path badYaml = TestKb.write(articles, "a/bad-yaml.md", "---\nid: bad-yaml\ntitle: [oops\n---\nBody\n");
    Path badLink = TestKb.write(articles, "a/bad-link.md",
        TestKb.article("bad-link", "Bad link", "a", "See [nowhere](no-such-article).", "one", "two", "three"));
    Path dup = TestKb.write(articles, "a/dup.md", TestKb.article("connect-vpn", "Dup", "a", "Body.", "one", "two", "three"));
    TestKb.write(articles, "synonyms.txt", "pwd, password\nbad => rule\n");

    List<Problem> problems =
        new Validator().validate(KbConfig.of(articles, dir.resolve("unused")).withModel(EmbeddingModelChoice.NONE));

    assertTrue(has(problems, badYaml, 3, "bad YAML"), problems.toString());
    assertTrue(has(problems, badLink, 13, "link to unknown article 'no-such-article'"), problems.toString());
    assertTrue(has(problems, dup, 2, "duplicate id 'connect-vpn'"), problems.toString());
    assertTrue(has(problems, articles.resolve("synonyms.txt"), 2, "one-way rule"), problems.toString());
  }

  @Test
  void reports_a_question_that_finds_another_article_first() throws IOException {
    Path articles = TestKb.sample(dir.resolve("articles"));
    Path file = TestKb.write(articles, "a/vague.md",
        TestKb.article("vague", "Printing tips", "printers", "Some tips about printing.", "printing tips", "tips for printers", "printer paper jam"));

    List<Problem> problems =
        new Validator().validate(KbConfig.of(articles, dir.resolve("unused")).withModel(EmbeddingModelChoice.NONE));

    assertTrue(has(problems, file, 8, "question 'printer paper jam' finds 'printer-jam' first"), problems.toString());
  }

  private static boolean has(List<Problem> problems, Path file, int line, String text) {
    return problems.stream().anyMatch(p -> p.file().equals(file) && p.line() == line && p.message().contains(text));
  }
}
