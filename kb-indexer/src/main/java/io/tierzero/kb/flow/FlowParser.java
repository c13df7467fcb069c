package io.tierzero.kb.flow;

import static io.tierzero.kb.parse.YamlNodes.compose;
import static io.tierzero.kb.parse.YamlNodes.fields;
import static io.tierzero.kb.parse.YamlNodes.line;
import static io.tierzero.kb.parse.YamlNodes.scalar;
import static io.tierzero.kb.parse.YamlNodes.strings;

import io.tierzero.kb.parse.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one flow file. YAML is read as a node tree, not as maps, so every problem can name the line
 * it is on. Problems here are about one step on its own; {@link FlowChecker} checks how the steps
 * fit together.
 */
public final class FlowParser {
  /** Lowercase slug, like article ids. */
  static final Pattern ID = Pattern.compile("[a-z0-9]+(?:[-_][a-z0-9]+)*");

  private static final Set<String> FLOW_KEYS =
      Set.of("id", "title", "triggers", "escalation", "steps");
  private static final Set<String> KINDS = Set.of("say", "ask", "action", "branch", "end");
  private static final Map<String, Set<String>> STEP_KEYS =
      Map.of(
          "say", Set.of("id", "say", "next"),
          "ask",
              Set.of("id", "ask", "input", "options", "pattern", "invalid", "max_attempts", "next"),
          "action", Set.of("id", "action", "with", "next", "on_failed"),
          "branch", Set.of("id", "branch", "cases", "default"),
          "end", Set.of("id", "end", "say", "category", "priority", "reason"));

  /** What reading a file gave: the flow when it is usable, and every problem found. */
  public record Result(Optional<Flow> flow, List<Problem> problems) {}

  public Result parse(Path file) {
    try {
      return parse(file, Files.readString(file));
    } catch (IOException e) {
      return new Result(
          Optional.empty(), List.of(new Problem(file, 0, "cannot read: " + e.getMessage())));
    }
  }

  public Result parse(Path file, String text) {
    var problems = new ArrayList<Problem>();
    Node root = compose(file, text, problems);
    if (!problems.isEmpty()) return new Result(Optional.empty(), problems);
    if (!(root instanceof MappingNode top)) {
      return new Result(
          Optional.empty(),
          List.of(
              new Problem(file, 1, "a flow file is a mapping with id, title, triggers and steps")));
    }
    var fields = fields(file, top, problems);
    unknownKeys(file, fields, FLOW_KEYS, "flow", problems);

    String expected = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    String id = scalar(file, fields, 1, "id", true, problems);
    if (id != null && !ID.matcher(id).matches()) {
      problems.add(
          new Problem(file, line(fields.get("id")), "id '" + id + "' must be a lowercase slug"));
    }
    if (id != null && !id.equals(expected)) {
      problems.add(
          new Problem(
              file,
              line(fields.get("id")),
              "id '" + id + "' differs from the file name '" + expected + "'"));
    }
    String title = scalar(file, fields, 1, "title", true, problems);
    List<String> triggers =
        strings(file, fields.get("triggers"), "triggers", "words or phrases", problems);
    if (fields.containsKey("triggers") && triggers.isEmpty()) {
      problems.add(
          new Problem(
              file, line(fields.get("triggers")), "triggers must list at least one phrase"));
    } else if (!fields.containsKey("triggers")) {
      problems.add(
          new Problem(file, 1, "missing 'triggers': the phrases that start this flow from chat"));
    }

    Flow.Escalation escalation = new Flow.Escalation(null, null);
    Node esc = fields.get("escalation");
    if (esc instanceof MappingNode escMap) {
      var escFields = fields(file, escMap, problems);
      unknownKeys(file, escFields, Set.of("category", "priority"), "escalation", problems);
      escalation =
          new Flow.Escalation(
              scalar(file, escFields, line(esc), "category", false, problems),
              scalar(file, escFields, line(esc), "priority", false, problems));
    } else if (esc != null) {
      problems.add(
          new Problem(file, line(esc), "escalation must be a mapping with category and priority"));
    }

    List<Step> steps = new ArrayList<>();
    Node stepsNode = fields.get("steps");
    if (stepsNode instanceof SequenceNode seq && !seq.getValue().isEmpty()) {
      var nodes = seq.getValue();
      for (int i = 0; i < nodes.size(); i++) {
        step(file, nodes.get(i), i + 1 < nodes.size() ? nodes.get(i + 1) : null, problems)
            .ifPresent(steps::add);
      }
    } else {
      problems.add(
          new Problem(
              file, stepsNode == null ? 1 : line(stepsNode), "steps must be a non-empty list"));
    }
    if (id == null || title == null || steps.isEmpty())
      return new Result(Optional.empty(), problems);
    return new Result(
        Optional.of(new Flow(id, title, triggers, escalation, steps, file)), problems);
  }

