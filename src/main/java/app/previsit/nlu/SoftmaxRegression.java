package app.previsit.nlu;

/**
 * Multinomial logistic regression over dense vectors (the encoder's), trained in memory with
 * mini-batch gradient descent (Adam) and L2 regularisation. A few thousand 384-dimensional rows
 * train in well under a second; prediction is one small matrix-vector product. Immutable once
 * trained, so thread-safe.
 */
final class SoftmaxRegression implements VectorClassifier {
  static final byte KIND = 'L';
  private final int classes;
  private final float[][] w; // [class][dimension + 1], last column the bias

  private SoftmaxRegression(float[][] w) {
    this.w = w;
    this.classes = w.length;
  }

  /**
   * Mini-batch Adam over shuffled rows (fixed seed, so a retrain gives the same model).
   *
   * @param x rows of features
   * @param y the class of each row, 0..classes-1
   * @param weights how much each row counts (class balancing); null for 1
   */
  static SoftmaxRegression train(float[][] x, int[] y, int classes, double[] weights, double l2, int epochs) {
    int n = x.length;
    int d = x[0].length;
    float[][] w = new float[classes][d + 1];
    float[][] m = new float[classes][d + 1];
    float[][] v = new float[classes][d + 1];
    float[][] g = new float[classes][d + 1];
    double[] p = new double[classes];
    double lr = 0.01, b1 = 0.9, b2 = 0.999, eps = 1e-8;
    double meanWeight = 0;
    for (int i = 0; i < n; i++) meanWeight += weights == null ? 1 : weights[i];
    meanWeight /= n;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) order[i] = i;
    java.util.Random random = new java.util.Random(42);
    int batch = 32;
    long step = 0;
    for (int epoch = 0; epoch < epochs; epoch++) {
      shuffle(order, random);
      for (int from = 0; from < n; from += batch) {
        int to = Math.min(n, from + batch);
        for (float[] row : g) java.util.Arrays.fill(row, 0);
        for (int b = from; b < to; b++) {
          int i = order[b];
          float[] xi = x[i];
          probabilities(w, xi, p);
          double wi = (weights == null ? 1 : weights[i]) / meanWeight / (to - from);
          for (int c = 0; c < classes; c++) {
            float err = (float) ((p[c] - (y[i] == c ? 1 : 0)) * wi);
            float[] gc = g[c];
            for (int k = 0; k < d; k++) gc[k] += err * xi[k];
            gc[d] += err;
          }
        }
        step++;
        double c1 = 1 - Math.pow(b1, step), c2 = 1 - Math.pow(b2, step);
        for (int c = 0; c < classes; c++) {
          float[] wc = w[c], mc = m[c], vc = v[c], gc = g[c];
          for (int k = 0; k <= d; k++) {
            float grad = gc[k] + (k < d ? (float) l2 * wc[k] : 0);
            mc[k] = (float) (b1 * mc[k] + (1 - b1) * grad);
            vc[k] = (float) (b2 * vc[k] + (1 - b2) * grad * grad);
            wc[k] -= (float) (lr * (mc[k] / c1) / (Math.sqrt(vc[k] / c2) + eps));
          }
        }
      }
    }
    return new SoftmaxRegression(w);
  }

  @Override
  public double[] probabilities(float[] x) {
    double[] p = new double[classes];
    probabilities(w, x, p);
    return p;
  }

  /** Softmax of the linear scores of {@code x} under weights {@code w} (bias in the last column), into {@code p}. */
  private static void probabilities(float[][] w, float[] x, double[] p) {
    int d = x.length;
    for (int c = 0; c < w.length; c++) {
      float[] wc = w[c];
      double s = wc[d];
      for (int k = 0; k < d; k++) s += wc[k] * x[k];
      p[c] = s;
    }
    softmax(p);
  }

  @Override
  public int classes() {
    return classes;
  }

  @Override
  public void write(java.io.DataOutputStream out) throws java.io.IOException {
    out.writeByte(KIND);
    out.writeInt(classes);
    out.writeInt(w[0].length);
    for (float[] row : w) for (float f : row) out.writeFloat(f);
  }

  static SoftmaxRegression read(java.io.DataInputStream in) throws java.io.IOException {
    int classes = in.readInt();
    int width = in.readInt();
    if (classes <= 0 || classes > 1000 || width <= 0 || width > 100_000) throw new java.io.IOException("bad shape");
    float[][] w = new float[classes][width];
    for (float[] row : w) for (int k = 0; k < width; k++) row[k] = in.readFloat();
    return new SoftmaxRegression(w);
  }

  /** Fisher-Yates, in place: each epoch visits the rows in a new order (the same for the same seed). */
  static void shuffle(int[] order, java.util.Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  static void softmax(double[] p) {
    double max = Double.NEGATIVE_INFINITY;
    for (double s : p) max = Math.max(max, s);
    double sum = 0;
    for (int c = 0; c < p.length; c++) sum += p[c] = Math.exp(p[c] - max);
    for (int c = 0; c < p.length; c++) p[c] /= sum;
  }
}
