package io.tierzero.kb.intent;

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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one intents file: {@code intents:}, a list of intents. YAML is read as a node tree so each
 * problem names its line. How intents fit with each other and with flows is {@link Intents}' job.
 */
public final class IntentParser {
  static final Pattern ID = Pattern.compile("[a-z0-9]+(?:[-_][a-z0-9]+)*");
  private static final Set<String> KEYS =
      Set.of("id", "action", "reply", "options", "flow", "examples");
  private static final String ACTIONS =
      "handoff, ticket-status, ticket-note, ticket-close, new-conversation, smalltalk, redirect,"
          + " flow, still-not-fixed, yes, no, cancel, back, start-over, person, raise-ticket";

  /** The intents that are usable and every problem found. */
  public record Result(List<Intent> intents, List<Problem> problems) {}

  public Result parse(Path file) {
    try {
      return parse(file, Files.readString(file));
    } catch (IOException e) {
      return new Result(List.of(), List.of(new Problem(file, 0, "cannot read: " + e.getMessage())));
    }
  }

  public Result parse(Path file, String text) {
    var problems = new ArrayList<Problem>();
    Node root = compose(file, text, problems);
    if (!problems.isEmpty()) return new Result(List.of(), problems);
    Node list = null;
    if (root instanceof MappingNode top) {
      var fields = fields(file, top, problems);
      for (var key : fields.keySet()) {
        if (!key.equals("intents"))
          problems.add(
              new Problem(
                  file,
                  line(fields.get(key)),
                  "unknown key '" + key + "' (an intents file has only 'intents')"));
      }
      list = fields.get("intents");
    }
    if (!(list instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
      problems.add(
          new Problem(
              file,
              list == null ? 1 : line(list),
              "an intents file is 'intents:' followed by a non-empty list of intents"));
      return new Result(List.of(), problems);
    }
    var intents = new ArrayList<Intent>();
    for (Node node : seq.getValue()) {
      var before = problems.size();
      var intent = intent(file, node, problems);
      if (intent != null && problems.size() == before) intents.add(intent);
    }
    return new Result(intents, problems);
  }

  private Intent intent(Path file, Node node, List<Problem> problems) {
    int at = line(node);
    if (!(node instanceof MappingNode map)) {
      problems.add(new Problem(file, at, "an intent is a mapping with id, action and examples"));
      return null;
    }
    var f = fields(file, map, problems);
    for (var e : f.entrySet()) {
      if (!KEYS.contains(e.getKey())) {
        problems.add(
            new Problem(
                file,
                line(e.getValue()),
                "unknown key '"
                    + e.getKey()
                    + "' in an intent (allowed: "
                    + new TreeSet<>(KEYS)
                    + ")"));
      }
    }
    String id = scalar(file, f, at, "id", true, problems);
    if (id != null && !ID.matcher(id).matches()) {
      problems.add(
          new Problem(file, line(f.get("id")), "id '" + id + "' must be a lowercase slug"));
    }
    String name = (id == null ? "intent" : "intent '" + id + "'");
    String actionName = scalar(file, f, at, "action", true, problems);
    Intent.Action action = null;
    if (actionName != null) {
      action = Intent.Action.fromYaml(actionName.toLowerCase(Locale.ROOT)).orElse(null);
      if (action == null) {
        problems.add(
            new Problem(
                file,
                line(f.get("action")),
                "unknown action '" + actionName + "' in " + name + ": use one of " + ACTIONS));
      }
    }
    String reply = scalar(file, f, at, "reply", false, problems);
    String flow = scalar(file, f, at, "flow", false, problems);
    List<String> options = strings(file, f.get("options"), "options", "phrases", problems);
    List<String> examples = strings(file, f.get("examples"), "examples", "phrases", problems);
    if (!f.containsKey("examples")) {
      problems.add(
          new Problem(file, at, "missing 'examples' in " + name + ": the ways people ask for it"));
    } else if (examples.isEmpty()) {
      problems.add(
          new Problem(
              file,
              line(f.get("examples")),
              "examples of " + name + " must list at least one utterance"));
    }
    var seen = new HashSet<String>();
    if (f.get("examples") instanceof SequenceNode ex) {
      for (Node item : ex.getValue()) {
        if (item instanceof ScalarNode s
            && !seen.add(s.getValue().strip().toLowerCase(Locale.ROOT))) {
          problems.add(
              new Problem(
                  file, line(item), "duplicate example '" + s.getValue().strip() + "' in " + name));
        }
      }
    }
    if (action != null) {
      if (action.needsReply() && reply == null) {
        problems.add(new Problem(file, at, name + " (" + action.yaml() + ") needs a 'reply'"));
      }
      if (!action.needsReply() && reply != null) {
        problems.add(
            new Problem(
                file, line(f.get("reply")), name + " (" + action.yaml() + ") takes no 'reply'"));
      }
      if (action == Intent.Action.FLOW && flow == null) {
        problems.add(
            new Problem(file, at, name + " (flow) needs 'flow': the id of the flow to start"));
      }
      if (action != Intent.Action.FLOW && flow != null) {
        problems.add(
            new Problem(
                file, line(f.get("flow")), name + " (" + action.yaml() + ") takes no 'flow'"));
      }
    }
    if (id == null || action == null) return null;
    return new Intent(id, action, reply, options, flow, examples, file, at);
  }
}
