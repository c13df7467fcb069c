package io.tierzero.kb.validate;

import io.tierzero.kb.parse.ArticleParser;
import io.tierzero.kb.parse.Problem;
import io.tierzero.kb.parse.YamlNodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The category folders a knowledge base agrees on ({@code categories.yaml}: folder name to a
 * title), so that a typo in a folder name is caught instead of becoming a category of its own.
 */
public final class Categories {
  public static final String FILE = "categories.yaml";

  private Categories() {}

  /** The known folders; empty when the knowledge base has no such file. */
  public static Set<String> load(Path articlesDir, List<Problem> problems) throws IOException {
    Path file = articlesDir.resolve(FILE);
    Set<String> names = new TreeSet<>();
    if (!Files.isRegularFile(file)) return names;
    Node root = YamlNodes.compose(file, Files.readString(file), problems);
    if (root == null) return names;
    if (!(root instanceof MappingNode map)) {
      problems.add(
          new Problem(file, YamlNodes.line(root), "write one 'folder: Title' line per category"));
      return names;
    }
    for (Map.Entry<String, Node> e : YamlNodes.fields(file, map, problems).entrySet()) {
      int line = YamlNodes.line(e.getValue());
      if (!ArticleParser.ID.matcher(e.getKey()).matches()) {
        problems.add(
            new Problem(
                file, line, "category '" + e.getKey() + "' is not a lowercase folder name"));
      } else if (!(e.getValue() instanceof ScalarNode title) || title.getValue().isBlank()) {
        problems.add(new Problem(file, line, "category '" + e.getKey() + "' needs a title"));
      } else {
        names.add(e.getKey());
      }
    }
    return names;
  }
}
