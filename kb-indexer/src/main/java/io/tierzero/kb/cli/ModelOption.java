package io.tierzero.kb.cli;

import io.tierzero.kb.KbConfig;
import io.tierzero.kb.embed.EmbeddingModelChoice;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** The {@code --model} option that every command opening a knowledge base takes. */
final class ModelOption {
  @Option(
      names = "--model",
      paramLabel = "minilm|bge|none",
      converter = ModelConverter.class,
      description = "Sentence model for the vectors (default: minilm; none: BM25 only).")
  EmbeddingModelChoice model;

  /** The configuration with the chosen model, or as it was when none was given. */
  KbConfig apply(KbConfig config) {
    return model == null ? config : config.withModel(model);
  }

  static final class ModelConverter implements ITypeConverter<EmbeddingModelChoice> {
    @Override
    public EmbeddingModelChoice convert(String value) {
      return EmbeddingModelChoice.parse(value);
    }
  }
}
