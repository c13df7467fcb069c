package io.tierzero.kb.index;

import io.tierzero.kb.embed.Embedder;
import io.tierzero.kb.parse.ArticleParser;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs in a child JVM for {@link KilledBuildTest}: opens (and so builds) the index of an articles
 * folder, reporting progress on standard output, with a slow stand-in model so the build lasts long
 * enough to be killed in the middle.
 */
public final class IndexBuildChild {
  private IndexBuildChild() {}

  public static void main(String[] args) throws Exception {
    var articles = Path.of(args[0]);
    var index = Path.of(args[1]);
    Progress progress =
        (phase, done, total) -> {
          System.out.println("progress " + phase + " " + done + " " + total);
          System.out.flush();
        };
    try (var built =
        KbIndex.open(articles, index, new SlowEmbedder(), new ArticleParser(), progress)) {
      System.out.println("done " + built.articles().size());
      System.out.flush();
    }
  }

  /**
   * Same vectors as the test's model, so the parent can reopen the index without a full rebuild.
   */
  static final class SlowEmbedder implements Embedder {
    @Override
    public String name() {
      return KilledBuildTest.MODEL;
    }

    @Override
    public int dimensions() {
      return 4;
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
      try {
        Thread.sleep(2L * texts.size());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return texts.stream().map(t -> new float[] {0.5f, 0.5f, 0.5f, 0.5f}).toList();
    }

    @Override
    public float[] embedQuery(String question) {
      return new float[] {0.5f, 0.5f, 0.5f, 0.5f};
    }
  }
}
