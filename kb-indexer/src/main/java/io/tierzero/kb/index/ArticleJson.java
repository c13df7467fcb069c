package io.tierzero.kb.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.kb.parse.Article;
import io.tierzero.kb.parse.Section;
import java.nio.file.Path;
import java.util.List;

/**
 * Articles as stored in the index: everything but the source path, which depends on the machine.
 */
final class ArticleJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private record Stored(
      String id,
      String title,
      String summary,
      List<String> tags,
      String category,
      String updated,
      String owner,
      List<String> questions,
      String flow,
      String body,
      List<Section> sections) {}

  private ArticleJson() {}

  static String write(Article a) {
    try {
      return MAPPER.writeValueAsString(
          new Stored(
              a.id(),
              a.title(),
              a.summary(),
              a.tags(),
              a.category(),
              a.updated(),
              a.owner(),
              a.questions(),
              a.flow(),
              a.body(),
              a.sections()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Article read(String json, Path source) {
    try {
      Stored s = MAPPER.readValue(json, Stored.class);
      return new Article(
          s.id(),
          s.title(),
          s.summary(),
          s.tags(),
          s.category(),
          s.updated(),
          s.owner(),
          s.questions(),
          s.flow(),
          s.body(),
          s.sections(),
          source);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored article is not readable: " + e.getMessage(), e);
    }
  }
}
