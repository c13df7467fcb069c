package io.tierzero.kb.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Opens a model shipped in a LangChain4j jar with ONNX Runtime options of our own. The jar's own
 * classes use ONNX Runtime's defaults: a pool of intra-op threads, one per core, that spin while
 * they wait for work. A question is one short sequence, which one thread encodes about as fast, and
 * the spinning threads take the two cores from the JVM: in one measurement here a question cost
 * half the CPU with one thread that does not spin (4.5 against 8.9 ms), and so did loading the
 * model. Batches of passages are still encoded in parallel, one sequence per core, by the
 * LangChain4j model's executor.
 */
final class OnnxModels {
  /** DJL's switch for its telemetry, read as an environment variable, else a system property. */
  static final String DJL_OPT_OUT = "OPT_OUT_TRACKING";

  private OnnxModels() {}

  static EmbeddingModel fromJar(
      Class<?> modelClass, String model, String tokenizer, PoolingMode pooling) {
    OnnxBertBiEncoder encoder;
    try (InputStream modelBytes = resource(modelClass, model);
        InputStream tokenizerJson = resource(modelClass, tokenizer)) {
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      options.addConfigEntry("session.inter_op.allow_spinning", "0");
      OrtSession session = environment.createSession(modelBytes.readAllBytes(), options);
      optOutOfDjlTelemetry();
      encoder = new OnnxBertBiEncoder(environment, session, tokenizerJson, pooling);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the embedding model " + model, e);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot open the embedding model " + model, e);
    }
    return new JarModel(encoder);
  }

  /**
   * DJL's tokenizer, made by the encoder, reports home the first time one is created in a process:
   * it asks the cloud instance metadata address (169.254.169.254) which instance and region it runs
   * on and, on EC2, sends them to an AWS bucket. Off here, before the tokenizer exists: a support
   * bot has no business telling a third party where it runs, and on a network where that address
   * does not answer each request waits out its 1 s timeout on the thread that opens the knowledge
   * base, which the first answer waits for (where it does answer, three HTTP requests and their
   * exceptions still cost a start some CPU). A deployment that set the switch itself, either way,
   * keeps its choice.
   */
  static void optOutOfDjlTelemetry() {
    if (System.getenv(DJL_OPT_OUT) == null && System.getProperty(DJL_OPT_OUT) == null) {
      System.setProperty(DJL_OPT_OUT, "true");
    }
  }

  private static InputStream resource(Class<?> modelClass, String name) {
    InputStream in = modelClass.getClassLoader().getResourceAsStream(name);
    if (in == null) throw new IllegalStateException(name + " is not on the class path");
    return in;
  }

  private static final class JarModel extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    JarModel(OnnxBertBiEncoder encoder) {
      super(null);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }
  }
}
