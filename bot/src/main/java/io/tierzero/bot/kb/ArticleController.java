package io.tierzero.bot.kb;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.validation.Validated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;

/** Articles as JSON, and title suggestions while the user types. */
@Controller("/api")
@Validated
@Tag(name = "articles")
class ArticleController {
  /** Longer than any title: a longer prefix is a question, not something to complete. */
  static final int MAX_PREFIX = 200;

  private final Articles articles;

  ArticleController(Articles articles) {
    this.articles = articles;
  }

  @Operation(summary = "An article with its body as sanitised HTML; 404 when there is none")
  @Get("/articles/{id}")
  Optional<ArticleView> article(String id) {
    return articles.view(id);
  }

  @Operation(summary = "Up to 5 article titles completing what the user has typed so far")
  @Get("/suggest")
  List<SuggestionView> suggest(
      @QueryValue
          @Nullable @Size(max = MAX_PREFIX, message = "q must be at most " + MAX_PREFIX + " characters") String q) {
    return articles.suggest(q);
  }
}
