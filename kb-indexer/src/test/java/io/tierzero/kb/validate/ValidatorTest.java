package io.tierzero.kb.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierzero.kb.KbConfig;
import io.tierzero.kb.TestKb;
import io.tierzero.kb.embed.EmbeddingModelChoice;
import io.tierzero.kb.parse.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Runs beside the module's other test classes (see kb-indexer's pom): the shipped knowledge base's
 * check builds its index from scratch, the longest test here, and every test only reads the shipped
 * articles or writes in its own temporary folder.
 */
@Execution(ExecutionMode.CONCURRENT)
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
    Path badYaml =
        TestKb.write(articles, "a/bad-yaml.md", "---\nid: bad-yaml\ntitle: [oops\n---\nBody\n");
    Path badLink =
        TestKb.write(
            articles,
            "a/bad-link.md",
            TestKb.article(
                "bad-link",
                "Bad link",
                "a",
                "See [nowhere](no-such-article).",
                "one",
                "two",
                "three"));
    Path dup =
        TestKb.write(
            articles,
            "a/dup.md",
            TestKb.article("connect-vpn", "Dup", "a", "Body.", "one", "two", "three"));
    TestKb.write(articles, "synonyms.txt", "pwd, password\nbad => rule\n");

    List<Problem> problems =
        new Validator()
            .validate(
                KbConfig.of(articles, dir.resolve("unused")).withModel(EmbeddingModelChoice.NONE));

    assertTrue(has(problems, badYaml, 3, "bad YAML"), problems.toString());
    assertTrue(
        has(problems, badLink, 13, "link to unknown article 'no-such-article'"),
        problems.toString());
    assertTrue(has(problems, dup, 2, "duplicate id 'connect-vpn'"), problems.toString());
    assertTrue(
        has(problems, articles.resolve("synonyms.txt"), 2, "one-way rule"), problems.toString());
  }

  @Test
  void reports_a_question_that_finds_another_article_first() throws IOException {
    Path articles = TestKb.sample(dir.resolve("articles"));
    Path file =
        TestKb.write(
            articles,
            "printers/vague.md",
            TestKb.article(
                "vague",
                "Printing tips",
                "printers",
                "Some tips about printing.",
                "printing tips",
                "tips for printers",
                "printer paper jam"));

    List<Problem> problems =
        new Validator()
            .validate(
                KbConfig.of(articles, dir.resolve("unused")).withModel(EmbeddingModelChoice.NONE));

    assertTrue(
        has(problems, file, 8, "question 'printer paper jam' finds 'printer-jam' first"),
        problems.toString());
  }

  @Test
  void reports_house_rule_breaks_with_file_and_line() throws IOException {
    Path articles = TestKb.sample(dir.resolve("articles"));
    TestKb.write(
        articles,
        "categories.yaml",
        "accounts: Accounts\nvpn: VPN\nprinters: Printing\nemail: Email\n");
    Path wrongFolder =
        TestKb.write(
            articles,
            "vpn/wifi-guest.md",
            TestKb.article(
                "wifi-guest",
                "Guest Wi-Fi",
                "network",
                "Join the guest network.",
                "guest wifi",
                "wifi for visitors",
                "visitor internet"));
    Path unknownFolder =
        TestKb.write(
            articles,
            "netwrk/cable.md",
            TestKb.article(
                "cable",
                "Plug in a network cable",
                "netwrk",
                "Use the blue socket.",
                "network cable",
                "wired internet",
                "ethernet port"));
    Path dated =
        TestKb.write(
            articles,
            "accounts/name-change.md",
            TestKb.article(
                    "name-change",
                    "Change your display name",
                    "accounts",
                    "Ask HR to update your record.",
                    "my name is wrong",
                    "change display name",
                    "married new surname")
                .replace("category: accounts\n", "category: accounts\nupdated: 2026-02-30\n"));
    Path future =
        TestKb.write(
            articles,
            "accounts/shared-account.md",
            TestKb.article(
                    "shared-account",
                    "Shared accounts",
                    "accounts",
                    "Each person has their own account.",
                    "can we share a login",
                    "shared account for the team",
                    "one login for everyone")
                .replace("category: accounts\n", "category: accounts\nupdated: 2031-01-01\n"));
    Path draft =
        TestKb.write(
            articles,
            "email/out-of-office.md",
            TestKb.article(
                "out-of-office",
                "Set an out-of-office reply",
                "email",
                "Open Automatic Replies.\n\nTODO: add a screenshot",
                "out of office",
                "auto reply on holiday",
                "automatic replies"));
    Path html =
        TestKb.write(
            articles,
            "printers/toner.md",
            TestKb.article(
                "toner",
                "Order toner",
                "printers",
                "Ask at the <b>front desk</b>.",
                "order toner",
                "printer out of ink",
                "new cartridge"));
    Path multiline =
        TestKb.write(
            articles,
            "email/mailbox-size.md",
            TestKb.article(
                "mailbox-size",
                "Mailbox size",
                "email",
                "Archive old mail.",
                "mailbox full",
                "inbox too big",
                "\"line one\\n---\\nline: two\""));

    List<Problem> problems =
        new Validator(Clock.fixed(Instant.parse("2026-12-02T00:00:00Z"), ZoneOffset.UTC))
            .validate(
                KbConfig.of(articles, dir.resolve("unused")).withModel(EmbeddingModelChoice.NONE));

    assertTrue(
        has(problems, wrongFolder, 4, "category 'network' differs from the folder 'vpn'"),
        problems.toString());
    assertTrue(
        has(problems, unknownFolder, 0, "folder 'netwrk' is not a known category"),
        problems.toString());
    assertTrue(
        has(problems, dated, 5, "'updated' 2026-02-30 is not a real date"), problems.toString());
    assertTrue(
        has(problems, future, 5, "'updated' 2031-01-01 is in the future"), problems.toString());
    assertTrue(has(problems, draft, 15, "'TODO' left from a draft"), problems.toString());
    assertTrue(has(problems, html, 13, "raw HTML '<b>'"), problems.toString());
    assertTrue(has(problems, multiline, 5, "a question spans several lines"), problems.toString());
    assertEquals(7, problems.size(), problems.toString());
  }

  @Test
  void the_categories_file_names_folders_with_titles() throws IOException {
    Path articles = TestKb.sample(dir.resolve("articles"));
    Path categories =
        TestKb.write(
            articles,
            "categories.yaml",
            "accounts: Accounts\n"
                + "vpn: VPN\n"
                + "printers: Printing\n"
                + "email: Email\n"
                + "Bad Name: Oops\n"
                + "network:\n");

    List<Problem> problems =
        new Validator()
            .validate(
                KbConfig.of(articles, dir.resolve("unused")).withModel(EmbeddingModelChoice.NONE));

    assertTrue(
        has(problems, categories, 5, "'Bad Name' is not a lowercase folder name"),
        problems.toString());
    assertTrue(has(problems, categories, 6, "'network' needs a title"), problems.toString());
  }

  private static boolean has(List<Problem> problems, Path file, int line, String text) {
    return problems.stream()
        .anyMatch(p -> p.file().equals(file) && p.line() == line && p.message().contains(text));
  }
}
