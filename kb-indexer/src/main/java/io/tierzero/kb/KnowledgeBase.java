package io.tierzero.kb;

import io.tierzero.kb.embed.Embedder;
import io.tierzero.kb.embed.QueryVectors;
import io.tierzero.kb.flow.Flows;
import io.tierzero.kb.index.IndexSnapshot;
import io.tierzero.kb.index.KbIndex;
import io.tierzero.kb.index.Progress;
import io.tierzero.kb.index.Synonyms;
import io.tierzero.kb.intent.DecisionModel;
import io.tierzero.kb.intent.ExampleVectors;
import io.tierzero.kb.intent.IntentMatcher;
import io.tierzero.kb.intent.Intents;
import io.tierzero.kb.intent.Normalizer;
import io.tierzero.kb.intent.TurnDecider;
import io.tierzero.kb.intent.TurnDecision;
import io.tierzero.kb.parse.Article;
import io.tierzero.kb.parse.ArticleParser;
import io.tierzero.kb.search.ArticleSearcher;
import io.tierzero.kb.search.Mode;
import io.tierzero.kb.search.Ratings;
import io.tierzero.kb.search.SearchResult;
import io.tierzero.kb.search.Suggestion;
import io.tierzero.kb.search.TitleSuggester;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A searchable knowledge base: the facade the bot and the command line use. Thread-safe: searches
 * run concurrently with each other and with a rebuild, and always see one complete index.
 */
public final class KnowledgeBase implements AutoCloseable {
  /** Hits a search returns unless asked for another number. */
  public static final int DEFAULT_LIMIT = 5;

  /**
   * The intent examples' vectors, kept beside the Lucene index so a restart embeds none of them
   * again (Lucene leaves files not named like its own alone).
   */
  public static final String EXAMPLE_VECTORS_FILE = "intent-example-vectors.bin";

  private final KbConfig config;
  private final ArticleParser parser;
  private final KbIndex index;
  private volatile ArticleSearcher searcher;
  private volatile TitleSuggester suggester;
  private volatile Map<String, Article> suggesterSource;
  private final QueryVectors queryVectors;
  private volatile Ratings ratings = Ratings.NONE;
  private final ExampleVectors exampleVectors;
  private final DecisionModel decisionModel = DecisionModel.defaults();
  private volatile Normalizer normalizer = Normalizer.defaults();
  private volatile Intents intents = Intents.NONE;
  private volatile TurnDecider decider;
  private volatile Path flowsDir;

  private KnowledgeBase(KbConfig config, ArticleParser parser, KbIndex index) {
    this.config = config;
    this.parser = parser;
    this.index = index;
    Embedder embedder = index.embedder();
    this.queryVectors =
        embedder == null ? null : new QueryVectors(embedder, config.queryCacheSize());
    this.exampleVectors =
        embedder == null
            ? null
            : new ExampleVectors(embedder, config.indexDir().resolve(EXAMPLE_VECTORS_FILE));
    this.searcher = newSearcher();
    reloadIntents();
  }

  /** Opens the index in {@code config.indexDir()}, building or updating it from the articles. */
  public static KnowledgeBase open(KbConfig config) throws IOException {
    return open(config, Progress.NONE);
  }

  public static KnowledgeBase open(KbConfig config, Progress progress) throws IOException {
    var parser = new ArticleParser();
    Embedder embedder = config.model().load();
    KbIndex index =
        KbIndex.open(config.articlesDir(), config.indexDir(), embedder, parser, progress);
    return new KnowledgeBase(config, parser, index);
  }

  public SearchResult search(String question) {
    return search(question, DEFAULT_LIMIT);
  }

  public SearchResult search(String question, int limit) {
    return search(question, limit, config.mode());
  }

  public SearchResult search(String question, int limit, Mode mode) {
    return ranked(question, limit, mode, null).result();
  }

