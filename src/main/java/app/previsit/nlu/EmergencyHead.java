package app.previsit.nlu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A classifier over encoder vectors that says how much a clause sounds like an emergency now, and
 * which kind: trained at start-up on the categorised emergencies of intents/emergency.txt against the
 * near-misses and every other intent's lines. It catches wordings no concept pattern lists; the
 * guards still apply to what it finds.
 */
final class EmergencyHead {
  /** What the head makes of one vector. */
  record Score(double emergency, String category) {}

  private static final String NONE = "none";

  private final SoftmaxRegression model;
  private final String[] labels;

  private EmergencyHead(SoftmaxRegression model, String[] labels) {
    this.model = model;
    this.labels = labels;
  }

  /**
   * @param emergencies category and vector of each emergency line
   * @param others vectors of lines that are not an emergency now
   */
  static EmergencyHead train(List<String> categories, List<float[]> emergencies, List<float[]> others) {
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
    SoftmaxRegression model = SoftmaxRegression.train(x, y, index.size(), w, 1e-4, 60);
    return new EmergencyHead(model, new ArrayList<>(index.keySet()).toArray(new String[0]));
  }

  Score score(float[] vector) {
    double[] p = model.probabilities(vector);
    int best = 1;
    for (int c = 2; c < p.length; c++) if (p[c] > p[best]) best = c;
    return new Score(1 - p[0], labels[best]);
  }
}
