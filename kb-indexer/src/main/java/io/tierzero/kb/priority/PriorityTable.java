package io.tierzero.kb.priority;

import static io.tierzero.kb.parse.YamlNodes.compose;
import static io.tierzero.kb.parse.YamlNodes.line;

import io.tierzero.kb.parse.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * How urgent a ticket is, from what the user wrote: the knowledge base's {@value #FILE}, a table of
 * rows from the most urgent down, each with the cues that put a ticket there. The first row with a
 * cue in the text decides; the last row has no cues and is the default.
 *
 * <p>A cue is a phrase matched word by word on stems, so any inflection counts ("hacked" finds
 * "hacking"); one extra word may stand between two of its words ("lost laptop" finds "lost my
 * laptop"), unless that word is a negation; a word of six letters or more may have one typo. A cue
 * does not count where a negation word ({@code negation.words}) stands at most {@code
 * negation.window} words before it in the same clause: "nobody hacked me", "I'm not blocked". A cue
 * may itself start with a negation ("nobody can").
 */
public final class PriorityTable {
  public static final String FILE = "priorities.yaml";

  /** Few enough that "not sure whether I was hacked" still counts, as it should. */
  static final int DEFAULT_WINDOW = 3;

  private static final Set<String> TOP_KEYS = Set.of("negation", "priorities");
  private static final Set<String> ROW_KEYS = Set.of("priority", "when", "cues");

  /** One row: a priority, what it means (the reason given), its cues as written and as words. */
  public record Row(
      String priority, String when, List<String> cues, List<List<Words.Word>> cueWords, int line) {}

  /** What decided: the row, and the cue and the words that matched it; no cue for the default. */
  public record Decision(
      String priority, String when, Optional<String> cue, Optional<String> matched) {
    /** A reason for a person: what the row means and what the user wrote. */
    public String reason() {
      return matched.map(m -> when + ": the user wrote \"" + m + "\"").orElse(when);
    }
  }

  /** What reading the file gave: the table when usable, and every problem found. */
  public record Result(Optional<PriorityTable> table, List<Problem> problems) {}

  private final List<Row> rows;
  private final Set<String> negations;
  private final int window;

  private PriorityTable(List<Row> rows, Set<String> negations, int window) {
    this.rows = List.copyOf(rows);
    this.negations = Set.copyOf(negations);
    this.window = window;
  }

  public List<Row> rows() {
    return rows;
  }

  /** The priority of {@code text}: the most urgent row with a cue in it, else the last row. */
  public Decision decide(String text) {
    var clauses = Words.clauses(text);
    for (var row : rows) {
      for (int c = 0; c < row.cueWords().size(); c++) {
        var cue = row.cueWords().get(c);
        for (var clause : clauses) {
          var found = find(clause, cue);
          if (found != null)
            return new Decision(
                row.priority(), row.when(), Optional.of(row.cues().get(c)), Optional.of(found));
        }
      }
    }
    var last = rows.get(rows.size() - 1);
    return new Decision(last.priority(), last.when(), Optional.empty(), Optional.empty());
  }

  /**
   * The words of the first occurrence of {@code cue} in {@code clause} that no negation reaches.
   */
  private String find(List<Words.Word> clause, List<Words.Word> cue) {
    for (int start = 0; start < clause.size(); start++) {
      if (!Words.same(clause.get(start), cue.get(0))) continue;
      int end = matchFrom(clause, cue, start);
      if (end < 0 || negated(clause, start)) continue;
      return Words.join(clause, start, end);
    }
    return null;
  }

  /**
   * Where the cue ends when it matches from {@code start}, allowing one extra word between words;
   * -1 if not.
   */
  private int matchFrom(List<Words.Word> clause, List<Words.Word> cue, int start) {
    int at = start + 1;
    for (int k = 1; k < cue.size(); k++) {
      if (at < clause.size() && Words.same(clause.get(at), cue.get(k))) {
        at++;
      } else if (at + 1 < clause.size()
          && !isNegation(clause.get(at))
          && Words.same(clause.get(at + 1), cue.get(k))) {
        at += 2;
      } else {
        return -1;
      }
    }
    return at;
  }

  private boolean negated(List<Words.Word> clause, int start) {
    for (int i = Math.max(0, start - window); i < start; i++)
      if (isNegation(clause.get(i))) return true;
    return false;
  }

  private boolean isNegation(Words.Word word) {
    return negations.contains(word.surface());
  }

  // ---- reading and checking the file ----

  /** Problems of {@code articlesDir}'s {@value #FILE}; none when there is no such file. */
  public static List<Problem> check(Path articlesDir) {
    var file = articlesDir.resolve(FILE);
    return Files.exists(file) ? parse(file).problems() : List.of();
  }

  public static Result parse(Path file) {
    try {
      return parse(file, Files.readString(file));
    } catch (IOException e) {
      return new Result(
          Optional.empty(), List.of(new Problem(file, 0, "cannot read: " + e.getMessage())));
    }
  }

  public static Result parse(Path file, String text) {
    var problems = new ArrayList<Problem>();
    Node root = compose(file, text, problems);
    if (!problems.isEmpty()) return new Result(Optional.empty(), problems);
    if (!(root instanceof MappingNode top)) {
      return new Result(
          Optional.empty(),
          List.of(
              new Problem(
                  file, 1, "the priority table is a mapping with negation and priorities")));
    }
    var fields = fields(file, top, TOP_KEYS, problems);

    Set<String> negations = new HashSet<>();
    int window = DEFAULT_WINDOW;
    var negation = fields.get("negation");
    if (negation instanceof MappingNode map) {
      var n = fields(file, map, Set.of("words", "window"), problems);
      for (var word : strings(file, n.get("words"), "negation.words", problems)) {
        var words = Words.words(Words.spellOut(word));
        if (words.size() != 1)
          problems.add(
              new Problem(
                  file, line(n.get("words")), "negation word '" + word + "' must be one word"));
        else negations.add(words.get(0).surface());
      }
      if (n.get("window") instanceof ScalarNode w) {
        try {
          window = Integer.parseInt(w.getValue().strip());
          if (window < 1 || window > 10) throw new NumberFormatException();
        } catch (NumberFormatException e) {
          problems.add(
              new Problem(file, line(w), "negation.window must be a whole number from 1 to 10"));
          window = DEFAULT_WINDOW;
        }
      }
    } else if (negation != null) {
      problems.add(
          new Problem(file, line(negation), "negation must be a mapping with words and window"));
    }

    var rows = new ArrayList<Row>();
    var seenPriorities = new HashSet<String>();
    var seenCues = new LinkedHashMap<String, Integer>();
    var list = fields.get("priorities");
    if (!(list instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
      problems.add(
          new Problem(
              file,
              list == null ? 1 : line(list),
              "priorities must be a non-empty list, the most urgent first"));
      return new Result(Optional.empty(), problems);
    }
    for (int i = 0; i < seq.getValue().size(); i++) {
      var node = seq.getValue().get(i);
      boolean last = i == seq.getValue().size() - 1;
      if (!(node instanceof MappingNode map)) {
        problems.add(
            new Problem(file, line(node), "a row is a mapping with priority, when and cues"));
        continue;
      }
      var f = fields(file, map, ROW_KEYS, problems);
      var priority = scalar(f.get("priority"));
      var when = scalar(f.get("when"));
      if (priority == null || !priority.matches("P[1-9]")) {
        problems.add(
            new Problem(
                file,
                line(node),
                "priority must be P1, P2, ...: got "
                    + (priority == null ? "nothing" : "'" + priority + "'")));
        continue;
      }
      if (!seenPriorities.add(priority))
        problems.add(new Problem(file, line(node), "priority " + priority + " appears twice"));
      if (!rows.isEmpty() && rows.get(rows.size() - 1).priority().compareTo(priority) > 0) {
        problems.add(
            new Problem(
                file,
                line(node),
                "priority "
                    + priority
                    + " comes after a less urgent one: list the most urgent first"));
      }
      if (when == null || when.isBlank())
        problems.add(
            new Problem(
                file,
                line(node),
                "when must say what " + priority + " means (it is the reason on the ticket)"));
      var cues = strings(file, f.get("cues"), "cues", problems);
      var cueWords = new ArrayList<List<Words.Word>>();
      for (var cue : cues) {
        var words = Words.words(Words.spellOut(cue));
        int cueLine = lineOf(f.get("cues"), cue);
        if (words.isEmpty()) {
          problems.add(new Problem(file, cueLine, "cue '" + cue + "' has no words"));
        } else if (words.stream().allMatch(w -> negations.contains(w.surface()))) {
          problems.add(new Problem(file, cueLine, "cue '" + cue + "' is only negation words"));
        } else {
          var key = words.stream().map(Words.Word::stem).toList().toString();
          var earlier = seenCues.putIfAbsent(key, cueLine);
          if (earlier != null)
            problems.add(
                new Problem(
                    file, cueLine, "cue '" + cue + "' is the same as the cue on line " + earlier));
        }
        cueWords.add(words);
      }
      if (last && !cues.isEmpty())
        problems.add(
            new Problem(file, line(node), "the last row is the default and takes no cues"));
      if (!last && cues.isEmpty())
        problems.add(
            new Problem(
                file, line(node), priority + " needs cues: only the last row is the default"));
      rows.add(
          new Row(priority, when == null ? priority : when.strip(), cues, cueWords, line(node)));
    }
    if (!problems.isEmpty() || rows.isEmpty()) return new Result(Optional.empty(), problems);
    return new Result(Optional.of(new PriorityTable(rows, negations, window)), problems);
  }

  private static Map<String, Node> fields(
      Path file, MappingNode map, Set<String> allowed, List<Problem> problems) {
    var out = new LinkedHashMap<String, Node>();
    for (var tuple : map.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) continue;
      if (!allowed.contains(key.getValue())) {
        problems.add(
            new Problem(
                file,
                line(key),
                "unknown key '"
                    + key.getValue()
                    + "' (allowed: "
                    + String.join(", ", allowed.stream().sorted().toList())
                    + ")"));
      }
      out.put(key.getValue(), tuple.getValueNode());
    }
    return out;
  }

  private static List<String> strings(Path file, Node node, String what, List<Problem> problems) {
    if (node == null) return List.of();
    if (!(node instanceof SequenceNode seq)) {
      problems.add(new Problem(file, line(node), what + " must be a list of phrases"));
      return List.of();
    }
    var out = new ArrayList<String>();
    for (var item : seq.getValue()) {
      if (item instanceof ScalarNode s && !s.getValue().isBlank()) out.add(s.getValue().strip());
      else
        problems.add(
            new Problem(file, line(item), what + ": every item must be a non-empty phrase"));
    }
    return out;
  }

  private static String scalar(Node node) {
    return node instanceof ScalarNode s ? s.getValue().strip() : null;
  }

  private static int lineOf(Node list, String value) {
    if (list instanceof SequenceNode seq) {
      for (var item : seq.getValue())
        if (item instanceof ScalarNode s && s.getValue().strip().equals(value)) return line(item);
    }
    return line(list);
  }
}
