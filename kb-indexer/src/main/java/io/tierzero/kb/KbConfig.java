package io.tierzero.kb;

import io.tierzero.kb.embed.EmbeddingModelChoice;
import io.tierzero.kb.embed.QueryVectors;
import io.tierzero.kb.search.Mode;
import io.tierzero.kb.search.Ranking;
import java.nio.file.Path;

/**
 * How to open a knowledge base.
 *
 * @param articlesDir the Markdown articles (and {@code synonyms.txt})
 * @param indexDir where the Lucene index lives; created if missing
 * @param model the passage embedding model; {@link EmbeddingModelChoice#NONE} for BM25 only
 * @param mode how {@link KnowledgeBase#search(String)} ranks by default
 * @param queryCacheSize how many question vectors to keep
 */
public record KbConfig(
    Path articlesDir,
    Path indexDir,
    EmbeddingModelChoice model,
    Mode mode,
    Ranking ranking,
    int queryCacheSize) {

  public KbConfig {
    if (articlesDir == null) throw new IllegalArgumentException("articlesDir must not be null");
    if (indexDir == null) throw new IllegalArgumentException("indexDir must not be null");
    if (model == null) throw new IllegalArgumentException("model must not be null");
    if (mode == null) throw new IllegalArgumentException("mode must not be null");
    if (ranking == null) throw new IllegalArgumentException("ranking must not be null");
    if (model == EmbeddingModelChoice.NONE && mode != Mode.BM25) {
      throw new IllegalArgumentException("mode " + mode + " needs an embedding model");
    }
  }

  /** The defaults: all-MiniLM-L6-v2 vectors, hybrid ranking. */
  public static KbConfig of(Path articlesDir, Path indexDir) {
    return new KbConfig(
        articlesDir,
        indexDir,
        EmbeddingModelChoice.MINILM,
        Mode.HYBRID,
        Ranking.defaults(),
        QueryVectors.DEFAULT_CAPACITY);
  }

  public KbConfig withModel(EmbeddingModelChoice model) {
    Mode m = model == EmbeddingModelChoice.NONE ? Mode.BM25 : mode;
    return new KbConfig(articlesDir, indexDir, model, m, ranking, queryCacheSize);
  }

  public KbConfig withMode(Mode mode) {
    return new KbConfig(articlesDir, indexDir, model, mode, ranking, queryCacheSize);
  }

  public KbConfig withRanking(Ranking ranking) {
    return new KbConfig(articlesDir, indexDir, model, mode, ranking, queryCacheSize);
  }
}
