package app.previsit.nlu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EncoderTest {
  private final Encoder encoder = Encoder.shared();

  @Test
  void vectorsAreUnitLengthAndMeaningDecidesSimilarity() {
    float[] pain = encoder.encode("my chest hurts badly");
    float[] ache = encoder.encode("there is a terrible pain in my chest");
    float[] dog = encoder.encode("I want to walk the dog again");
    assertEquals(384, pain.length);
    assertEquals(1.0, Encoder.cosine(pain, pain), 1e-4);
    assertTrue(Encoder.cosine(pain, ache) > Encoder.cosine(pain, dog) + 0.2);
  }

  @Test
  void shortTextsComeFromTheCacheAndBatchesAgreeWithSingles() {
    assertSame(encoder.encode("yes please"), encoder.encode("yes please"));
    List<String> texts = List.of("no thanks", "my knee has been swollen for three weeks and it is worse on stairs");
    float[][] batch = encoder.encodeAll(texts);
    for (int i = 0; i < texts.size(); i++) {
      assertArrayEquals(encoder.encode(texts.get(i)), batch[i], 1e-6f);
    }
  }

  @Test
  void manyThreadsGetTheSameVectorsAsOne() throws Exception {
    String text = "I have been getting headaches every afternoon since I started the new job";
    float[] expected = encoder.encodeAll(List.of(text))[0];
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<float[]>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) results.add(pool.submit(() -> encoder.encodeAll(List.of(text))[0]));
      for (Future<float[]> f : results) assertArrayEquals(expected, f.get(), 1e-5f);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void hugeAndOddInputIsCutNotFatal() {
    assertEquals(384, encoder.encode("chest ".repeat(20_000)).length);
    assertEquals(384, encoder.encode("").length);
    assertEquals(384, encoder.encode("\u0000\u202e😀 مرحبا").length);
  }

  @Test
  void trainingLinesShipWithTheirVectors() {
    // nlu/vectors.bin is written at build time; without it start-up would encode every line again.
    assertTrue(encoder.knownCount() >= 1500, "known vectors: " + encoder.knownCount());
  }
}