  /**
   * A search with the evidence behind its decision; {@code candidates}, when not null, restricts
   * the ids that may be returned.
   */
  public ArticleSearcher.Ranked ranked(
      String question, int limit, Mode mode, Set<String> candidates) {
    // A blank question, like any without a letter or digit, is simply not answered.
    if (question == null) throw new IllegalArgumentException("question must not be null");
    if (limit < 1) throw new IllegalArgumentException("limit must be >= 1, was " + limit);
    try {
      // One snapshot for the whole search: the articles it shows are those its searcher found.
      IndexSnapshot snapshot = index.acquire();
      try {
        return searcher.search(snapshot, question, limit, mode, candidates);
      } finally {
        index.release(snapshot);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The one decision for a chat message: an intent (small talk, a handoff, a flow, a non-IT topic,
   * ...) or the knowledge base's answer, clarifying question or abstention, with {@code limit}
   * hits.
   */
  public TurnDecision decide(String message, int limit) {
    // A blank message (NUL alone is blank once cleaned), like any without a letter or digit, is
    // decided like any other: no intent comes near it and the knowledge base abstains.
    if (message == null) throw new IllegalArgumentException("message must not be null");
    return decider.decide(message, limit);
  }

  /** The intents serving (from {@code <articles>/intents} and the flows), and their problems. */
  public Intents intents() {
    return intents;
  }

  /**
   * A decider over other intents or another model, on this knowledge base: for evaluation (the
   * conversational intents of one knowledge base with the articles of another) and calibration.
   */
  public TurnDecider decider(Intents intents, DecisionModel model) {
    return new TurnDecider(
        normalizer,
        new IntentMatcher(intents, exampleVectors, normalizer),
        model,
        queryVectors == null ? null : queryVectors::get,
        (text, limit) -> search(text, limit),
        id ->
            article(id)
                .map(a -> a.flow() == null || a.flow().isBlank() ? null : a.flow().strip())
                .orElse(null));
  }

  /** The names people call the bot by; the normaliser drops them ("hey tier zero" is "hey"). */
  public void useBotNames(List<String> names) {
    this.normalizer = new Normalizer(names);
    this.decider = decider(intents, decisionModel);
  }

  /**
   * Takes the flows (whose triggers are intents) from {@code dir} instead of {@code
   * <articles>/flows}: the bot's flows may live elsewhere.
   */
  public void useFlowsDir(Path dir) {
    // The bot names its flows folder even when it is the default one; reading the intents and
    // matching their examples again would only repeat the open's work.
    if (dir.toAbsolutePath().normalize().equals(flowsDir().toAbsolutePath().normalize())) return;
    this.flowsDir = dir;
    reloadIntents();
  }

  private Path flowsDir() {
    return flowsDir == null ? config.articlesDir().resolve(Flows.FOLDER) : flowsDir;
  }

  /** Re-reads the intents (and the flows' triggers); what the watcher does after an edit. */
  private void reloadIntents() {
    try {
      this.intents = Intents.load(config.articlesDir().resolve(Intents.FOLDER), flowsDir());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.decider = decider(intents, decisionModel);
  }

  /** Article titles for what the user has typed so far, best first. */
  public List<Suggestion> suggest(String typed, int limit) {
    Map<String, Article> articles = index.articles();
    TitleSuggester current = suggester;
    if (current == null || suggesterSource != articles) {
      current = new TitleSuggester(articles.values());
      suggester = current;
      suggesterSource = articles;
    }
    return current.suggest(typed, limit);
  }

  public Optional<Article> article(String id) {
    return Optional.ofNullable(index.articles().get(id));
  }

  /** Every article serving, by category, then title. */
  public List<Article> articles() {
    return index.articles().values().stream()
        .sorted(Comparator.comparing(Article::category).thenComparing(Article::title))
        .toList();
  }

  /** The article body as HTML. Raw HTML in the Markdown is escaped; sanitise before serving. */
  public String html(Article article) {
    return parser.html(article);
  }

  /** Re-reads the articles folder and indexes what changed (synonyms are re-read too). */
  public BuildReport rebuild() throws IOException {
    return rebuild(false, Progress.NONE);
  }

  /**
   * @param full re-index every article; vectors of unchanged passages still come from the cache
   */
  public BuildReport rebuild(boolean full, Progress progress) throws IOException {
    BuildReport report = index.update(full, progress);
    searcher = newSearcher();
    reloadIntents();
    return report;
  }

  /** What the latest build did: the one at open, or the latest {@link #rebuild()}. */
  public BuildReport lastBuild() {
    return index.lastBuild();
  }

  public KbConfig config() {
    return config;
  }

  public Synonyms synonyms() {
    return Synonyms.load(config.articlesDir());
  }

  /**
   * Uses users' votes as a mild, bounded ranking prior from now on (see {@link Ratings}); the bot
   * refreshes them as votes arrive.
   */
  public void useRatings(Ratings ratings) {
    this.ratings = ratings == null ? Ratings.NONE : ratings;
    searcher.useRatings(this.ratings);
  }

  private ArticleSearcher newSearcher() {
    var s = new ArticleSearcher(synonyms(), config.ranking(), queryVectors);
    s.useRatings(ratings);
    return s;
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}