  private Optional<Step> step(Path file, Node node, Node following, List<Problem> problems) {
    if (!(node instanceof MappingNode map)) {
      problems.add(
          new Problem(file, line(node), "a step is a mapping with an id and one of " + KINDS));
      return Optional.empty();
    }
    int line = line(node);
    var f = fields(file, map, problems);
    String id = scalar(file, f, line, "id", true, problems);
    var kinds = f.keySet().stream().filter(KINDS::contains).toList();
    // An end may carry 'say' as its closing message; it is still an end.
    if (f.containsKey("end")) kinds = List.of("end");
    if (kinds.size() != 1) {
      problems.add(
          new Problem(
              file,
              line,
              "step "
                  + (id == null ? "" : "'" + id + "' ")
                  + (kinds.isEmpty()
                      ? "has no kind: give one of " + KINDS
                      : "has more than one kind: " + kinds)));
      return Optional.empty();
    }
    if (id == null) return Optional.empty();
    if (!ID.matcher(id).matches()) {
      problems.add(
          new Problem(
              file,
              line(f.get("id")),
              "step id '" + id + "' must be lowercase letters, digits, - or _"));
    }
    String kind = kinds.get(0);
    unknownKeys(file, f, STEP_KEYS.get(kind), kind + " step '" + id + "'", problems);
    // Without an explicit next, a step continues with the one written after it.
    String defaultNext = following == null ? null : followingId(following);
    String next =
        f.containsKey("next") ? scalar(file, f, line, "next", true, problems) : defaultNext;
    return Optional.ofNullable(
        switch (kind) {
          case "say" -> new Step.Say(id, scalar(file, f, line, "say", true, problems), next, line);
          case "ask" -> ask(file, f, id, next, line, problems);
          case "action" -> {
            Map<String, String> with = new LinkedHashMap<>();
            Node w = f.get("with");
            if (w instanceof MappingNode wm) {
              fields(file, wm, problems)
                  .forEach(
                      (k, v) -> {
                        if (v instanceof ScalarNode s) with.put(k, s.getValue());
                        else
                          problems.add(
                              new Problem(
                                  file, line(v), "parameter '" + k + "' must be a single value"));
                      });
            } else if (w != null) {
              problems.add(
                  new Problem(file, line(w), "with must be a mapping of parameter to value"));
            }
            yield new Step.Action(
                id,
                scalar(file, f, line, "action", true, problems),
                with,
                next,
                scalar(file, f, line, "on_failed", false, problems),
                line);
          }
          case "branch" -> {
            Map<String, String> cases = new LinkedHashMap<>();
            Node c = f.get("cases");
            if (c instanceof MappingNode cm) {
              fields(file, cm, problems)
                  .forEach(
                      (k, v) -> {
                        if (v instanceof ScalarNode s) cases.put(k, s.getValue());
                        else
                          problems.add(
                              new Problem(file, line(v), "case '" + k + "' must name a step"));
                      });
            } else {
              problems.add(
                  new Problem(
                      file,
                      c == null ? line : line(c),
                      "branch '" + id + "' needs cases: value -> step"));
            }
            yield new Step.Branch(
                id,
                scalar(file, f, line, "branch", true, problems),
                cases,
                scalar(file, f, line, "default", false, problems),
                line);
          }
          default -> {
            String outcome = scalar(file, f, line, "end", true, problems);
            Step.Outcome o = null;
            if ("resolved".equals(outcome)) o = Step.Outcome.RESOLVED;
            else if ("escalate".equals(outcome)) o = Step.Outcome.ESCALATE;
            else if (outcome != null) {
              problems.add(
                  new Problem(
                      file,
                      line(f.get("end")),
                      "end must be 'resolved' or 'escalate', not '" + outcome + "'"));
            }
            yield o == null
                ? null
                : new Step.End(
                    id,
                    o,
                    scalar(file, f, line, "say", false, problems),
                    scalar(file, f, line, "category", false, problems),
                    scalar(file, f, line, "priority", false, problems),
                    scalar(file, f, line, "reason", false, problems),
                    line);
          }
        });
  }

