package app.previsit.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The emergency head over small made-up vectors, where the right answers can be worked out by hand. */
class EmergencyHeadTest {
  private static float[] unit(double... v) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
    return Encoder.unit(f);
  }

  /** Ten emergencies around one direction, ten other lines around another, at right angles. */
  private static EmergencyHead head() {
    List<String> categories = new ArrayList<>();
    List<float[]> emergencies = new ArrayList<>();
    List<float[]> others = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      categories.add("cardiac");
      emergencies.add(unit(1, 0.05 * i, 0));
      others.add(unit(0.05 * i, 1, 0));
    }
    return EmergencyHead.train(categories, emergencies, others);
  }

  @Test
  void theNearestLinesOfAnEmergencyAreEmergencies() {
    EmergencyHead h = head();
    assertEquals(1.0, h.neighbourShare(unit(1, 0.1, 0)), 1e-9);
    assertEquals(0.0, h.neighbourShare(unit(0.1, 1, 0)), 1e-9);
  }

  @Test
  void halfWayTheShareIsWeightedBySimilarity() {
    EmergencyHead h = head();
    // Leaning towards the emergencies: of the ten nearest, the closer ones are emergencies and weigh more.
    double share = h.neighbourShare(unit(1, 0.8, 0));
    assertTrue(share > 0.5 && share < 1, "share " + share);
    // Nothing near at all (orthogonal to every line): no evidence either way.
    assertEquals(0.0, h.neighbourShare(unit(0, 0, 1)), 1e-9);
  }

  @Test
  void theRegressionAndTheLinesAgreeOnClearCases() {
    EmergencyHead h = head();
    assertTrue(h.score(unit(1, 0.1, 0)).emergency() > 0.5);
    assertEquals("cardiac", h.score(unit(1, 0.1, 0)).category());
    assertTrue(h.score(unit(0.1, 1, 0)).emergency() < 0.5);
  }
}
