package io.tierzero.bot.widget;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The bot's home page: a demo page embedding the chat widget, with a link to the articles. */
@Controller
@Hidden
class HomeController {
  static final String PAGE = "widget-home/index.html";

  private final String page;

  HomeController() {
    try (var in = HomeController.class.getClassLoader().getResourceAsStream(PAGE)) {
      if (in == null) throw new IllegalStateException("Missing resource " + PAGE);
      this.page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Get
  @Produces(MediaType.TEXT_HTML)
  String home() {
    return page;
  }
}
