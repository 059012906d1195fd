package app.previsit.nlu;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The mean of the probabilities of several classifiers of the same classes. A hidden layer trained on a few
 * thousand lines draws its boundary differently with each start (seed), and a line near the boundary ("I will
 * take them tonight") lands on one side or the other by chance; the mean of a few is steadier than any one.
 * Immutable, so thread-safe.
 */
final class AveragedClassifier implements VectorClassifier {
  static final byte KIND = 'A';

  private final VectorClassifier[] members;

  AveragedClassifier(VectorClassifier[] members) {
    if (members.length == 0) throw new IllegalArgumentException("no classifiers to average");
    for (VectorClassifier m : members) {
      if (m.classes() != members[0].classes()) throw new IllegalArgumentException("classifiers of other classes");
    }
    this.members = members.clone();
  }

  @Override
  public double[] probabilities(float[] x) {
    double[] mean = new double[classes()];
    for (VectorClassifier m : members) {
      double[] p = m.probabilities(x);
      for (int c = 0; c < mean.length; c++) mean[c] += p[c];
    }
    for (int c = 0; c < mean.length; c++) mean[c] /= members.length;
    return mean;
  }

  @Override
  public int classes() {
    return members[0].classes();
  }

  @Override
  public void write(DataOutputStream out) throws IOException {
    out.writeByte(KIND);
    out.writeInt(members.length);
    for (VectorClassifier m : members) m.write(out);
  }

  static AveragedClassifier read(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n <= 0 || n > 64) throw new IOException("bad number of averaged classifiers " + n);
    VectorClassifier[] members = new VectorClassifier[n];
    for (int i = 0; i < n; i++) members[i] = VectorClassifier.read(in);
    return new AveragedClassifier(members);
  }
}
