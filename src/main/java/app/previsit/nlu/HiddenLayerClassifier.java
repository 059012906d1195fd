package app.previsit.nlu;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;

/**
 * A classifier over dense vectors with one hidden layer (ReLU) before the softmax, trained in memory
 * with mini-batch Adam, L2 and dropout on the hidden units. A straight line through the encoder's 384
 * dimensions cannot say "a seizure, but not a fitting at the clinic"; a hidden layer can bend around the
 * ordinary lines that sit near emergencies. Fixed seed, so a retrain gives the same model. Immutable
 * once trained, so thread-safe.
 */
final class HiddenLayerClassifier implements VectorClassifier {
  static final byte KIND = 'H';

  private final int inputs;
  private final int hidden;
  private final int classes;
  private final float[] w1; // [hidden][inputs]
  private final float[] b1; // [hidden]
  private final float[] w2; // [classes][hidden]
  private final float[] b2; // [classes]
  /** {@link #w1} by column, for classifying ({@link RowsByColumn}: the same numbers in two thirds of the time). */
  private final RowsByColumn w1ByColumn;

  private HiddenLayerClassifier(int inputs, int hidden, int classes, float[] w1, float[] b1, float[] w2, float[] b2) {
    this.inputs = inputs;
    this.hidden = hidden;
    this.classes = classes;
    this.w1 = w1;
    this.b1 = b1;
    this.w2 = w2;
    this.b2 = b2;
    this.w1ByColumn = new RowsByColumn(w1, hidden, inputs);
  }

  /** The training settings (part of the shipped models' fingerprint). */
  record Settings(int hidden, int epochs, double l2, double dropout, double learningRate) {
    @Override
    public String toString() {
      return hidden + "/" + epochs + "/" + l2 + "/" + dropout + "/" + learningRate;
    }
  }

  /**
   * @param x rows of features
   * @param y the class of each row, 0..classes-1
   * @param weights how much each row counts (class balancing); null for 1
   */
  static HiddenLayerClassifier train(float[][] x, int[] y, int classes, double[] weights, Settings s) {
    return train(x, y, classes, weights, s, 42);
  }

