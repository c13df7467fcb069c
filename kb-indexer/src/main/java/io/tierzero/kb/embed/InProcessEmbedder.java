package io.tierzero.kb.embed;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.tierzero.kb.text.TypedText;
import java.util.ArrayList;
import java.util.List;

/** A LangChain4j in-process (ONNX) model behind the {@link Embedder} seam. */
final class InProcessEmbedder implements Embedder {
  /** Batches bound the memory of one ONNX call while keeping its per-call cost amortised. */
  private static final int BATCH = 64;

  private final String name;
  private final int dimensions;
  private final String queryPrefix;
  private final EmbeddingModel model;

  InProcessEmbedder(String name, int dimensions, String queryPrefix, EmbeddingModel model) {
    this.name = name;
    this.dimensions = dimensions;
    this.queryPrefix = queryPrefix;
    this.model = model;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int dimensions() {
    return dimensions;
  }

  @Override
  public List<float[]> embedPassages(List<String> texts) {
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += BATCH) {
      List<TextSegment> batch =
          texts.subList(from, Math.min(texts.size(), from + BATCH)).stream()
              .map(TextSegment::from)
              .toList();
      for (var embedding : model.embedAll(batch).content())
        vectors.add(normalised(embedding.vector()));
    }
    return vectors;
  }

  @Override
  public float[] embedQuery(String question) {
    // The model throws on text its tokenizer reduces to nothing (punctuation is kept, but
    // invisible characters, lone combining marks and U+FFFD are not).
    if (!TypedText.hasWords(question)) return new float[dimensions];
    return normalised(model.embed(queryPrefix + question).content().vector());
  }

  /** Lucene's DOT_PRODUCT similarity requires unit vectors; the models nearly give them. */
  private static float[] normalised(float[] v) {
    double sum = 0;
    for (float x : v) sum += x * x;
    float norm = (float) Math.sqrt(sum);
    if (norm == 0) return v;
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) out[i] = v[i] / norm;
    return out;
  }
}
