package app.previsit.nlu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Scores an Understanding on labelled examples: accuracy, macro-F1, per-label P/R/F1, confusion, safety. */
public final class Evaluation {
  /** One wrongly classified line. */
  public record Miss(Intent expected, Intent got, double confidence, String text) {}

  private final int[][] confusion = new int[Intent.values().length][Intent.values().length];
  private final List<Miss> misses = new ArrayList<>();
  private int emergencies;
  private int emergenciesFlagged;
  private int nonEmergencies;
  private int falseAlarms;
  private int nearMisses;
  private int nearMissAlarms;

  public static Evaluation of(Understanding nlu, List<TrainingData.Example> examples, List<String> nearMisses) {
    Evaluation e = new Evaluation();
    e.add(nlu, examples);
    e.addNearMisses(nlu, nearMisses);
    return e;
  }

  /** K-fold cross-validation over the examples (shuffled with a fixed seed, so reruns agree). */
  public static Evaluation crossValidate(List<TrainingData.Example> all, int folds, List<String> nearMisses) {
    if (folds < 2) throw new IllegalArgumentException("--folds must be at least 2");
    List<TrainingData.Example> shuffled = new ArrayList<>(all);
    Collections.shuffle(shuffled, new Random(42));
    Evaluation e = new Evaluation();
    for (int k = 0; k < folds; k++) {
      List<TrainingData.Example> train = new ArrayList<>();
      List<TrainingData.Example> test = new ArrayList<>();
      for (int i = 0; i < shuffled.size(); i++) (i % folds == k ? test : train).add(shuffled.get(i));
      e.add(OpenNlpUnderstanding.trainedOn(train), test);
    }
    e.addNearMisses(OpenNlpUnderstanding.shared(), nearMisses);
    return e;
  }

  private void add(Understanding nlu, List<TrainingData.Example> examples) {
    for (TrainingData.Example ex : examples) {
      Analysis a = nlu.analyse(ex.text());
      confusion[ex.intent().ordinal()][a.intent().ordinal()]++;
      if (a.intent() != ex.intent()) misses.add(new Miss(ex.intent(), a.intent(), a.confidence(), ex.text()));
      if (ex.intent() == Intent.EMERGENCY) {
        emergencies++;
        if (a.redFlag()) emergenciesFlagged++;
      } else {
        nonEmergencies++;
        if (a.redFlag()) falseAlarms++;
      }
    }
  }

  private void addNearMisses(Understanding nlu, List<String> texts) {
    for (String t : texts) {
      nearMisses++;
      if (nlu.analyse(t).redFlag()) nearMissAlarms++;
    }
  }

  public int total() {
    int n = 0;
    for (int[] row : confusion) for (int c : row) n += c;
    return n;
  }

  public double accuracy() {
    int right = 0;
    for (int i = 0; i < confusion.length; i++) right += confusion[i][i];
    return total() == 0 ? 0 : (double) right / total();
  }

  public double precision(Intent i) {
    int predicted = 0;
    for (int[] row : confusion) predicted += row[i.ordinal()];
    return predicted == 0 ? 0 : (double) confusion[i.ordinal()][i.ordinal()] / predicted;
  }

  public double recall(Intent i) {
    int actual = 0;
    for (int c : confusion[i.ordinal()]) actual += c;
    return actual == 0 ? 0 : (double) confusion[i.ordinal()][i.ordinal()] / actual;
  }

  public double f1(Intent i) {
    double p = precision(i), r = recall(i);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** Mean F1 over the labels present in the data. */
  public double macroF1() {
    double sum = 0;
    int labels = 0;
    for (Intent i : Intent.values()) {
      int actual = 0;
      for (int c : confusion[i.ordinal()]) actual += c;
      if (actual == 0) continue;
      sum += f1(i);
      labels++;
    }
    return labels == 0 ? 0 : sum / labels;
  }

  public double emergencyRecall() {
    return emergencies == 0 ? 1 : (double) emergenciesFlagged / emergencies;
  }

  public double nearMissFalseAlarmRate() {
    return nearMisses == 0 ? 0 : (double) nearMissAlarms / nearMisses;
  }

  public List<Miss> misses() {
    return misses;
  }

  public String report() {
    return report(true);
  }

  /** The report; {@code withLines} false leaves out the misclassified lines (for the blind set). */
  public String report(boolean withLines) {
    StringBuilder b = new StringBuilder();
    b.append(String.format("examples=%d accuracy=%.3f macro_f1=%.3f%n", total(), accuracy(), macroF1()));
    b.append(String.format("emergency_recall=%.3f (%d/%d) false_alarms_other_intents=%d/%d near_miss_false_alarm_rate=%.3f (%d/%d)%n",
        emergencyRecall(), emergenciesFlagged, emergencies, falseAlarms, nonEmergencies, nearMissFalseAlarmRate(),
        nearMissAlarms, nearMisses));
    b.append(String.format("%n%-18s %6s %6s %6s%n", "label", "P", "R", "F1"));
    for (Intent i : Intent.values()) {
      b.append(String.format("%-18s %6.3f %6.3f %6.3f%n", i.label(), precision(i), recall(i), f1(i)));
    }
    b.append("\nconfusion (rows: expected, columns: predicted, in label order)\n");
    for (Intent i : Intent.values()) {
      b.append(String.format("%-18s", i.label()));
      for (int c : confusion[i.ordinal()]) b.append(String.format(" %3d", c));
      b.append('\n');
    }
    if (!withLines) return b.toString();
    b.append("\nmisclassified\n");
    for (Miss m : misses) {
      b.append(String.format("%s -> %s (%.2f)\t%s%n", m.expected().label(), m.got().label(), m.confidence(), m.text()));
    }
    return b.toString();
  }
}