  /** @param seed the start weights and the order of the rows: another seed, another model of the same lines */
  static HiddenLayerClassifier train(float[][] x, int[] y, int classes, double[] weights, Settings s, long seed) {
    int n = x.length;
    int d = x[0].length;
    int h = s.hidden();
    Random random = new Random(seed);
    float[] w1 = new float[h * d];
    float[] b1 = new float[h];
    float[] w2 = new float[classes * h];
    float[] b2 = new float[classes];
    // He initialisation for the ReLU layer, Glorot for the output.
    double scale1 = Math.sqrt(2.0 / d), scale2 = Math.sqrt(2.0 / (h + classes));
    for (int i = 0; i < w1.length; i++) w1[i] = (float) (random.nextGaussian() * scale1);
    for (int i = 0; i < w2.length; i++) w2[i] = (float) (random.nextGaussian() * scale2);
    Adam a1 = new Adam(w1.length), ab1 = new Adam(h), a2 = new Adam(w2.length), ab2 = new Adam(classes);
    float[] g1 = new float[w1.length], gb1 = new float[h], g2 = new float[w2.length], gb2 = new float[classes];
    float[] z = new float[h], act = new float[h], dh = new float[h];
    boolean[] kept = new boolean[h];
    double[] p = new double[classes];
    double meanWeight = 0;
    for (int i = 0; i < n; i++) meanWeight += weights == null ? 1 : weights[i];
    meanWeight /= n;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) order[i] = i;
    int batch = 32;
    float keep = (float) (1 - s.dropout());
    for (int epoch = 0; epoch < s.epochs(); epoch++) {
      SoftmaxRegression.shuffle(order, random);
      for (int from = 0; from < n; from += batch) {
        int to = Math.min(n, from + batch);
        java.util.Arrays.fill(g1, 0);
        java.util.Arrays.fill(gb1, 0);
        java.util.Arrays.fill(g2, 0);
        java.util.Arrays.fill(gb2, 0);
        for (int b = from; b < to; b++) {
          int i = order[b];
          float[] xi = x[i];
          for (int u = 0; u < h; u++) {
            kept[u] = random.nextFloat() < keep;
            float zu = b1[u] + Dot.of(w1, u * d, xi);
            z[u] = zu;
            act[u] = kept[u] && zu > 0 ? zu / keep : 0;
          }
          output(w2, b2, act, h, p);
          double wi = (weights == null ? 1 : weights[i]) / meanWeight / (to - from);
          java.util.Arrays.fill(dh, 0);
          for (int c = 0; c < classes; c++) {
            float err = (float) ((p[c] - (y[i] == c ? 1 : 0)) * wi);
            gb2[c] += err;
            int row = c * h;
            for (int u = 0; u < h; u++) {
              g2[row + u] += err * act[u];
              dh[u] += err * w2[row + u];
            }
          }
          for (int u = 0; u < h; u++) {
            if (!kept[u] || z[u] <= 0) continue;
            float du = dh[u] / keep;
            gb1[u] += du;
            int row = u * d;
            for (int k = 0; k < d; k++) g1[row + k] += du * xi[k];
          }
        }
        a1.step(w1, g1, s.learningRate(), s.l2());
        ab1.step(b1, gb1, s.learningRate(), 0);
        a2.step(w2, g2, s.learningRate(), s.l2());
        ab2.step(b2, gb2, s.learningRate(), 0);
      }
    }
    return new HiddenLayerClassifier(d, h, classes, w1, b1, w2, b2);
  }

  @Override
  public double[] probabilities(float[] x) {
    float[] act = new float[hidden];
    w1ByColumn.dots(x, act);
    for (int u = 0; u < hidden; u++) act[u] = Math.max(0, b1[u] + act[u]);
    double[] p = new double[classes];
    output(w2, b2, act, hidden, p);
    return p;
  }

  @Override
  public int classes() {
    return classes;
  }

  private static void output(float[] w2, float[] b2, float[] act, int h, double[] p) {
    for (int c = 0; c < p.length; c++) {
      double s = b2[c];
      int row = c * h;
      for (int u = 0; u < h; u++) s += w2[row + u] * act[u];
      p[c] = s;
    }
    SoftmaxRegression.softmax(p);
  }

  /** Adam's moment estimates for one array of parameters. */
  private static final class Adam {
    private final float[] m, v;
    private long t;

    Adam(int size) {
      m = new float[size];
      v = new float[size];
    }

    void step(float[] w, float[] g, double lr, double l2) {
      t++;
      double c1 = 1 - Math.pow(0.9, t), c2 = 1 - Math.pow(0.999, t);
      for (int k = 0; k < w.length; k++) {
        float grad = g[k] + (float) l2 * w[k];
        m[k] = 0.9f * m[k] + 0.1f * grad;
        v[k] = 0.999f * v[k] + 0.001f * grad * grad;
        w[k] -= (float) (lr * (m[k] / c1) / (Math.sqrt(v[k] / c2) + 1e-8));
      }
    }
  }

  @Override
  public void write(DataOutputStream out) throws IOException {
    out.writeByte(KIND);
    out.writeInt(inputs);
    out.writeInt(hidden);
    out.writeInt(classes);
    for (float[] a : new float[][] {w1, b1, w2, b2}) for (float f : a) out.writeFloat(f);
  }

  static HiddenLayerClassifier read(DataInputStream in) throws IOException {
    int inputs = in.readInt(), hidden = in.readInt(), classes = in.readInt();
    if (inputs <= 0 || inputs > 10_000 || hidden <= 0 || hidden > 10_000 || classes <= 0 || classes > 1000) {
      throw new IOException("bad shape");
    }
    float[] w1 = floats(in, hidden * inputs), b1 = floats(in, hidden), w2 = floats(in, classes * hidden),
        b2 = floats(in, classes);
    return new HiddenLayerClassifier(inputs, hidden, classes, w1, b1, w2, b2);
  }

  private static float[] floats(DataInputStream in, int n) throws IOException {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) a[i] = in.readFloat();
    return a;
  }
}
