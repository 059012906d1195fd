package app.previsit.nlu;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells whether a part has content of its own beyond a command: a word (three letters or more) that
 * no help, skip, go-back, stop, forget-me, finish or deny training line uses. "help to sleep better"
 * has content ("sleep"); "can you help" has none.
 */
final class ControlWords {
  static final Set<Intent> CONTROL = Set.of(Intent.HELP, Intent.SKIP, Intent.GO_BACK, Intent.STOP, Intent.FORGET_ME,
      Intent.FINISH, Intent.DENY);

  private final Set<String> vocabulary;

  private ControlWords(Set<String> vocabulary) {
    this.vocabulary = vocabulary;
  }

  static ControlWords from(List<TrainingData.Example> examples) {
    Set<String> v = new HashSet<>();
    for (TrainingData.Example e : examples) {
      if (!CONTROL.contains(e.intent()) && e.intent() != Intent.GREET && e.intent() != Intent.AFFIRM) continue;
      for (Words.Word w : Words.of(TextNormaliser.normalise(e.text()))) v.add(w.lemma());
    }
    return new ControlWords(Set.copyOf(v));
  }

  boolean hasContent(String normalised) {
    for (Words.Word w : Words.of(normalised)) {
      if (w.text().length() >= 3 && !vocabulary.contains(w.lemma())) return true;
    }
    return false;
  }
}
