package io.tierzero.kb.validate;

import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import io.tierzero.kb.parse.Article;
import io.tierzero.kb.parse.ArticleParser;
import io.tierzero.kb.parse.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an article that parses must still get right before it is published: it sits in the folder of
 * its category, and that folder is a known category; its date is a real day, not in the future; its
 * body has no raw HTML (shown escaped, so it reads as tag soup) and no draft markers; its questions
 * fit on one front matter line each (the console writes them back as YAML).
 */
final class HouseRules {
  private static final Parser MARKDOWN =
      Parser.builder(
              new MutableDataSet()
                  .set(Parser.EXTENSIONS, List.of(YamlFrontMatterExtension.create())))
          .build();
  private static final Pattern UPDATED =
      Pattern.compile("^updated:\\s*['\"]?([^'\"#]*?)['\"]?\\s*(#.*)?$");
  private static final Pattern DRAFT_MARKER = Pattern.compile("\\b(TODO|FIXME|TBD)\\b");
  private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");

  private final Path articlesDir;
  private final Set<String> categories;
  private final LocalDate today;

  /**
   * @param categories the known category folders, or empty when the knowledge base declares none
   *     (then any folder is accepted)
   */
  HouseRules(Path articlesDir, Set<String> categories, LocalDate today) {
    this.articlesDir = articlesDir;
    this.categories = categories;
    this.today = today;
  }

  List<Problem> check(Article article) throws IOException {
    Path file = article.source();
    String[] lines = Files.readString(file).split("\n", -1);
    List<Problem> problems = new ArrayList<>();
    checkFolder(article, lines, problems);
    checkUpdated(file, lines, problems);
    checkQuestions(article, lines, problems);
    checkDraftMarkers(file, lines, problems);
    checkHtml(file, String.join("\n", lines), problems);
    return problems;
  }

  private void checkFolder(Article article, String[] lines, List<Problem> problems) {
    Path relative = articlesDir.relativize(article.source());
    if (relative.getNameCount() < 2) return;
    String folder = relative.getName(0).toString();
    int line = ArticleParser.keyLine(lines, "category", 1);
    if (!categories.isEmpty() && !categories.contains(folder)) {
      problems.add(
          new Problem(
              article.source(),
              0,
              "folder '"
                  + folder
                  + "' is not a known category ("
                  + String.join(", ", categories.stream().sorted().toList())
                  + "); add it to "
                  + Categories.FILE
                  + " first"));
    }
    if (!article.category().isEmpty() && !article.category().equals(folder)) {
      problems.add(
          new Problem(
              article.source(),
              line,
              "category '"
                  + article.category()
                  + "' differs from the folder '"
                  + folder
                  + "': move the file or change the category"));
    }
  }

  private void checkUpdated(Path file, String[] lines, List<Problem> problems) {
    int line = ArticleParser.keyLine(lines, "updated", 0);
    if (line == 0) return;
    Matcher m = UPDATED.matcher(lines[line - 1].strip());
    String value = m.matches() ? m.group(1).strip() : lines[line - 1];
    if (value.isEmpty()) return;
    // YAML turns 2026-02-30 into 2 March without a word: read the date as written, strictly.
    try {
      LocalDate date = LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
      if (date.isAfter(today.plusDays(1))) {
        problems.add(new Problem(file, line, "'updated' " + value + " is in the future"));
      }
    } catch (DateTimeParseException e) {
      problems.add(
          new Problem(file, line, "'updated' " + value + " is not a real date (write YYYY-MM-DD)"));
    }
  }

  private static void checkQuestions(Article article, String[] lines, List<Problem> problems) {
    int questionsLine = ArticleParser.keyLine(lines, "questions", 1);
    for (String question : article.questions()) {
      if (question.chars().anyMatch(c -> c == '\n' || c == '\r' || Character.isISOControl(c))) {
        problems.add(
            new Problem(
                article.source(),
                questionsLine,
                "a question spans several lines or holds control characters: write each on one"
                    + " line"));
      } else if (question.strip().equals("---")) {
        problems.add(
            new Problem(
                article.source(),
                questionsLine,
                "a question is '---', which ends the front matter"));
      }
    }
  }

  private static void checkDraftMarkers(Path file, String[] lines, List<Problem> problems) {
    boolean inCode = false;
    for (int i = 0; i < lines.length; i++) {
      if (FENCE.matcher(lines[i]).find()) inCode = !inCode;
      if (inCode) continue;
      Matcher m = DRAFT_MARKER.matcher(lines[i]);
      if (m.find()) {
        problems.add(new Problem(file, i + 1, "'" + m.group(1) + "' left from a draft"));
      }
    }
  }

  private static void checkHtml(Path file, String text, List<Problem> problems) {
    visit(MARKDOWN.parse(text), file, problems);
  }

  private static void visit(Node node, Path file, List<Problem> problems) {
    if (node instanceof HtmlBlock
        || node instanceof HtmlInline
        || node instanceof HtmlCommentBlock
        || node instanceof HtmlInlineComment) {
      int line = node.getStartLineNumber() + 1;
      // One report per line: an inline <b>...</b> is one mistake, not two.
      if (problems.stream()
          .anyMatch(
              p -> p.file().equals(file) && p.line() == line && p.message().startsWith("raw HTML")))
        return;
      String html = node.getChars().toString().strip();
      if (html.length() > 40) html = html.substring(0, 40) + "...";
      problems.add(
          new Problem(
              file,
              line,
              "raw HTML '" + html + "' is shown to users as text: write it in Markdown"));
      return;
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      visit(child, file, problems);
    }
  }
}
