package io.tierzero.kb.importing;

import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import io.tierzero.kb.index.ArticleFiles;
import io.tierzero.kb.parse.ArticleParser;
import io.tierzero.kb.parse.Problem;
import io.tierzero.kb.validate.Categories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns other tools' pages into articles of this knowledge base: HTML to Markdown (Flexmark's
 * converter), metadata to our front matter, links between imported pages to article ids, local
 * images copied beside the articles. Imported articles get no {@code questions}: only people who
 * know how users ask can write them, and {@code validate} names every article still without.
 */
public final class Importer {
  /** Where imported images go, under the articles folder (category folders hold articles only). */
  public static final String IMAGES = "images";

  private static final Set<String> DROPPED =
      Set.of("script", "style", "iframe", "object", "embed", "form", "noscript");
  private static final Pattern MD_LINK =
      Pattern.compile("(!?)\\[([^\\]]*)]\\(([^)\\s]+)((?:\\s+\"[^\"]*\")?)\\)");
  private static final Pattern ZENDESK_ARTICLE = Pattern.compile("/articles/(\\d+)");
  private static final Set<String> STOP =
      Set.of(
          "a", "an", "the", "to", "of", "and", "or", "in", "on", "for", "with", "how", "your",
          "you", "my", "is", "do", "can", "what", "why");
  private static final Parser MARKDOWN = Parser.builder().build();
  private static final Pattern CODE = Pattern.compile("```[\\s\\S]*?```|`[^`\n]*`");
  private static final Pattern DOUBLED_BACKSLASH =
      Pattern.compile("(?<!\\\\)\\\\\\\\(?=[\\p{Alnum}\\s])");
  private static final Pattern SPACE_BEFORE_PUNCTUATION =
      Pattern.compile("(\\S(?:\\*\\*|`)) ([,.;:!?)])");

