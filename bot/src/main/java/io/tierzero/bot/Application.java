package io.tierzero.bot;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Starts the Tier Zero bot: chat API, widget, article pages and the agents' console. */
@OpenAPIDefinition(
    info =
        @Info(
            title = "Tier Zero",
            version = "0.1",
            description =
                "Chat API of the Tier Zero IT support bot, and its knowledge-base articles."))
public final class Application {
  /**
   * The Micronaut environment of the demo ({@code -Dmicronaut.environments=demo}): only there do
   * the embedded LDAP directory, the embedded SMTP server and its mailbox endpoint exist, so a
   * production start can never send real users' codes to a mailbox agents can read.
   */
  public static final String DEMO_ENVIRONMENT = "demo";

  private Application() {}

  public static void main(String[] args) {
    Micronaut.run(Application.class, args);
  }
}
