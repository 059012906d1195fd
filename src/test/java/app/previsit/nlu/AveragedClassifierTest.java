package app.previsit.nlu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;

class AveragedClassifierTest {
  private static final HiddenLayerClassifier.Settings SETTINGS = new HiddenLayerClassifier.Settings(8, 20, 1e-4, 0.2, 0.01);
  private static final float[][] X = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 0}, {0.5f, 0.2f, 0.9f}};
  private static final int[] Y = {0, 1, 2, 1, 2};

  @Test
  void itGivesTheMeanOfItsMembersWhichDifferBySeed() {
    HiddenLayerClassifier a = HiddenLayerClassifier.train(X, Y, 3, null, SETTINGS, 1);
    HiddenLayerClassifier b = HiddenLayerClassifier.train(X, Y, 3, null, SETTINGS, 2);
    AveragedClassifier mean = new AveragedClassifier(new VectorClassifier[] {a, b});
    float[] v = X[4];
    assertNotEquals(a.probabilities(v)[2], b.probabilities(v)[2], "another seed should give another model");
    double[] p = mean.probabilities(v);
    for (int c = 0; c < 3; c++) assertEquals((a.probabilities(v)[c] + b.probabilities(v)[c]) / 2, p[c], 1e-12);
  }

  @Test
  void writtenAndReadBackItGivesTheSameProbabilities() throws Exception {
    AveragedClassifier mean = new AveragedClassifier(new VectorClassifier[] {
        HiddenLayerClassifier.train(X, Y, 3, null, SETTINGS, 1), SoftmaxRegression.train(X, Y, 3, null, 1e-4, 30)});
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    mean.write(new DataOutputStream(bytes));
    VectorClassifier read = VectorClassifier.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    for (float[] v : X) assertArrayEquals(mean.probabilities(v), read.probabilities(v), 0);
  }

  @Test
  void membersOfOtherClassesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new AveragedClassifier(new VectorClassifier[] {
        HiddenLayerClassifier.train(X, Y, 3, null, SETTINGS, 1), HiddenLayerClassifier.train(X, Y, 4, null, SETTINGS, 1)}));
  }
}
