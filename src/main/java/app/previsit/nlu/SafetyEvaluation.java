package app.previsit.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Red-flag recall per emergency category and false alarms per near-miss kind, on labelled lines
 * (the blind held-out sets, or our own). Counts only: which lines were missed is printed by eval
 * for our own sets but kept out of the blind report, so nobody tunes on the blind lines.
 */
public final class SafetyEvaluation {
  /** Hits over a total for one label. */
  public record Count(int hits, int total) {
    public double rate() {
      return total == 0 ? 0 : (double) hits / total;
    }
  }

  private final Map<String, int[]> recall = new TreeMap<>();
  private final Map<String, int[]> alarms = new TreeMap<>();
  private final Map<String, int[]> rightCategory = new TreeMap<>();
  private final List<String> missed = new ArrayList<>();
  private final List<String> falseAlarms = new ArrayList<>();

  private final int[] ordinary = new int[2];

  public static SafetyEvaluation of(Understanding nlu, List<TrainingData.Labelled> emergencies,
      List<TrainingData.Labelled> nearMisses) {
    SafetyEvaluation e = new SafetyEvaluation();
    e.add(nlu, emergencies, nearMisses, List.of());
    return e;
  }

  /**
   * K-fold cross-validation of the safety net over our own lines: each fold's emergencies,
   * near-misses and ordinary lines (every other intent's) are left out of the emergency head's
   * training and then checked. The concepts were written from these same lines, so the figures
   * flatter the concepts; they are for choosing between ways of using the encoder, which is what
   * the held-out fold tests. The blind set stays the only figure to report.
   */
  public static SafetyEvaluation crossValidate(int folds, List<TrainingData.Labelled> emergencies,
      List<TrainingData.Labelled> nearMisses, List<TrainingData.Example> examples) {
    SafetyEvaluation e = new SafetyEvaluation();
    for (int f = 0; f < folds; f++) {
      List<TrainingData.Labelled> trainE = new ArrayList<>(), testE = new ArrayList<>();
      List<TrainingData.Labelled> trainN = new ArrayList<>(), testN = new ArrayList<>();
      List<TrainingData.Example> trainX = new ArrayList<>();
      List<String> testX = new ArrayList<>();
      for (int i = 0; i < emergencies.size(); i++) (fold(i, folds) == f ? testE : trainE).add(emergencies.get(i));
      for (int i = 0; i < nearMisses.size(); i++) (fold(i, folds) == f ? testN : trainN).add(nearMisses.get(i));
      java.util.Set<String> heldOutEmergencies = new java.util.HashSet<>();
      for (TrainingData.Labelled held : testE) heldOutEmergencies.add(held.text());
      // The intent model votes on what the encoder finds, so it too is trained without the fold.
      List<TrainingData.Example> intentTraining = new ArrayList<>();
      for (int i = 0; i < examples.size(); i++) {
        TrainingData.Example x = examples.get(i);
        if (x.intent() == Intent.EMERGENCY) {
          if (!heldOutEmergencies.contains(x.text())) intentTraining.add(x);
          continue;
        }
        if (fold(i, folds) == f) {
          testX.add(x.text());
        } else {
          trainX.add(x);
          intentTraining.add(x);
        }
      }
      Understanding nlu = OpenNlpUnderstanding.trainedOn(intentTraining).withSafetyTrainedOn(trainE,
          trainN.stream().map(TrainingData.Labelled::text).toList(), trainX);
      e.add(nlu, testE, testN, testX);
    }
    return e;
  }

  /** A fixed spread of lines over folds that does not follow the files' order (lines come in groups). */
  private static int fold(int i, int folds) {
    return Math.floorMod(Integer.hashCode(i * 0x9E3779B1), folds);
  }

