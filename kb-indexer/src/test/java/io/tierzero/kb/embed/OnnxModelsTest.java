package io.tierzero.kb.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OnnxModelsTest {
  private String before;

  @BeforeEach
  void remember() {
    before = System.getProperty(OnnxModels.DJL_OPT_OUT);
    System.clearProperty(OnnxModels.DJL_OPT_OUT);
  }

  @AfterEach
  void restore() {
    if (before == null) System.clearProperty(OnnxModels.DJL_OPT_OUT);
    else System.setProperty(OnnxModels.DJL_OPT_OUT, before);
  }

  @Test
  void djl_telemetry_is_switched_off_when_nobody_chose() {
    OnnxModels.optOutOfDjlTelemetry();

    assertEquals("true", System.getProperty(OnnxModels.DJL_OPT_OUT));
  }

  @Test
  void a_deployment_that_chose_keeps_its_choice() {
    System.setProperty(OnnxModels.DJL_OPT_OUT, "false");

    OnnxModels.optOutOfDjlTelemetry();

    assertEquals("false", System.getProperty(OnnxModels.DJL_OPT_OUT));
  }

  @Test
  void loading_a_model_switches_djl_telemetry_off() {
    // Not through EmbeddingModelChoice, whose model another test may have loaded already.
    OnnxModels.fromJar(
        AllMiniLmL6V2QuantizedEmbeddingModel.class,
        "all-minilm-l6-v2-q.onnx",
        "all-minilm-l6-v2-q-tokenizer.json",
        PoolingMode.MEAN);

    assertEquals("true", System.getProperty(OnnxModels.DJL_OPT_OUT));
  }
}
