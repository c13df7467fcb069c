import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.tierzero.kb.embed.Embedder;
import io.tierzero.kb.embed.EmbeddingModelChoice;
import java.lang.management.ManagementFactory;

/**
 * What a question's vector costs the process, in CPU and wall time, with the model as the knowledge
 * base opens it (one ONNX Runtime thread that does not spin) against the LangChain4j class's own
 * defaults (a pool of spinning threads, one per core). The process's CPU time counts every thread,
 * the runtime's own included. Run one kind per process, bot stopped:
 *
 * <p>java --enable-native-access=ALL-UNNAMED -cp bot/target/bot.jar bot/bench/EmbeddingCost.java
 * ours|defaults [questions, default 300]
 */
public class EmbeddingCost {
  public static void main(String[] args) {
    boolean ours = args.length == 0 || args[0].equals("ours");
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    long wall0 = System.nanoTime(), cpu0 = cpu();
    EmbeddingModel defaults = ours ? null : new AllMiniLmL6V2QuantizedEmbeddingModel();
    Embedder embedder = ours ? EmbeddingModelChoice.MINILM.load() : null;
    long wall1 = System.nanoTime(), cpu1 = cpu();
    for (int i = 0; i < n; i++) {
      // A new text each time: nothing is cached below the model.
      String question = "my vpn keeps dropping every few minutes since update " + i;
      if (ours) embedder.embedQuery(question);
      else defaults.embed(question);
    }
    long wall2 = System.nanoTime(), cpu2 = cpu();
    System.out.printf(
        "%s: load %d ms (CPU %d ms); %d questions: %.2f ms each, CPU %.2f ms each%n",
        ours ? "ours (1 thread, no spinning)" : "LangChain4j defaults",
        (wall1 - wall0) / 1_000_000,
        (cpu1 - cpu0) / 1_000_000,
        n,
        (wall2 - wall1) / 1e6 / n,
        (cpu2 - cpu1) / 1e6 / n);
    System.exit(0);
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
