package io.tierzero.bot.kb;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.tierzero.kb.KbConfig;
import io.tierzero.kb.embed.EmbeddingModelChoice;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the knowledge base lives and how the bot follows changes to it.
 *
 * @param articlesDir the Markdown articles, relative to the working directory (the repository root
 *     for {@code java -jar bot/target/bot.jar})
 * @param indexDir the Lucene index, rebuilt or updated incrementally at start
 * @param watch whether edits under {@code articlesDir} are picked up while the bot runs
 * @param debounce how long the folder must be quiet before a rebuild: an editor's save or a {@code
 *     git pull} is a burst of events, and one rebuild per burst is enough
 * @param model the embedding model ({@code minilm}, {@code bge} or {@code none} for BM25 only);
 *     empty leaves the choice to the library's default
 * @param openBeforeServing whether the HTTP server waits for the knowledge base before it opens its
 *     port; by default it serves at once with health DOWN and early questions waiting (the
 *     knowledge base opens in parallel with the rest of the start), which suits a deployment that
 *     routes by the readiness check ({@code /health/readiness})
 */
@ConfigurationProperties(KbConfiguration.PREFIX)
public record KbConfiguration(
    @Bindable(defaultValue = DEFAULT_ARTICLES_DIR) String articlesDir,
    @Bindable(defaultValue = DEFAULT_INDEX_DIR) String indexDir,
    @Bindable(defaultValue = "true") boolean watch,
    @Bindable(defaultValue = DEFAULT_DEBOUNCE) Duration debounce,
    @Bindable(defaultValue = "") String model,
    @Bindable(defaultValue = "false") boolean openBeforeServing) {

  public static final String PREFIX = "tierzero.kb";
  public static final String DEFAULT_ARTICLES_DIR = "articles";
  public static final String DEFAULT_INDEX_DIR = "data/index";

  /** Long enough to swallow one save's burst of events, short enough to feel immediate. */
  public static final String DEFAULT_DEBOUNCE = "500ms";

  /** The library's configuration for these settings. */
  public KbConfig kbConfig() {
    var config = KbConfig.of(articlesPath(), indexPath());
    return model.isBlank() ? config : config.withModel(EmbeddingModelChoice.parse(model.strip()));
  }

  public Path articlesPath() {
    return Path.of(articlesDir).toAbsolutePath().normalize();
  }

  public Path indexPath() {
    return Path.of(indexDir).toAbsolutePath().normalize();
  }
}
