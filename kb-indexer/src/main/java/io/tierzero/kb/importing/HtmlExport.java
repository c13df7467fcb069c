package io.tierzero.kb.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A folder of HTML pages (or one page), as wikis export them. A Confluence space export is read for
 * what it is: the content in {@code #main-content}, the title without the space's name, the parent
 * page from the breadcrumbs as section. Other pages: {@code <main>}, {@code <article>} or the body;
 * title from {@code <h1>} or {@code <title>}; keywords, section and dates from the usual meta tags.
 */
final class HtmlExport {
  private HtmlExport() {}

  static List<SourcePage> read(Path path) throws IOException {
    List<Path> files;
    if (Files.isDirectory(path)) {
      try (Stream<Path> walk = Files.walk(path)) {
        files =
            walk.filter(f -> f.getFileName().toString().matches("(?i).+\\.html?"))
                .sorted()
                .toList();
      }
    } else {
      files = List.of(path);
    }
    Path root = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
    List<SourcePage> pages = new ArrayList<>();
    for (Path file : files) {
      Document doc = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8), "");
      // Pretty printing adds whitespace inside inline elements, which the converter keeps.
      doc.outputSettings().prettyPrint(false);
      pages.add(page(root, file, doc));
    }
    return pages;
  }

  private static SourcePage page(Path root, Path file, Document doc) {
    Element content =
        first(doc, "#main-content", ".wiki-content", "main", "article", "[role=main]");
    if (content == null) content = doc.body();
    String title = text(doc.selectFirst("#title-text"));
    if (title.isBlank()) title = text(content.selectFirst("h1"));
    if (title.isBlank()) title = text(doc.selectFirst("h1"));
    if (title.isBlank()) title = doc.title();
    // Confluence titles pages "Space : Page".
    if (doc.selectFirst("#title-text") == null && title.contains(" : "))
      title = title.substring(title.indexOf(" : ") + 3);
    title = title.replaceFirst("^.+? : ", "").strip();
    // The page's own heading is the article title, not part of its body.
    Element ownHeading = content.selectFirst("h1");
    if (ownHeading != null && text(ownHeading).equals(title)) ownHeading.remove();

    String section = meta(doc, "article:section", "category", "section");
    var crumbs = doc.select("#breadcrumbs li");
    if (section.isBlank() && crumbs.size() >= 2) section = text(crumbs.get(crumbs.size() - 1));
    var labels = new ArrayList<String>();
    for (String k : meta(doc, "keywords", "labels").split(","))
      if (!k.isBlank()) labels.add(k.strip());
    doc.select(".labels a, .label, a[rel=tag]").forEach(e -> labels.add(text(e)));
    String updated =
        meta(
            doc,
            "article:modified_time",
            "dcterms.modified",
            "last-modified",
            "date",
            "dcterms.date");
    if (updated.isBlank()) {
      Element time = doc.selectFirst("time[datetime]");
      if (time != null) updated = time.attr("datetime");
    }
    if (updated.isBlank()) {
      // Confluence: "Created by Ann, last modified on Nov 03, 2026".
      var m =
          Pattern.compile("last (?:modified|updated) (?:by .+? )?on (.+?\\d{4})")
              .matcher(text(doc.selectFirst(".page-metadata")));
      if (m.find()) updated = m.group(1);
    }
    String relative =
        root.toAbsolutePath()
            .normalize()
            .relativize(file.toAbsolutePath().normalize())
            .toString()
            .replace('\\', '/');
    var keys = new LinkedHashSet<String>();
    keys.add(relative);
    keys.add(file.getFileName().toString());
    return new SourcePage(
        file.toString(),
        keys,
        title,
        section,
        List.copyOf(new LinkedHashSet<>(labels)),
        updated,
        meta(doc, "description"),
        content.html(),
        true,
        file.toAbsolutePath().getParent());
  }

  private static Element first(Document doc, String... selectors) {
    for (String s : selectors) {
      Element e = doc.selectFirst(s);
      if (e != null) return e;
    }
    return null;
  }

  private static String meta(Document doc, String... names) {
    for (String name : names) {
      Element e = doc.selectFirst("meta[name=" + name + "], meta[property=" + name + "]");
      if (e != null && !e.attr("content").isBlank()) return e.attr("content").strip();
    }
    return "";
  }

  private static String text(Element e) {
    return e == null ? "" : e.text().strip();
  }
}
