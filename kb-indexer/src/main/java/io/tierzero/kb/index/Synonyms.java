package io.tierzero.kb.index;

import io.tierzero.kb.parse.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The knowledge base's synonym file ({@code synonyms.txt}, Solr format): each line a group of
 * equivalent terms, {@code pwd, password}. Only equivalence groups are accepted: one-way rules
 * ({@code a => b}) silently change what agents' own words match, so they are reported instead.
 *
 * @param map the Lucene synonym map for query expansion
 * @param equivalents stemmed single-word term to every stemmed single-word term of its groups
 *     (itself included), for telling whether a document covers a question's word
 */
public record Synonyms(
    SynonymMap map, Map<String, Set<String>> equivalents, List<Problem> problems) {
  public static final String FILE_NAME = "synonyms.txt";

  public static Synonyms none() {
    return new Synonyms(emptyMap(), Map.of(), List.of());
  }

  /** Reads {@code synonyms.txt} from the articles folder; a missing file means no synonyms. */
  public static Synonyms load(Path articlesDir) {
    Path file = articlesDir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) return none();
    try {
      return parse(file, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Synonyms(
          emptyMap(), Map.of(), List.of(new Problem(file, 0, "cannot read: " + e.getMessage())));
    }
  }

  /** Parses the file's text; bad lines are reported with their line and left out. */
  public static Synonyms parse(Path file, String text) {
    List<Problem> problems = new ArrayList<>();
    StringBuilder accepted = new StringBuilder();
    Map<String, Set<String>> equivalents = new HashMap<>();
    String[] lines = text.split("\r?\n", -1);
    try (Analyzer analyzer = KbAnalyzer.forSynonymEntries()) {
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
        if (line.isEmpty() || line.startsWith("#")) continue;
        String problem = lineProblem(line);
        if (problem == null) {
          try {
            var single = new SolrSynonymParser(true, true, analyzer);
            single.parse(new StringReader(line));
            single.build();
          } catch (ParseException | IOException | IllegalArgumentException e) {
            problem = "cannot read synonym group: " + e.getMessage();
          }
        }
        if (problem != null) {
          problems.add(new Problem(file, i + 1, problem + " (expected 'term, term, ...')"));
          continue;
        }
        accepted.append(line).append('\n');
        Set<String> group = new HashSet<>();
        for (String term : line.split(",")) {
          List<String> tokens = analyze(analyzer, term.strip());
          if (tokens.size() == 1) group.add(tokens.get(0));
        }
        for (String term : group)
          equivalents.computeIfAbsent(term, k -> new HashSet<>()).addAll(group);
      }
      var parser = new SolrSynonymParser(true, true, analyzer);
      parser.parse(new StringReader(accepted.toString()));
      return new Synonyms(parser.build(), Map.copyOf(equivalents), problems);
    } catch (IOException | ParseException e) {
      problems.add(new Problem(file, 0, "cannot read synonyms: " + e.getMessage()));
      return new Synonyms(emptyMap(), Map.of(), problems);
    }
  }

  /** The equivalents of a stemmed term, itself included. */
  public Set<String> of(String term) {
    return equivalents.getOrDefault(term, Set.of(term));
  }

  private static String lineProblem(String line) {
    if (line.contains("=>")) return "one-way rule '=>' is not supported";
    if (!line.contains(",")) return "a group needs at least two terms separated by commas";
    for (String term : line.split(",", -1)) {
      if (term.isBlank()) return "empty term";
      if (!term.strip().matches("[\\p{L}\\p{N}][\\p{L}\\p{N} .'+&/_-]*")) {
        return "unexpected characters in '" + term.strip() + "'";
      }
      // Questions lose their stop words before synonyms apply, so a term with one never matches.
      for (String word : term.strip().toLowerCase(Locale.ROOT).split("[\\s]+")) {
        if (KbAnalyzer.STOP_WORDS.contains(word)) {
          return "'"
              + term.strip()
              + "' contains the stop word '"
              + word
              + "', which questions drop, so it would never match: leave it out or write it as one"
              + " word";
        }
      }
    }
    return null;
  }

  static List<String> analyze(Analyzer analyzer, String text) {
    List<String> tokens = new ArrayList<>();
    try (var stream = analyzer.tokenStream("", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) tokens.add(term.toString());
      stream.end();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return tokens;
  }

  private static SynonymMap emptyMap() {
    try {
      return new SynonymMap.Builder(true).build();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