  private Step ask(
      Path file, Map<String, Node> f, String id, String next, int line, List<Problem> problems) {
    String inputName =
        f.containsKey("input") ? scalar(file, f, line, "input", true, problems) : "text";
    var input = inputName == null ? Optional.<InputType>empty() : InputType.fromYaml(inputName);
    if (inputName != null && input.isEmpty()) {
      problems.add(
          new Problem(
              file,
              line(f.get("input")),
              "unknown input type '"
                  + inputName
                  + "': use one of text, choice, yes_no, email, code, secret"));
    }
    List<String> options = strings(file, f.get("options"), "options", "words or phrases", problems);
    if (input.orElse(null) == InputType.CHOICE && options.size() < 2) {
      problems.add(new Problem(file, line, "choice step '" + id + "' needs at least two options"));
    }
    String pattern = scalar(file, f, line, "pattern", false, problems);
    if (pattern != null) {
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        problems.add(
            new Problem(
                file,
                line(f.get("pattern")),
                "pattern is not a valid regular expression: " + e.getDescription()));
      }
    }
    int maxAttempts = Step.Ask.DEFAULT_MAX_ATTEMPTS;
    String attempts = scalar(file, f, line, "max_attempts", false, problems);
    if (attempts != null) {
      try {
        maxAttempts = Integer.parseInt(attempts);
        if (maxAttempts < 1 || maxAttempts > 10) throw new NumberFormatException();
      } catch (NumberFormatException e) {
        problems.add(
            new Problem(
                file, line(f.get("max_attempts")), "max_attempts must be a number from 1 to 10"));
        maxAttempts = Step.Ask.DEFAULT_MAX_ATTEMPTS;
      }
    }
    return new Step.Ask(
        id,
        scalar(file, f, line, "ask", true, problems),
        input.orElse(InputType.TEXT),
        options,
        pattern,
        scalar(file, f, line, "invalid", false, problems),
        maxAttempts,
        next,
        line);
  }

  private static String followingId(Node following) {
    if (following instanceof MappingNode m) {
      for (var tuple : m.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode k
            && k.getValue().equals("id")
            && tuple.getValueNode() instanceof ScalarNode v) {
          return v.getValue();
        }
      }
    }
    return null;
  }

  private static void unknownKeys(
      Path file,
      Map<String, Node> fields,
      Set<String> allowed,
      String where,
      List<Problem> problems) {
    for (var entry : fields.entrySet()) {
      if (!allowed.contains(entry.getKey())) {
        problems.add(
            new Problem(
                file,
                line(entry.getValue()),
                "unknown key '"
                    + entry.getKey()
                    + "' in "
                    + where
                    + " (allowed: "
                    + new TreeSet<>(allowed)
                    + ")"));
      }
    }
  }
}
