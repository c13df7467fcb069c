package io.tierzero.bot.widget;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.web.router.Router;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * What this bot offers beyond the chat itself, so one widget build works against bots with and
 * without optional APIs: the widget asks once when it opens and enables only what is there.
 */
@Controller("/api/features")
@Tag(name = "widget")
class FeaturesController {
  /** Any id: only whether a route matches the pattern matters, not the conversation. */
  static final String FEEDBACK_PATH = "/api/conversations/probe/feedback";

  private final Features features;

  FeaturesController(Router router) {
    // Routes are fixed once the server runs, so the answer is computed once.
    this.features = new Features(router.route(HttpMethod.POST, FEEDBACK_PATH).isPresent());
  }

  @Operation(summary = "Optional APIs this bot serves; the widget enables the matching controls")
  @Get
  Features features() {
    return features;
  }

  /**
   * @param feedback whether {@code POST /api/conversations/{id}/feedback} exists: the widget's
   *     thumbs up and down are disabled until it does
   */
  @Serdeable
  record Features(boolean feedback) {}
}
