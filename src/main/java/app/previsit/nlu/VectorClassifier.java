package app.previsit.nlu;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A trained classifier over encoder vectors: a straight boundary ({@link SoftmaxRegression}), a bent one
 * ({@link HiddenLayerClassifier}), or the mean of several ({@link AveragedClassifier}).
 */
sealed interface VectorClassifier permits SoftmaxRegression, HiddenLayerClassifier, AveragedClassifier {
  /** Class probabilities for one vector. */
  double[] probabilities(float[] x);

  int classes();

  /** Writes the kind and the weights (see {@link #read}); trained models ship in the jar this way. */
  void write(DataOutputStream out) throws IOException;

  static VectorClassifier read(DataInputStream in) throws IOException {
    int kind = in.readByte();
    return switch (kind) {
      case SoftmaxRegression.KIND -> SoftmaxRegression.read(in);
      case HiddenLayerClassifier.KIND -> HiddenLayerClassifier.read(in);
      case AveragedClassifier.KIND -> AveragedClassifier.read(in);
      default -> throw new IOException("unknown classifier kind " + kind);
    };
  }
}
