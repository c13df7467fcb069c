package io.tierzero.bot;

import io.micronaut.runtime.Micronaut;

/** Starts the Tier Zero bot: chat API, widget, article pages and the agents' console. */
public final class Application {
  private Application() {}

  public static void main(String[] args) {
    Micronaut.run(Application.class, args);
  }
}
