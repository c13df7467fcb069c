package io.tierzero.kb.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A Zendesk Guide export: the Help Center API's articles list ({@code {"articles": [...]}}, as
 * {@code GET /api/v2/help_center/articles.json} returns it, pages concatenated or not), with the
 * {@code sections} list beside it when the export has one, so a section id becomes its name.
 */
final class ZendeskExport {
  private ZendeskExport() {}

  static List<SourcePage> read(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Files.readString(file));
    Map<String, String> sections = new HashMap<>();
    for (JsonNode s : root.path("sections"))
      sections.put(s.path("id").asText(), s.path("name").asText());
    JsonNode articles = root.isArray() ? root : root.path("articles");
    List<SourcePage> pages = new ArrayList<>();
    for (JsonNode a : articles) {
      if (a.path("draft").asBoolean(false)) continue;
      String id = a.path("id").asText();
      var keys = new LinkedHashSet<String>();
      keys.add(id);
      for (String url : List.of(a.path("html_url").asText(), a.path("url").asText()))
        if (!url.isBlank()) keys.add(url);
      var labels = new ArrayList<String>();
      a.path("label_names").forEach(l -> labels.add(l.asText()));
      String sectionId = a.path("section_id").asText();
      String updated = a.path("edited_at").asText(a.path("updated_at").asText(""));
      if (updated.equals("null")) updated = a.path("updated_at").asText("");
      pages.add(
          new SourcePage(
              file + "#" + id,
              keys,
              a.path("title").asText(""),
              sections.getOrDefault(sectionId, ""),
              labels,
              updated,
              "",
              a.path("body").asText(""),
              true,
              null));
    }
    return pages;
  }
}
