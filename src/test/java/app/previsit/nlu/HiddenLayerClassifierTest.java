package app.previsit.nlu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The emergency head's classifier: it learns what no straight boundary can, and ships unchanged. */
class HiddenLayerClassifierTest {
  private static final HiddenLayerClassifier.Settings SETTINGS = new HiddenLayerClassifier.Settings(16, 200, 1e-4, 0, 0.01);

  /** Exclusive or: the class is 1 where exactly one coordinate is positive. A logistic regression gets half wrong. */
  @Test
  void learnsABoundaryNoStraightLineDraws() {
    Random random = new Random(7);
    int n = 400;
    float[][] x = new float[n][];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      float a = random.nextFloat() * 2 - 1, b = random.nextFloat() * 2 - 1;
      x[i] = new float[] {a, b};
      y[i] = (a > 0) != (b > 0) ? 1 : 0;
    }
    HiddenLayerClassifier hidden = HiddenLayerClassifier.train(x, y, 2, null, SETTINGS);
    SoftmaxRegression straight = SoftmaxRegression.train(x, y, 2, null, 1e-4, 200);
    float[][] corners = {{0.7f, 0.7f}, {-0.7f, -0.7f}, {0.7f, -0.7f}, {-0.7f, 0.7f}};
    int[] expected = {0, 0, 1, 1};
    int hiddenRight = 0, straightRight = 0;
    for (int i = 0; i < corners.length; i++) {
      if (best(hidden.probabilities(corners[i])) == expected[i]) hiddenRight++;
      if (best(straight.probabilities(corners[i])) == expected[i]) straightRight++;
    }
    assertEquals(4, hiddenRight);
    assertTrue(straightRight < 4, "a straight boundary should not manage exclusive or");
  }

  @Test
  void writtenAndReadBackItGivesTheSameProbabilities() throws Exception {
    float[][] x = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 0}};
    int[] y = {0, 1, 2, 1};
    HiddenLayerClassifier trained = HiddenLayerClassifier.train(x, y, 3, null, SETTINGS);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    trained.write(new DataOutputStream(bytes));
    VectorClassifier read = VectorClassifier.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    for (float[] v : x) assertArrayEquals(trained.probabilities(v), read.probabilities(v), 0);
    assertEquals(3, read.classes());
  }

  private static int best(double[] p) {
    return p[1] > p[0] ? 1 : 0;
  }
}
