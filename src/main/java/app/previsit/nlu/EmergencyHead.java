package app.previsit.nlu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A classifier over encoder vectors that says how much a clause sounds like an emergency now, and
 * which kind: trained (at build time, see {@link ShippedModels}) on the categorised emergencies of intents/emergency.txt against the
 * near-misses and every other intent's lines. It catches wordings no concept pattern lists; the
 * guards still apply to what it finds.
 */
final class EmergencyHead {
  /** What the head makes of one vector. */
  record Score(double emergency, String category) {}

  /** How many training lines {@link #neighbourShare} consults. */
  private static final int NEIGHBOURS = 10;

  private static final String NONE = "none";

  private final VectorClassifier model;
  private final String[] labels;
  /**
   * The training vectors, by column ({@link RowsByColumn}: the scan in {@link #neighbourShare} is the
   * safety net's largest cost in Java), and whether each is an emergency.
   */
  private final RowsByColumn rows;
  private final boolean[] rowIsEmergency;

  private EmergencyHead(VectorClassifier model, String[] labels, float[][] rows, boolean[] rowIsEmergency) {
    this.model = model;
    this.labels = labels;
    int dimension = rows.length == 0 ? 0 : rows[0].length;
    float[] flat = new float[rows.length * dimension];
    for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, flat, i * dimension, dimension);
    this.rows = new RowsByColumn(flat, rows.length, dimension);
    this.rowIsEmergency = rowIsEmergency;
  }

  /**
   * The classifier's training settings (part of the shipped models' fingerprint): 96 hidden units, 30
   * epochs, L2 1e-4, dropout 0.2, learning rate 0.002. In place of a logistic regression (L2 1e-4, 60 epochs),
   * measured by `eval --safety-folds 5` on 2026-12-07 with the SafetyNet thresholds unchanged: emergencies
   * caught 1,924 -> 1,927 of 1,981, near-miss false alarms 143 -> 133 of 1,381, other intents' lines raising
   * the flag 86 -> 63 of 2,791. Wider (192 units, 40 epochs, dropout 0.3), narrower (64) and shorter (20
   * epochs) variants measured no better; the mean of the two classifiers 1,924 / 132 / 68.
   */
  static final HiddenLayerClassifier.Settings SETTINGS = new HiddenLayerClassifier.Settings(96, 30, 1e-4, 0.2, 0.002);
  /**
   * How many hidden layers, each from its own seed, the head averages ({@link AveragedClassifier}). One layer
   * retrained on 210 more near-misses moved "i will take them tonight" from 0.58 to 0.23: lines near the
   * boundary fall on either side by the seed. Five, by `eval --safety-folds 5` on 2026-12-07 (fourth session)
   * against one on the same lines: emergencies 1,924 -> 1,926 of 1,981, near-miss false alarms 163 -> 165 of
   * 1,591; the reviews' emergencies 111 -> 113 of 128 and 16 -> 21 of 130. Build-time training 13 -> 30 s.
   */
  static final int MEMBERS = 5;

  /** The training rows: the emergencies first, then the others; label 0 is "none". */
  private record Rows(String[] labels, float[][] x, int[] y, double[] weights) {
    boolean[] isEmergency() {
      boolean[] out = new boolean[y.length];
      for (int i = 0; i < y.length; i++) out[i] = y[i] != 0;
      return out;
    }
  }

  /**
   * @param emergencies category and vector of each emergency line
   * @param others vectors of lines that are not an emergency now
   */
  static EmergencyHead train(List<String> categories, List<float[]> emergencies, List<float[]> others) {
    Rows r = rows(categories, emergencies, others);
    // The members are independent: train them on every core at once.
    VectorClassifier[] members = java.util.stream.IntStream.range(0, MEMBERS).parallel()
        .mapToObj(k -> HiddenLayerClassifier.train(r.x(), r.y(), r.labels().length, r.weights(), SETTINGS, 42 + k))
        .toArray(VectorClassifier[]::new);
    VectorClassifier model = MEMBERS == 1 ? members[0] : new AveragedClassifier(members);
    return new EmergencyHead(model, r.labels(), r.x(), r.isEmergency());
  }

  /** A head whose classifier was trained before on these same lines (shipped in the jar). */
  static EmergencyHead of(VectorClassifier model, List<String> categories, List<float[]> emergencies,
      List<float[]> others) {
    Rows r = rows(categories, emergencies, others);
    if (model.classes() != r.labels().length) throw new IllegalArgumentException("the model has other categories");
    return new EmergencyHead(model, r.labels(), r.x(), r.isEmergency());
  }

  VectorClassifier model() {
    return model;
  }

  private static Rows rows(List<String> categories, List<float[]> emergencies, List<float[]> others) {
    Map<String, Integer> index = new LinkedHashMap<>();
    index.put(NONE, 0);
    for (String c : categories) index.putIfAbsent(c, index.size());
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String c : categories) counts.merge(c, 1, Integer::sum);
    int n = emergencies.size() + others.size();
    float[][] x = new float[n][];
    int[] y = new int[n];
    double[] w = new double[n];
    int row = 0;
    // Each category weighs as much in total as the others share: a rare one is not drowned out. The
    // emergencies together weigh as much as the non-emergencies; the threshold, not the weights, sets the balance.
    double perCategory = 1.0 * others.size() / Math.max(1, counts.size());
    for (int i = 0; i < emergencies.size(); i++, row++) {
      x[row] = emergencies.get(i);
      y[row] = index.get(categories.get(i));
      w[row] = perCategory / counts.get(categories.get(i));
    }
    for (float[] v : others) {
      x[row] = v;
      y[row] = 0;
      w[row++] = 1;
    }
    return new Rows(new ArrayList<>(index.keySet()).toArray(new String[0]), x, y, w);
  }

  Score score(float[] vector) {
    double[] p = model.probabilities(vector);
    int best = 1;
    for (int c = 2; c < p.length; c++) if (p[c] > p[best]) best = c;
    return new Score(1 - p[0], labels[best]);
  }

  /**
   * The share of emergencies among the training lines nearest to this vector, each weighted by its
   * cosine similarity: a second opinion with another bias than the classifier's. A boundary
   * drawn through 384 dimensions also cuts through places no training line is near ("she's scared of
   * needles" scored 0.84 for a seizure); there the nearest lines are ordinary ones. A scan of ~6,300
   * rows (~1 ms), asked only when the classifier has found something. A cut sentence read whole asks it twice
   * for one vector (the safety net, then the second look's own condition): the last answer is kept.
   */
  double neighbourShare(float[] vector) {
    LastShare l = lastShare;
    if (l != null && l.vector() == vector) return l.share();
    double share = scanNeighbours(vector);
    lastShare = new LastShare(vector, share);
    return share;
  }

  /**
   * The last vector asked about (by identity: the encoder hands out one array per text) and its share. Immutable,
   * published through a volatile field, so the head stays safe to share between worker threads.
   */
  private record LastShare(float[] vector, double share) {}

  private volatile LastShare lastShare;

  private double scanNeighbours(float[] vector) {
    int n = rowIsEmergency.length;
    int k = Math.min(NEIGHBOURS, n);
    double[] sims = new double[k];
    boolean[] emergency = new boolean[k];
    java.util.Arrays.fill(sims, -2);
    float[] dots = new float[n];
    if (n > 0) rows.dots(vector, dots);
    for (int i = 0; i < n; i++) {
      double s = dots[i];
      if (s <= sims[k - 1]) continue;
      int j = k - 1;
      for (; j > 0 && sims[j - 1] < s; j--) {
        sims[j] = sims[j - 1];
        emergency[j] = emergency[j - 1];
      }
      sims[j] = s;
      emergency[j] = rowIsEmergency[i];
    }
    double all = 0, emergencies = 0;
    for (int j = 0; j < k; j++) {
      double weight = Math.max(0, sims[j]);
      all += weight;
      if (emergency[j]) emergencies += weight;
    }
    return all == 0 ? 0 : emergencies / all;
   }
}
