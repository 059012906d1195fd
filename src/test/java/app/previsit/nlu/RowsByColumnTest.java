package app.previsit.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The column-wise dot products must be bit for bit {@link Dot#of}'s: the safety net's thresholds were chosen on
 * those numbers, and a neighbour one ulp nearer could change a verdict.
 */
class RowsByColumnTest {
  private static float[] random(Random r, int n) {
    float[] f = new float[n];
    for (int i = 0; i < n; i++) f[i] = (float) r.nextGaussian();
    return f;
  }

  private static void assertSameAsDotOf(int rows, int dimension, long seed) {
    Random r = new Random(seed);
    float[] flat = random(r, rows * dimension);
    float[] v = random(r, dimension);
    float[] out = new float[rows];
    new RowsByColumn(flat, rows, dimension).dots(v, out);
    for (int i = 0; i < rows; i++) {
      float expected = Dot.of(flat, i * dimension, v);
      assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(out[i]),
          "row " + i + " of " + rows + "x" + dimension + ": " + expected + " vs " + out[i]);
    }
  }

  @Test
  void equalsDotOfBitForBitWhateverTheShape() {
    assertSameAsDotOf(96, 384, 1); // a hidden layer: one block
    assertSameAsDotOf(6_329, 384, 2); // the training lines: many blocks, the last one short
    assertSameAsDotOf(257, 383, 3); // a remainder after Dot.of's unrolled loop goes to its first sum
    assertSameAsDotOf(5, 3, 4); // shorter than the unrolled loop
    assertSameAsDotOf(1, 1, 5);
  }

  @Test
  void refusesAVectorOfAnotherLength() {
    RowsByColumn rows = new RowsByColumn(new float[12], 3, 4);
    assertThrows(IllegalArgumentException.class, () -> rows.dots(new float[5], new float[3]));
    assertThrows(IllegalArgumentException.class, () -> new RowsByColumn(new float[11], 3, 4));
  }
}
