package io.tierzero.kb.parse;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The knowledge base's YAML files (flows, intents, priorities) read as nodes rather than as plain
 * maps, because only nodes keep their line: every problem an agent is shown names file and line.
 */
public final class YamlNodes {
  private YamlNodes() {}

  /**
   * The document's root node, or null for an empty document; text that is not YAML adds its problem
   * (with the line YAML reports) and gives null too.
   */
  public static Node compose(Path file, String text, List<Problem> problems) {
    try {
      return new Yaml(new LoaderOptions()).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      problems.add(
          new Problem(
              file, mark == null ? 0 : mark.getLine() + 1, "not valid YAML: " + e.getProblem()));
    } catch (YAMLException e) {
      problems.add(new Problem(file, 0, "not valid YAML: " + e.getMessage()));
    }
    return null;
  }

  /**
   * A mapping's values by key, in file order; keys that are not plain words or come twice are
   * problems.
   */
  public static Map<String, Node> fields(Path file, MappingNode map, List<Problem> problems) {
    var out = new LinkedHashMap<String, Node>();
    for (var tuple : map.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        problems.add(new Problem(file, line(tuple.getKeyNode()), "keys must be plain words"));
        continue;
      }
      if (out.putIfAbsent(key.getValue(), tuple.getValueNode()) != null) {
        problems.add(new Problem(file, line(key), "duplicate key '" + key.getValue() + "'"));
      }
    }
    return out;
  }

  /**
   * The stripped value of {@code key}; null when it is missing (a problem at line {@code at} if
   * required) or is not one non-empty value.
   */
  public static String scalar(
      Path file,
      Map<String, Node> fields,
      int at,
      String key,
      boolean required,
      List<Problem> problems) {
    Node node = fields.get(key);
    if (node == null) {
      if (required) problems.add(new Problem(file, at, "missing '" + key + "'"));
      return null;
    }
    if (node instanceof ScalarNode s && !s.getValue().isBlank()) return s.getValue().strip();
    problems.add(new Problem(file, line(node), "'" + key + "' must be a single non-empty value"));
    return null;
  }

  /**
   * The stripped items of a list under {@code key} ("{@code key} must be a list of {@code items}"
   * for an item that is not a non-empty value); empty when the node is missing.
   */
  public static List<String> strings(
      Path file, Node node, String key, String items, List<Problem> problems) {
    if (node == null) return List.of();
    if (node instanceof SequenceNode seq) {
      var out = new ArrayList<String>();
      for (Node item : seq.getValue()) {
        if (item instanceof ScalarNode s && !s.getValue().isBlank()) out.add(s.getValue().strip());
        else problems.add(new Problem(file, line(item), key + " must be a list of " + items));
      }
      return out;
    }
    problems.add(new Problem(file, line(node), key + " must be a list"));
    return List.of();
  }

  /** The node's line, counted from 1; 0 when it has none. */
  public static int line(Node node) {
    return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }
}
