package io.tierzero.kb.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Markdown files with another tool's front matter (Jekyll, Hugo, Docusaurus, MkDocs and the like):
 * {@code title}, {@code date}/{@code lastmod}, {@code categories}/{@code category}/{@code section},
 * {@code tags}/{@code keywords}/{@code labels}, {@code description}/{@code summary}/{@code
 * excerpt}. A file without front matter takes its title from its first heading.
 */
final class MarkdownExport {
  private MarkdownExport() {}

  static List<SourcePage> read(Path path) throws IOException {
    List<Path> files;
    if (Files.isDirectory(path)) {
      try (Stream<Path> walk = Files.walk(path)) {
        files =
            walk.filter(f -> f.getFileName().toString().matches("(?i).+\\.(md|markdown)"))
                .sorted()
                .toList();
      }
    } else {
      files = List.of(path);
    }
    Path root =
        (Files.isDirectory(path) ? path : path.toAbsolutePath().getParent())
            .toAbsolutePath()
            .normalize();
    List<SourcePage> pages = new ArrayList<>();
    for (Path file : files)
      pages.add(
          page(
              root,
              file.toAbsolutePath().normalize(),
              Files.readString(file, StandardCharsets.UTF_8)));
    return pages;
  }

  private static SourcePage page(Path root, Path file, String text) {
    Map<?, ?> fields = Map.of();
    String body = text;
    var m = Pattern.compile("\\A---\\s*\\n([\\s\\S]*?)\\n---\\s*(\\n|\\z)").matcher(text);
    if (m.find()) {
      Object loaded;
      try {
        loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(m.group(1));
      } catch (RuntimeException e) {
        loaded = null;
      }
      if (loaded instanceof Map<?, ?> map) fields = map;
      body = text.substring(m.end());
    }
    String title = first(fields, "title", "name");
    var heading = Pattern.compile("(?m)^#\\s+(.+)$").matcher(body);
    if (heading.find()) {
      if (title.isBlank()) title = heading.group(1).strip();
      // The page's own heading is the article title, not part of its body.
      if (heading.group(1).strip().equals(title))
        body = body.substring(0, heading.start()) + body.substring(heading.end());
    }
    String relative = root.relativize(file).toString().replace('\\', '/');
    var keys = new LinkedHashSet<String>();
    keys.add(relative);
    keys.add(file.getFileName().toString());
    keys.add(file.getFileName().toString().replaceFirst("\\.(md|markdown)$", ""));
    String slug = first(fields, "slug", "id");
    if (!slug.isBlank()) keys.add(slug);
    String section = first(fields, "category", "categories", "section");
    // Docs sites file pages in folders by topic: the folder is the section when nothing else says.
    if (section.isBlank() && relative.contains("/"))
      section = relative.substring(0, relative.indexOf('/'));
    return new SourcePage(
        file.toString(),
        keys,
        title,
        section,
        all(fields, "tags", "keywords", "labels"),
        first(fields, "lastmod", "last_modified_at", "updated", "date"),
        first(fields, "description", "summary", "excerpt"),
        body.strip(),
        false,
        file.getParent());
  }

  private static String first(Map<?, ?> fields, String... keys) {
    for (String key : keys) {
      Object v = fields.get(key);
      if (v instanceof Collection<?> c && !c.isEmpty()) v = c.iterator().next();
      if (v instanceof Date d) return d.toInstant().toString();
      if (v != null
          && !(v instanceof Collection<?>)
          && !(v instanceof Map<?, ?>)
          && !String.valueOf(v).isBlank()) return String.valueOf(v).strip();
    }
    return "";
  }

  private static List<String> all(Map<?, ?> fields, String... keys) {
    var out = new LinkedHashSet<String>();
    for (String key : keys) {
      Object v = fields.get(key);
      if (v instanceof Collection<?> c) c.forEach(x -> out.add(String.valueOf(x).strip()));
      else if (v != null)
        for (String s : String.valueOf(v).split(",")) if (!s.isBlank()) out.add(s.strip());
    }
    return List.copyOf(out);
  }
}
