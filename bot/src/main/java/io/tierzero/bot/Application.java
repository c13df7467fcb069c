package io.tierzero.bot;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.slf4j.LoggerFactory;

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

  /**
   * The Micronaut environment to deploy ({@code MICRONAUT_ENVIRONMENTS=prod}): the bot refuses to
   * start there until every production setting is configured ({@code
   * io.tierzero.bot.production.ProductionGuard}).
   */
  public static final String PROD_ENVIRONMENT = "prod";

  /**
   * Lucene's JUL logger that warns, once per start, when the JVM was not given the vector module.
   * Held here so the level set below is not lost when the logger is collected.
   */
  private static final Logger LUCENE_VECTORIZATION =
      Logger.getLogger("org.apache.lucene.internal.vectorization.VectorizationProvider");

  private Application() {}

  public static void main(String[] args) {
    quietVectorWarning();
    Micronaut.run(Application.class, args);
  }

  /**
   * Without {@code --add-modules jdk.incubator.vector} Lucene prints a WARNING that reads like a
   * fault to whoever starts the jar; searching is correct either way, only slower on large
   * knowledge bases. One plain line says so instead. (The jar's manifest cannot add the module:
   * {@code Add-Modules} is not a manifest attribute the launcher reads.)
   */
  private static void quietVectorWarning() {
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) return;
    LUCENE_VECTORIZATION.setLevel(Level.SEVERE);
    LoggerFactory.getLogger(Application.class)
        .info(
            "Vector search without SIMD: start java with --add-modules jdk.incubator.vector for the"
                + " faster one");
  }
}
