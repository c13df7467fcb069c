package io.tierzero.kb.embed;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.Locale;
import java.util.function.Supplier;

/** The in-process embedding models shipped inside their Maven jars: nothing is downloaded. */
public enum EmbeddingModelChoice {
  /** all-MiniLM-L6-v2, quantized: 384 dimensions, ~2.4 ms a question on one core here. */
  MINILM(
      "all-minilm-l6-v2-q",
      384,
      "",
      () ->
          OnnxModels.fromJar(
              AllMiniLmL6V2QuantizedEmbeddingModel.class,
              "all-minilm-l6-v2-q.onnx",
              "all-minilm-l6-v2-q-tokenizer.json",
              PoolingMode.MEAN)),
  /**
   * bge-small-en-v1.5, quantized: 384 dimensions, ~4.2 ms a question; its authors recommend this
   * instruction in front of short questions that look for passages.
   */
  BGE(
      "bge-small-en-v15-q",
      384,
      "Represent this sentence for searching relevant passages: ",
      () ->
          OnnxModels.fromJar(
              BgeSmallEnV15QuantizedEmbeddingModel.class,
              "bge-small-en-v1.5-q.onnx",
              "bge-small-en-v1.5-q-tokenizer.json",
              PoolingMode.CLS)),
  /** No vectors: BM25 only. */
  NONE("none", 0, "", null);

  private final String id;
  private final int dimensions;
  private final String queryPrefix;
  private final Supplier<EmbeddingModel> factory;
  private Embedder loaded;

  EmbeddingModelChoice(
      String id, int dimensions, String queryPrefix, Supplier<EmbeddingModel> factory) {
    this.id = id;
    this.dimensions = dimensions;
    this.queryPrefix = queryPrefix;
    this.factory = factory;
  }

  public String id() {
    return id;
  }

  /** Accepts the id ({@code all-minilm-l6-v2-q}) or the short name ({@code minilm}). */
  public static EmbeddingModelChoice parse(String name) {
    for (EmbeddingModelChoice choice : values()) {
      if (choice.id.equalsIgnoreCase(name) || choice.name().equalsIgnoreCase(name)) return choice;
    }
    throw new IllegalArgumentException(
        "unknown embedding model '" + name + "': use minilm, bge or none");
  }

  /**
   * The model, loaded on first use (a few hundred ms and tens of MB) and shared after: ONNX
   * sessions are thread-safe, and every knowledge base in a process can use the same one. {@code
   * null} for {@link #NONE}.
   */
  public synchronized Embedder load() {
    if (factory == null) return null;
    if (loaded == null) loaded = new InProcessEmbedder(id, dimensions, queryPrefix, factory.get());
    return loaded;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