  private void add(Understanding nlu, List<TrainingData.Labelled> emergencies, List<TrainingData.Labelled> nearMisses,
      List<String> ordinaryLines) {
    for (TrainingData.Labelled l : emergencies) {
      Analysis a = nlu.analyse(l.text());
      int[] c = recall.computeIfAbsent(l.label(), k -> new int[2]);
      c[1]++;
      int[] r = rightCategory.computeIfAbsent(l.label(), k -> new int[2]);
      r[1]++;
      if (a.redFlag()) {
        c[0]++;
        if (l.label().equals(a.redFlagCategory())) r[0]++;
      } else {
        missed.add(l.label() + "\t" + l.text());
      }
    }
    for (TrainingData.Labelled l : nearMisses) {
      Analysis a = nlu.analyse(l.text());
      int[] c = alarms.computeIfAbsent(l.label(), k -> new int[2]);
      c[1]++;
      if (a.redFlag()) {
        c[0]++;
        falseAlarms.add(l.label() + "\t" + a.redFlagCategory() + "\t" + l.text());
      }
    }
    for (String t : ordinaryLines) {
      Analysis a = nlu.analyse(t);
      ordinary[1]++;
      if (a.redFlag()) {
        ordinary[0]++;
        falseAlarms.add("ordinary\t" + a.redFlagCategory() + "\t" + t);
      }
    }
  }

  /** Lines of other intents (a concern, a medicine, a goal) that raised the flag; only in cross-validation. */
  public Count ordinaryFalseAlarms() {
    return new Count(ordinary[0], ordinary[1]);
  }

  public Count recall() {
    return sum(recall);
  }

  public Count recall(String category) {
    int[] c = recall.getOrDefault(category, new int[2]);
    return new Count(c[0], c[1]);
  }

  public Count falseAlarms() {
    return sum(alarms);
  }

  public Map<String, Count> recallByCategory() {
    return counts(recall);
  }

  public Map<String, Count> falseAlarmsByKind() {
    return counts(alarms);
  }

  /** Lowest recall of any category. */
  public double worstCategoryRecall() {
    double worst = 1;
    for (Count c : recallByCategory().values()) worst = Math.min(worst, c.rate());
    return worst;
  }

  public List<String> missed() {
    return missed;
  }

  public List<String> falseAlarmLines() {
    return falseAlarms;
  }

  public String report(boolean withLines) {
    StringBuilder b = new StringBuilder();
    Count r = recall(), f = falseAlarms(), cat = sum(rightCategory);
    // A set of ordinary lines only (the third blind set) has no recall to report.
    if (r.total() > 0) b.append(String.format("red_flag_recall=%.3f (%d/%d) worst_category=%.3f right_category=%d/%d%n", r.rate(),
        r.hits(), r.total(), worstCategoryRecall(), cat.hits(), cat.total()));
    for (Map.Entry<String, Count> e : recallByCategory().entrySet()) {
      b.append(String.format("  recall %-12s %.3f (%d/%d)%n", e.getKey(), e.getValue().rate(), e.getValue().hits(),
          e.getValue().total()));
    }
    b.append(String.format("false_alarm_rate=%.3f (%d/%d)%n", f.rate(), f.hits(), f.total()));
    for (Map.Entry<String, Count> e : falseAlarmsByKind().entrySet()) {
      b.append(String.format("  false alarms %-13s %.3f (%d/%d)%n", e.getKey(), e.getValue().rate(),
          e.getValue().hits(), e.getValue().total()));
    }
    if (ordinary[1] > 0) {
      b.append(String.format("ordinary_false_alarm_rate=%.3f (%d/%d) (other intents' lines)%n",
          ordinaryFalseAlarms().rate(), ordinary[0], ordinary[1]));
    }
    if (withLines) {
      for (String m : missed) b.append("missed\t").append(m).append('\n');
      for (String m : falseAlarms) b.append("false alarm\t").append(m).append('\n');
    }
    return b.toString();
  }

  private static Count sum(Map<String, int[]> m) {
    int h = 0, t = 0;
    for (int[] c : m.values()) {
      h += c[0];
      t += c[1];
    }
    return new Count(h, t);
  }

  private static Map<String, Count> counts(Map<String, int[]> m) {
    Map<String, Count> out = new TreeMap<>();
    m.forEach((k, c) -> out.put(k, new Count(c[0], c[1])));
    return out;
  }
}
