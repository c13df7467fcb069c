package io.tierzero.kb.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierzero.kb.TestKb;
import io.tierzero.kb.index.ArticleFiles;
import io.tierzero.kb.parse.Article;
import io.tierzero.kb.parse.ArticleParser;
import io.tierzero.kb.parse.ParseResult;
import io.tierzero.kb.parse.Section;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages exported from other tools become articles that parse, with links and images kept. */
class ImporterTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
  private final ArticleParser parser = new ArticleParser();

  @TempDir Path dir;

  private Importer.Options options(Path articles) {
    return new Importer.Options(articles, "software", "service-desk", TODAY);
  }

  @Test
  void a_confluence_space_export_becomes_articles_with_links_images_and_dates() throws IOException {
    Path export = dir.resolve("IT-space");
    TestKb.write(
        export,
        "Clear-a-paper-jam_65537.html",
        """
        <html><head><title>IT Help : Clear a paper jam</title></head><body>
        <div id="breadcrumbs"><ol><li><a href="index.html">IT Help</a></li><li><a href="Printers_1.html">Printers</a></li></ol></div>
        <h1 id="title-heading"><span id="title-text">IT Help : Clear a paper jam</span></h1>
        <div class="page-metadata">Created by Ann Lee, last modified by Bo Chen on Nov 03, 2026</div>
        <div id="main-content" class="wiki-content">
          <p>When the printer says <strong>Paper jam</strong>, clear it yourself.</p>
          <h2 id="steps">Steps</h2>
          <ol><li>Open the front door.</li><li>Pull the paper out gently.</li></ol>
          <p><img src="attachments/65537/jam.png" alt="Where the paper sticks"></p>
          <p>Still stuck? See <a href="Printer-offline_65540.html#restart">printer offline</a> or <a href="Toner_999.html">toner</a>.</p>
          <script>track()</script>
        </div></body></html>
        """);
    TestKb.write(export, "attachments/65537/jam.png", "PNG");
    TestKb.write(
        export,
        "Printer-offline_65540.html",
        """
        <html><head><title>IT Help : Printer shows offline</title></head><body>
        <div id="breadcrumbs"><ol><li><a href="index.html">IT Help</a></li><li><a href="Printers_1.html">Printers</a></li></ol></div>
        <div id="main-content"><h2 id="restart">Restart it</h2><p>Turn it off and on.</p></div></body></html>
        """);
    Path articles = dir.resolve("articles");
    TestKb.write(articles, "categories.yaml", "printers: Printing\nsoftware: Software\n");

    ImportReport report = new Importer().run(Importer.read("html", export), options(articles));

    Path jam = articles.resolve("printers/clear-a-paper-jam.md");
    String text = Files.readString(jam);
    Article article = parsedWithOnlyQuestionsMissing(jam);
    assertEquals("Clear a paper jam", article.title());
    assertEquals("printers", article.category());
    assertEquals("2026-11-03", article.updated());
    assertEquals("When the printer says Paper jam, clear it yourself.", article.summary());
    assertEquals(List.of("Steps"), headings(article));
    assertTrue(text.contains("1. Open the front door.\n2. Pull the paper out gently."), text);
    assertTrue(text.contains("[printer offline](printer-shows-offline#restart)"), text);
    assertTrue(text.contains("[toner](Toner_999.html)"), text);
    assertTrue(
        text.contains("![Where the paper sticks](../images/clear-a-paper-jam/jam.png)"), text);
    assertTrue(Files.exists(articles.resolve("images/clear-a-paper-jam/jam.png")));
    assertFalse(text.contains("track()"), text);
    assertTrue(Files.exists(articles.resolve("printers/printer-shows-offline.md")));

    String notes = report.markdown();
    assertTrue(notes.contains("link to 'Toner_999.html' is not an imported page"), notes);
    assertTrue(notes.contains("dropped 1 <script> element"), notes);
    assertTrue(notes.contains("needs 4-6 'questions'"), notes);
  }

  @Test
  void a_zendesk_guide_export_maps_sections_labels_dates_and_article_links() throws IOException {
    Path json =
        TestKb.write(
            dir,
            "zendesk.json",
            """
            {"articles": [
              {"id": 360001, "html_url": "https://acme.zendesk.com/hc/en-us/articles/360001-Set-up-VPN",
               "title": "Set up the VPN", "section_id": 77, "label_names": ["vpn", "remote work"],
               "updated_at": "2026-10-20T08:15:00Z", "draft": false,
               "body": "<p>Install the client first.</p><ul><li>Open Company Portal</li></ul><p>Then <a href=\\"https://acme.zendesk.com/hc/en-us/articles/360002\\">sign in</a>.</p>"},
              {"id": 360002, "html_url": "https://acme.zendesk.com/hc/en-us/articles/360002-Sign-in",
               "title": "Sign in to the VPN", "section_id": 77, "label_names": [], "updated_at": "2026-10-21T08:15:00Z",
               "body": "<p>Use your work account.</p>"},
              {"id": 360003, "title": "Half written", "draft": true, "body": "<p>draft</p>"}
            ],
            "sections": [{"id": 77, "name": "VPN"}]}
            """);
    Path articles = dir.resolve("articles");

    ImportReport report = new Importer().run(Importer.read("zendesk", json), options(articles));

    assertEquals(2, report.entries().size());
    Article vpn = parsedWithOnlyQuestionsMissing(articles.resolve("vpn/set-up-the-vpn.md"));
    assertEquals(List.of("vpn", "remote work", "set"), vpn.tags());
    assertEquals("2026-10-20", vpn.updated());
    assertTrue(vpn.body().contains("[sign in](sign-in-to-the-vpn)"), vpn.body());
    assertTrue(vpn.body().contains("- Open Company Portal"), vpn.body());
  }

  @Test
  void markdown_with_other_front_matter_keeps_its_metadata_and_links() throws IOException {
    Path export = dir.resolve("docs");
    TestKb.write(
        export,
        "mfa/new-phone.md",
        """
        ---
        title: Moving the authenticator to a new phone
        date: 2026-09-01
        categories: [MFA]
        tags: [authenticator, phone]
        description: Keep your sign-in working when you change phones.
        weight: 10
        ---
        # Moving the authenticator to a new phone

        Before you wipe the old phone, read [backup codes](../mfa/backup-codes.md).
        """);
    TestKb.write(
        export, "mfa/backup-codes.md", "# Backup codes\n\nPrint them and keep them safe.\n");
    Path articles = dir.resolve("articles");

    new Importer().run(Importer.read("markdown", export), options(articles));

    Article phone = parsedWithOnlyQuestionsMissing(articles.resolve("mfa/new-phone.md"));
    assertEquals("Keep your sign-in working when you change phones.", phone.summary());
    assertEquals("2026-09-01", phone.updated());
    assertEquals(List.of("authenticator", "phone", "moving"), phone.tags());
    assertTrue(phone.body().contains("[backup codes](backup-codes)"), phone.body());
    Article codes = parsedWithOnlyQuestionsMissing(articles.resolve("mfa/backup-codes.md"));
    assertEquals("Backup codes", codes.title());
  }

  @Test
  void our_own_articles_rendered_to_html_come_back_with_titles_headings_steps_and_links()
      throws IOException {
    Path export = dir.resolve("html");
    Map<String, Article> originals = new HashMap<>();
    for (Path file : ArticleFiles.list(Path.of("..", "articles"))) {
      Article a = parser.parse(file).article().orElseThrow();
      originals.put(a.title(), a);
      // A static site of the knowledge base: a page per article, links between pages.
      String body =
          parser.html(a).replaceAll("href=\"([a-z0-9-]+)(#[^\"]*)?\"", "href=\"$1.html$2\"");
      TestKb.write(
          export,
          a.id() + ".html",
          "<html><head><title>"
              + a.title()
              + "</title><meta name=\"category\" content=\""
              + a.category()
              + "\">"
              + "<meta name=\"keywords\" content=\""
              + String.join(",", a.tags())
              + "\">"
              + "<meta property=\"article:modified_time\" content=\""
              + a.updated()
              + "\"></head>"
              + "<body><main>"
              + body
              + "</main></body></html>");
    }
    Path articles = dir.resolve("articles");

    new Importer().run(Importer.read("html", export), options(articles));

    List<Path> imported = ArticleFiles.list(articles);
    assertEquals(originals.size(), imported.size());
    List<String> differences = new ArrayList<>();
    for (Path file : imported) {
      Article back = parsedWithOnlyQuestionsMissing(file);
      Article original = originals.get(back.title());
      if (original == null) {
        differences.add("unknown title " + back.title());
        continue;
      }
      if (!back.id().equals(original.id())) differences.add(original.id() + ": id " + back.id());
      if (!back.category().equals(original.category()))
        differences.add(original.id() + ": category " + back.category());
      if (!headings(back).equals(headings(original)))
        differences.add(original.id() + ": headings " + headings(back));
      if (!steps(back).equals(steps(original)))
        differences.add(original.id() + ": text " + steps(back) + " vs " + steps(original));
      if (!links(file).equals(links(original.source())))
        differences.add(original.id() + ": links " + links(file));
    }
    assertEquals(List.of(), differences);
  }

  private Article parsedWithOnlyQuestionsMissing(Path file) {
    ParseResult result = parser.parse(file);
    assertEquals(1, result.problems().size(), result.problems().toString());
    assertTrue(
        result.problems().get(0).message().contains("needs at least 3 'questions'"),
        result.problems().toString());
    return result.article().orElseThrow();
  }

  private static List<String> headings(Article a) {
    return a.sections().stream().map(Section::heading).filter(h -> !h.equals(a.title())).toList();
  }

  private static List<String> steps(Article a) {
    return a.sections().stream().map(s -> s.text().replaceAll("\\s+", " ").strip()).toList();
  }

  private List<String> links(Path file) {
    return parser.parse(file).links().stream().map(ParseResult.Link::target).toList();
  }
}
