package app.previsit.nlu;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Short training lines, word for word: a patient who types exactly "help" or "forget me" means what
 * the line was written for, however the classifiers spread their probability (with every line the
 * training data grows by, the command intents' confidence in their own lines drifted towards the 0.6
 * the dialogue needs: "help" 0.61 -> 0.44 on 2026-12-07). Only lines of a few words, with one label
 * in all of intents/, and never an emergency: those are the safety net's to decide.
 */
final class KnownLines {
  /** How sure a word-for-word line is. */
  static final double CONFIDENCE = 0.9;
  private static final int MAX_WORDS = 6;

  private final Map<String, Intent> byText;

  private KnownLines(Map<String, Intent> byText) {
    this.byText = byText;
  }

  static KnownLines from(List<TrainingData.Example> examples) {
    Map<String, Intent> byText = new HashMap<>();
    Set<String> ambiguous = new HashSet<>();
    for (TrainingData.Example e : examples) {
      if (e.intent() == Intent.EMERGENCY) continue;
      String key = key(TextNormaliser.normalise(e.text()));
      if (key.isEmpty() || key.split(" ").length > MAX_WORDS) continue;
      Intent before = byText.putIfAbsent(key, e.intent());
      if (before != null && before != e.intent()) ambiguous.add(key);
    }
    byText.keySet().removeAll(ambiguous);
    return new KnownLines(Map.copyOf(byText));
  }

  /** The label of this normalised text when it is a short training line, else null. */
  Intent intentOf(String normalised) {
    return byText.get(key(normalised));
  }

  /** Words only, so that "help!" and "help" are the same line. */
  private static String key(String normalised) {
    return String.join(" ", normalised.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}']+")).strip();
  }
}
