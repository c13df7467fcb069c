package io.tierzero.kb.intent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tierzero.kb.embed.Embedder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleVectorsTest {
  /** Records every text it is asked to embed; a text's vector is its length and first letter. */
  static final class RecordingEmbedder implements Embedder {
    final String name;
    final List<String> embedded = new ArrayList<>();

    RecordingEmbedder(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public int dimensions() {
      return 2;
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
      embedded.addAll(texts);
      return texts.stream().map(t -> new float[] {t.length(), t.charAt(0)}).toList();
    }

    @Override
    public float[] embedQuery(String question) {
      throw new UnsupportedOperationException("examples are passages");
    }
  }

  @TempDir Path dir;

  @Test
  void a_restart_on_unchanged_examples_embeds_none_of_them() {
    var file = dir.resolve("vectors.bin");
    var first = new RecordingEmbedder("model");
    var before = new ExampleVectors(first, file).of(List.of("hello", "thanks a lot"));

    var second = new RecordingEmbedder("model");
    var after = new ExampleVectors(second, file).of(List.of("hello", "thanks a lot"));

    assertEquals(List.of("hello", "thanks a lot"), first.embedded);
    assertEquals(List.of(), second.embedded);
    assertArrayEquals(before.get(1), after.get(1));
  }

  @Test
  void an_edited_example_is_the_only_one_embedded_again_and_removed_ones_leave_the_file()
      throws Exception {
    var file = dir.resolve("vectors.bin");
    new ExampleVectors(new RecordingEmbedder("model"), file).of(List.of("hello", "bye", "thanks"));
    new ExampleVectors(new RecordingEmbedder("model"), file).of(List.of("hello", "thank you"));

    var third = new RecordingEmbedder("model");
    var vectors = new ExampleVectors(third, file);
    vectors.of(List.of("hello", "thank you"));

    assertEquals(List.of(), third.embedded);
    assertEquals(2, vectors.size(), "only the examples in use are kept");
  }

  @Test
  void vectors_of_another_model_are_not_used() {
    var file = dir.resolve("vectors.bin");
    new ExampleVectors(new RecordingEmbedder("minilm"), file).of(List.of("hello"));

    var other = new RecordingEmbedder("bge");
    new ExampleVectors(other, file).of(List.of("hello"));

    assertEquals(List.of("hello"), other.embedded);
  }

  @Test
  void a_damaged_file_costs_only_the_embedding() throws Exception {
    var file = dir.resolve("vectors.bin");
    new ExampleVectors(new RecordingEmbedder("model"), file).of(List.of("hello", "bye"));
    var bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 3));

    var embedder = new RecordingEmbedder("model");
    var vectors = new ExampleVectors(embedder, file).of(List.of("hello", "bye"));

    assertEquals(List.of("hello", "bye"), embedder.embedded);
    assertArrayEquals(new float[] {3, 'b'}, vectors.get(1));
  }
}
