package io.tierzero.kb.parse;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads article files: YAML front matter (located by Flexmark's front matter extension, read by
 * SnakeYAML so that nested values and errors with lines are handled properly) and the Markdown body
 * split into sections by heading. Thread-safe: the Flexmark parser and renderer are built once and
 * are immutable.
 */
public final class ArticleParser {
  /** Lowercase slug: what an id and an internal link target look like. */
  public static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  /** Agents' articles answer with 3+ ways users ask; fewer makes the article hard to find. */
  public static final int MIN_QUESTIONS = 3;

  private static final DataHolder OPTIONS =
      new MutableDataSet()
          .set(
              Parser.EXTENSIONS,
              List.of(YamlFrontMatterExtension.create(), TablesExtension.create()))
          // Articles are written by agents but shown to users: raw HTML is escaped, never passed
          // on.
          .set(HtmlRenderer.ESCAPE_HTML, true)
          .toImmutable();

  private final Parser parser = Parser.builder(OPTIONS).build();
  private final HtmlRenderer renderer = HtmlRenderer.builder(OPTIONS).build();

  /** Reads and parses one file; I/O and encoding failures become problems, never exceptions. */
  public ParseResult parse(Path file) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (CharacterCodingException e) {
      return failed(file, 0, "not valid UTF-8");
    } catch (IOException e) {
      return failed(file, 0, "cannot read: " + e.getMessage());
    }
    return parse(file, text);
  }

  /** Parses article text; {@code file} names it in problems. */
  public ParseResult parse(Path file, String text) {
    List<Problem> problems = new ArrayList<>();
    Document document = parser.parse(text);
    Node first = document.getFirstChild();
    if (!(first instanceof YamlFrontMatterBlock frontMatter)) {
      String message =
          text.startsWith("---")
              ? "front matter is not closed: add a line '---' after it"
              : "no front matter: the file must start with '---', the YAML fields, then '---'";
      return failed(file, 1, message);
    }
    Map<String, Object> fields = readYaml(file, frontMatter, problems);
    if (fields == null) return new ParseResult(Optional.empty(), problems, List.of());
    int fmLine = frontMatter.getStartLineNumber() + 1;
    String[] lines = text.split("\n", -1);

    String id = string(fields, "id", file, lines, fmLine, problems);
    String title = string(fields, "title", file, lines, fmLine, problems);
    if (id == null || id.isBlank()) {
      problems.add(new Problem(file, fmLine, "missing 'id' in front matter"));
    } else if (!ID.matcher(id).matches()) {
      problems.add(
          new Problem(
              file,
              keyLine(lines, "id", fmLine),
              "id '" + id + "' is not a lowercase slug (letters, digits, hyphens)"));
    }
    if (title == null || title.isBlank()) {
      problems.add(new Problem(file, fmLine, "missing 'title' in front matter"));
    }
    List<String> tags = list(fields, "tags", file, lines, fmLine, problems);
    List<String> questions = list(fields, "questions", file, lines, fmLine, problems);
    if (questions.size() < MIN_QUESTIONS) {
      int line = fields.containsKey("questions") ? keyLine(lines, "questions", fmLine) : fmLine;
      problems.add(
          new Problem(
              file,
              line,
              "needs at least "
                  + MIN_QUESTIONS
                  + " 'questions' (ways users ask for it), has "
                  + questions.size()));
    }

    int bodyStart = frontMatter.getEndOffset();
    String body = text.substring(Math.min(bodyStart, text.length())).strip();
    List<ParseResult.Link> links = new ArrayList<>();
    List<Section> sections = sections(document, links);
    if (body.isEmpty() || sections.stream().allMatch(s -> s.text().isBlank())) {
      problems.add(new Problem(file, frontMatter.getEndLineNumber() + 2, "empty body"));
    }

    // An article with problems that do not stop it from being shown is still returned: validate
    // reports them and fails, while a running bot keeps serving what it can.
    boolean usable = id != null && ID.matcher(id).matches() && title != null && !title.isBlank();
    Optional<Article> article =
        usable
            ? Optional.of(
                new Article(
                    id,
                    title.strip(),
                    orEmpty(string(fields, "summary", file, lines, fmLine, problems)),
                    tags,
                    orEmpty(string(fields, "category", file, lines, fmLine, problems)),
                    orEmpty(string(fields, "updated", file, lines, fmLine, problems)),
                    orEmpty(string(fields, "owner", file, lines, fmLine, problems)),
                    questions,
                    string(fields, "flow", file, lines, fmLine, problems),
                    body,
                    sections,
                    file))
            : Optional.empty();
    return new ParseResult(article, problems, links);
  }

  /**
   * Whether this file has the first claim on its id when two files share one: the file named after
   * the id. Between two files neither or both so named, the first path wins.
   */
  public static boolean namedAfter(Path file, String id) {
    return file.getFileName().toString().equals(id + ".md");
  }

  /** Renders an article body as HTML (raw HTML in the Markdown is escaped, not sanitised). */
  public String html(Article article) {
    return renderer.render(parser.parse(article.body()));
  }

  private static ParseResult failed(Path file, int line, String message) {
    return new ParseResult(Optional.empty(), List.of(new Problem(file, line, message)), List.of());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> readYaml(
      Path file, YamlFrontMatterBlock block, List<Problem> problems) {
    String yaml = block.getChars().toString().replaceFirst("\\A---[ \\t]*\\r?\\n", "");
    yaml = yaml.replaceFirst("(?m)^(---|\\.\\.\\.)[ \\t]*$[\\s\\S]*\\z", "");
    int firstYamlLine = block.getStartLineNumber() + 2;
    int lastYamlLine = Math.max(firstYamlLine, block.getEndLineNumber());
    try {
      Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
      if (loaded == null) return Map.of();
      if (loaded instanceof Map<?, ?> map) return (Map<String, Object>) map;
      problems.add(
          new Problem(file, firstYamlLine, "front matter must be YAML 'key: value' fields"));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      // An error found at the end of the YAML (an unclosed bracket) belongs to its last line, not
      // to the closing '---'.
      int line =
          mark == null ? firstYamlLine : Math.min(lastYamlLine, firstYamlLine + mark.getLine());
      problems.add(new Problem(file, line, "bad YAML in front matter: " + e.getProblem()));
    } catch (RuntimeException e) {
      problems.add(new Problem(file, firstYamlLine, "bad YAML in front matter: " + e.getMessage()));
    }
    return null;
  }

  private static String string(
      Map<String, Object> fields,
      String key,
      Path file,
      String[] lines,
      int fmLine,
      List<Problem> problems) {
    Object value = fields.get(key);
    if (value == null) return null;
    if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
      problems.add(
          new Problem(file, keyLine(lines, key, fmLine), "'" + key + "' must be a single value"));
      return null;
    }
    // YAML reads 2026-11-01 as a timestamp; agents mean the date as written.
    if (value instanceof Date date) {
      return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
    return String.valueOf(value);
  }

  private static List<String> list(
      Map<String, Object> fields,
      String key,
      Path file,
      String[] lines,
      int fmLine,
      List<Problem> problems) {
    Object value = fields.get(key);
    if (value == null) return List.of();
    if (value instanceof Collection<?> items) {
      List<String> out = new ArrayList<>();
      for (Object item : items) {
        if (item instanceof Collection<?> || item instanceof Map<?, ?>) {
          problems.add(
              new Problem(
                  file, keyLine(lines, key, fmLine), "'" + key + "' items must be plain text"));
        } else if (item != null && !String.valueOf(item).isBlank()) {
          out.add(String.valueOf(item).strip());
        }
      }
      return out;
    }
    if (value instanceof Map<?, ?>) {
      problems.add(new Problem(file, keyLine(lines, key, fmLine), "'" + key + "' must be a list"));
      return List.of();
    }
    return List.of(String.valueOf(value).strip());
  }

  /** The 1-based line of a top-level front matter key, for pointing at it in a problem. */
  public static int keyLine(String[] lines, String key, int fallback) {
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith(key + ":")) return i + 1;
      if (i > 0 && lines[i].startsWith("---")) break;
    }
    return fallback;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s.strip();
  }

  /** Splits the body into sections by heading and collects internal links on the way. */
  private static List<Section> sections(Document document, List<ParseResult.Link> links) {
    List<Section> sections = new ArrayList<>();
    String heading = "";
    int level = 0;
    int line = 1;
    StringBuilder text = new StringBuilder();
    for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof YamlFrontMatterBlock) continue;
      collectLinks(node, links);
      if (node instanceof Heading h) {
        if (!text.isEmpty() || !heading.isEmpty()) {
          sections.add(new Section(heading, level, text.toString().strip(), line));
        }
        heading = plain(h).strip();
        level = h.getLevel();
        line = h.getStartLineNumber() + 1;
        text.setLength(0);
      } else {
        appendBlockText(node, text);
      }
    }
    if (!text.isEmpty() || !heading.isEmpty()) {
      sections.add(new Section(heading, level, text.toString().strip(), line));
    }
    return sections;
  }

  /** Plain text of a block, one line per paragraph, list item or table row. */
  private static void appendBlockText(Node node, StringBuilder out) {
    if (node instanceof Paragraph
        || node instanceof FencedCodeBlock
        || node instanceof IndentedCodeBlock
        || node instanceof TableRow) {
      String line;
      if (node instanceof TableRow) {
        var cells = new ArrayList<String>();
        for (Node cell = node.getFirstChild(); cell != null; cell = cell.getNext()) {
          if (cell instanceof TableCell) cells.add(plain(cell).strip());
        }
        line = String.join(" | ", cells);
      } else if (node instanceof FencedCodeBlock code) {
        line = code.getContentChars().toString();
      } else {
        line = plain(node);
      }
      line = line.replaceAll("\\s+", " ").strip();
      if (!line.isEmpty()) out.append(line).append('\n');
      return;
    }
    if (node instanceof ListItem || node instanceof BlockQuote || node.hasChildren()) {
      for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
        appendBlockText(child, out);
      }
    }
  }

  /**
   * The text a reader sees. Flexmark's TextCollectingVisitor loses its place after a backslash
   * escape ({@code Settings \\> Account} came out as {@code Settings** > Account}), so the text is
   * collected here: unescaped text, code as written, a space for a line break.
   */
  private static String plain(Node node) {
    var out = new StringBuilder();
    collectText(node, out);
    return out.toString();
  }

  private static void collectText(Node node, StringBuilder out) {
    if (node instanceof Text || node instanceof TextBase) {
      if (node.hasChildren()) {
        for (Node c = node.getFirstChild(); c != null; c = c.getNext()) collectText(c, out);
      } else {
        out.append(node.getChars().unescape());
      }
    } else if (node instanceof Code code) {
      out.append(code.getText());
    } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
      out.append(' ');
    } else if (node instanceof LinkRef ref && !ref.isDefined()) {
      // "[email]" with no link definition is text, brackets and all, as the page shows it.
      out.append(ref.getChars().unescape());
    } else if (node instanceof HtmlInline) {
      // A tag is markup, not words (validate refuses raw HTML in articles anyway).
    } else if (node instanceof HtmlEntity entity) {
      out.append(entity.getChars().unescape());
    } else {
      for (Node c = node.getFirstChild(); c != null; c = c.getNext()) collectText(c, out);
    }
  }

  private static void collectLinks(Node node, List<ParseResult.Link> links) {
    if (node instanceof Link link) {
      String url = link.getUrl().toString();
      int hash = url.indexOf('#');
      String target = hash >= 0 ? url.substring(0, hash) : url;
      if (isInternal(target))
        links.add(new ParseResult.Link(target, link.getStartLineNumber() + 1));
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      collectLinks(child, links);
    }
  }

  /**
   * An internal link names an article id: no scheme, no path, no extension. Anything else (a URL, a
   * mailto:, a relative file) is left alone.
   */
  public static boolean isInternal(String target) {
    return !target.isEmpty() && ID.matcher(target).matches();
  }
}