  private final FlexmarkHtmlConverter converter =
      FlexmarkHtmlConverter.builder(
              new MutableDataSet()
                  .set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false)
                  .set(FlexmarkHtmlConverter.UNORDERED_LIST_DELIMITER, '-')
                  .set(FlexmarkHtmlConverter.OUTPUT_ATTRIBUTES_ID, false)
                  .set(FlexmarkHtmlConverter.SKIP_ATTRIBUTES, true)
                  .set(FlexmarkHtmlConverter.TYPOGRAPHIC_QUOTES, false)
                  .set(FlexmarkHtmlConverter.TYPOGRAPHIC_SMARTS, false))
          .build();

  /**
   * @param articlesDir the knowledge base to write into
   * @param category the folder for pages whose section is unknown or not a known category
   * @param owner the team named as owner of every imported article
   * @param today the date for pages without one
   */
  public record Options(Path articlesDir, String category, String owner, LocalDate today) {}

  /** Reads {@code source} in {@code format} ({@code html}, {@code zendesk} or {@code markdown}). */
  public static List<SourcePage> read(String format, Path source) throws IOException {
    return switch (format) {
      case "html" -> HtmlExport.read(source);
      case "zendesk" -> ZendeskExport.read(source);
      case "markdown" -> MarkdownExport.read(source);
      default ->
          throw new IllegalArgumentException(
              "unknown format '" + format + "': use html, zendesk or markdown");
    };
  }

  public ImportReport run(List<SourcePage> pages, Options options) throws IOException {
    Path dir = options.articlesDir();
    Files.createDirectories(dir);
    var report = new ImportReport();
    List<Problem> categoryProblems = new ArrayList<>();
    Set<String> categories = Categories.load(dir, categoryProblems);
    categoryProblems.forEach(p -> report.note(p.file().toString(), p.message()));

    Set<String> taken = new HashSet<>();
    for (Path f : ArticleFiles.list(dir))
      taken.add(f.getFileName().toString().replaceFirst("\\.md$", ""));
    Map<SourcePage, String> ids = new HashMap<>();
    Map<String, String> byKey = new HashMap<>();
    for (SourcePage page : pages) {
      // A file already named like an article id keeps its name: links elsewhere use it.
      String stem =
          page.source()
              .replaceFirst("#.*$", "")
              .replaceFirst("^.*[/\\\\]", "")
              .replaceFirst("\\.[^.]*$", "");
      String base =
          page.html() && page.source().contains("#") || !ArticleParser.ID.matcher(stem).matches()
              ? slug(page.title().isBlank() ? fileStem(page.source()) : page.title())
              : stem;
      String id = base;
      for (int n = 2; !taken.add(id); n++) id = base + "-" + n;
      ids.put(page, id);
      for (String key : page.keys()) byKey.put(key, id);
    }

    for (SourcePage page : pages) {
      String id = ids.get(page);
      var notes = new ArrayList<String>();
      String title = page.title().isBlank() ? sentence(fileStem(page.source())) : page.title();
      if (page.title().isBlank()) notes.add("no title: named after the file, '" + title + "'");
      String category = category(page, categories, options.category(), notes);
      String markdown =
          page.html()
              ? markdown(page, id, byKey, dir, notes)
              : rewriteMarkdown(page, id, byKey, dir, notes);
      rawHtmlLeft(markdown, notes);
      String updated = date(page.updated()).map(LocalDate::toString).orElse(null);
      if (updated == null) {
        notes.add(
            page.updated().isBlank()
                ? "no date: 'updated' set to today"
                : "date '" + page.updated() + "' not understood: 'updated' set to today");
        updated = options.today().toString();
      }
      String summary = page.summary().isBlank() ? firstSentence(markdown) : page.summary();
      if (summary.isBlank()) {
        notes.add("no summary: write one");
        summary = title;
      }
      if (markdown.isBlank()) notes.add("empty body");
      Path file = dir.resolve(category).resolve(id + ".md");
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          frontMatter(
                  id,
                  title,
                  summary,
                  tags(page.labels(), title),
                  category,
                  updated,
                  options.owner(),
                  page.source())
              + "\n# "
              + title
              + "\n\n"
              + markdown.strip()
              + "\n");
      notes.add("needs 4-6 'questions' in the words users type");
      report.imported(page.source(), dir.relativize(file).toString().replace('\\', '/'), notes);
    }
    return report;
  }

  private static String category(
      SourcePage page, Set<String> known, String fallback, List<String> notes) {
    String wanted = slug(page.section());
    if (page.section().isBlank()) {
      notes.add("no section: filed under '" + fallback + "'");
      return fallback;
    }
    if (!known.isEmpty() && !known.contains(wanted)) {
      notes.add(
          "section '"
              + page.section()
              + "' is not a category of this knowledge base: filed under '"
              + fallback
              + "'");
      return fallback;
    }
    return wanted;
  }

  private String markdown(
      SourcePage page, String id, Map<String, String> byKey, Path dir, List<String> notes)
      throws IOException {
    Document doc = Jsoup.parseBodyFragment(page.body());
    doc.outputSettings().prettyPrint(false);
    for (String tag : DROPPED) {
      var found = doc.select(tag);
      if (!found.isEmpty()) {
        notes.add(
            "dropped " + found.size() + " <" + tag + "> element" + (found.size() == 1 ? "" : "s"));
        found.remove();
      }
    }
    for (Element a : doc.select("a[href]")) {
      String href = a.attr("href");
      Optional<String> target = target(href, byKey);
      if (target.isPresent()) a.attr("href", target.get() + anchor(href));
      else if (isLocal(href) && !href.startsWith("#"))
        notes.add("link to '" + href + "' is not an imported page: kept as it was");
    }
    for (Element img : doc.select("img[src]")) {
      img.attr("src", image(img.attr("src"), page, id, dir, notes));
    }
    String markdown = converter.convert(doc.body().html()).strip();
    // The converter puts a space between closing emphasis or code and the punctuation after it.
    markdown = SPACE_BEFORE_PUNCTUATION.matcher(markdown).replaceAll("$1$2");
    // It also doubles every backslash; a lone one before a letter or digit is literal already, as
    // in a
    // domain before a user name (two in a row, as in a share path, must stay escaped).
    return outsideCode(markdown, text -> DOUBLED_BACKSLASH.matcher(text).replaceAll("\\\\"));
  }

  /**
   * Applies {@code edit} to the text between code spans and blocks, where escapes mean something.
   */
  private static String outsideCode(String markdown, UnaryOperator<String> edit) {
    Matcher code = CODE.matcher(markdown);
    var out = new StringBuilder();
    int last = 0;
    while (code.find()) {
      out.append(edit.apply(markdown.substring(last, code.start()))).append(code.group());
      last = code.end();
    }
    return out.append(edit.apply(markdown.substring(last))).toString();
  }

  private String rewriteMarkdown(
      SourcePage page, String id, Map<String, String> byKey, Path dir, List<String> notes)
      throws IOException {
    Matcher m = MD_LINK.matcher(page.body());
    var out = new StringBuilder();
    while (m.find()) {
      String href = m.group(3);
      String replacement;
      if (!m.group(1).isEmpty()) {
        replacement =
            "![" + m.group(2) + "](" + image(href, page, id, dir, notes) + m.group(4) + ")";
      } else {
        Optional<String> target = target(href, byKey);
        if (target.isEmpty() && isLocal(href) && !href.startsWith("#"))
          notes.add("link to '" + href + "' is not an imported page: kept as it was");
        replacement =
            "["
                + m.group(2)
                + "]("
                + target.map(t -> t + anchor(href)).orElse(href)
                + m.group(4)
                + ")";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString().strip();
  }

  /**
   * The imported article a link points at: by its exact key, its file name, or its Zendesk number.
   */
  private static Optional<String> target(String href, Map<String, String> byKey) {
    String plain = href.replaceFirst("[?#].*$", "");
    if (plain.isEmpty()) return Optional.empty();
    for (String key :
        List.of(href, plain, plain.replaceFirst("^.*/", ""), plain.replaceFirst("^\\./", ""))) {
      if (byKey.containsKey(key)) return Optional.of(byKey.get(key));
    }
    Matcher z = ZENDESK_ARTICLE.matcher(plain);
    if (z.find() && byKey.containsKey(z.group(1))) return Optional.of(byKey.get(z.group(1)));
    return Optional.empty();
  }

  private static String anchor(String href) {
    int hash = href.indexOf('#');
    return hash < 0 ? "" : href.substring(hash);
  }

  private static boolean isLocal(String href) {
    return !href.matches("(?i)^[a-z][a-z0-9+.-]*:.*") && !href.startsWith("//");
  }

  /** Copies a local image next to the knowledge base; returns the src the article uses. */
  private static String image(String src, SourcePage page, String id, Path dir, List<String> notes)
      throws IOException {
    if (src.startsWith("data:")) {
      notes.add("an inline (data:) image was left out: attach it as a file");
      return "";
    }
    if (!isLocal(src)) return src;
    if (page.base() == null) {
      notes.add("image '" + src + "' has no file in this export: kept as it was");
      return src;
    }
    Path file = page.base().resolve(src.replaceFirst("[?#].*$", "")).normalize();
    if (!Files.isRegularFile(file)) {
      notes.add("image '" + src + "' not found in the export: kept as it was");
      return src;
    }
    Path target = dir.resolve(IMAGES).resolve(id).resolve(file.getFileName().toString());
    Files.createDirectories(target.getParent());
    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
    return "../" + IMAGES + "/" + id + "/" + file.getFileName();
  }

  private static void rawHtmlLeft(String markdown, List<String> notes) {
    var lines = new LinkedHashSet<Integer>();
    collectHtml(MARKDOWN.parse(markdown), lines);
    if (!lines.isEmpty())
      notes.add(
          "raw HTML left in the body (line "
              + String.join(", ", lines.stream().map(String::valueOf).toList())
              + " of the body): rewrite it in Markdown");
  }

  private static void collectHtml(Node node, Set<Integer> lines) {
    if (node instanceof HtmlBlock || node instanceof HtmlInline)
      lines.add(node.getStartLineNumber() + 1);
    for (Node c = node.getFirstChild(); c != null; c = c.getNext()) collectHtml(c, lines);
  }

  private static final List<DateTimeFormatter> DATES =
      List.of(
          DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));

  /**
   * The day of an exported date: ISO date or timestamp, RFC 1123, or "Nov 3, 2026" and the like.
   */
  static Optional<LocalDate> date(String raw) {
    String s = raw == null ? "" : raw.strip();
    if (s.isEmpty()) return Optional.empty();
    try {
      return Optional.of(
          OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
    } catch (DateTimeParseException ignored) {
      // another form
    }
    try {
      return Optional.of(Instant.parse(s).atZone(ZoneOffset.UTC).toLocalDate());
    } catch (DateTimeParseException ignored) {
      // another form
    }
    if (s.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
      try {
        return Optional.of(LocalDate.parse(s.substring(0, 10)));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(
          OffsetDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate());
    } catch (DateTimeParseException ignored) {
      // another form
    }
    for (DateTimeFormatter f : DATES) {
      try {
        return Optional.of(LocalDate.parse(s, f));
      } catch (DateTimeParseException ignored) {
        // the next form
      }
    }
    return Optional.empty();
  }

  static String slug(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    s =
        s.toLowerCase(Locale.ROOT)
            .replace("'", "")
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-+|-+$)", "");
    if (s.length() > 60) s = s.substring(0, 60).replaceAll("-[^-]*$", "");
    return s.isEmpty() ? "imported-article" : s;
  }

  private static String fileStem(String source) {
    String name =
        source
            .replaceFirst("#.*$", "")
            .replaceFirst("^.*[/\\\\]", "")
            .replaceFirst("\\.[^.]*$", "");
    // Confluence names files Title_123456.html.
    return name.replaceFirst("_\\d+$", "").replace('_', ' ').replace('-', ' ');
  }

  private static String sentence(String text) {
    String t = text.strip();
    return t.isEmpty()
        ? "Imported article"
        : t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1);
  }

  private static String firstSentence(String markdown) {
    for (String line : markdown.split("\n")) {
      String t = line.strip();
      if (t.isEmpty()
          || t.startsWith("#")
          || t.startsWith("!")
          || t.startsWith("|")
          || t.startsWith(">")) continue;
      t =
          t.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1")
              .replaceAll("[*_`]", "")
              .replaceFirst("^([-*+]|\\d+[.)])\\s+", "");
      int end = t.indexOf(". ");
      if (end > 0) t = t.substring(0, end + 1);
      return t.length() > 200 ? t.substring(0, 197) + "..." : t;
    }
    return "";
  }

  private static List<String> tags(List<String> labels, String title) {
    var tags = new LinkedHashSet<String>();
    for (String l : labels) {
      String t =
          l.toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("[^\\p{L}\\p{N} -]", "").strip();
      if (!t.isEmpty()) tags.add(t);
    }
    for (String w : title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (tags.size() >= 3) break;
      if (w.length() > 2 && !STOP.contains(w)) tags.add(w);
    }
    return tags.stream().limit(7).toList();
  }

  private static String frontMatter(
      String id,
      String title,
      String summary,
      List<String> tags,
      String category,
      String updated,
      String owner,
      String source) {
    return "---\n"
        + "id: "
        + id
        + "\n"
        + "title: "
        + quote(title)
        + "\n"
        + "summary: "
        + quote(summary)
        + "\n"
        + "tags: ["
        + String.join(", ", tags.stream().map(Importer::quote).toList())
        + "]\n"
        + "category: "
        + category
        + "\n"
        + "updated: "
        + updated
        + "\n"
        + "owner: "
        + owner
        + "\n"
        + "# Imported from "
        + source.replaceAll("[\\r\\n]", " ")
        + ": write 4-6 ways users ask for this article.\n"
        + "questions: []\n"
        + "---\n";
  }

  /** A YAML double-quoted scalar on one line. */
  private static String quote(String s) {
    String one = s.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]+", " ").strip();
    return "\"" + one.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
