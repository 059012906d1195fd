package app.previsit.nlu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Labelled examples from intents/ on the class path: one file per label, '#' comments. */
public final class TrainingData {
  /** One labelled utterance. */
  public record Example(Intent intent, String text) {}

  /**
   * A line of the safety data: for emergencies the category (cardiac, stroke, …), for near-misses
   * the kind (negated, past, reported, …).
   */
  public record Labelled(String label, String text) {}

  private TrainingData() {}

  /** The training set: intents/&lt;label&gt;.txt. */
  public static List<Example> training() {
    return load("intents/");
  }

  /** The held-out set training never sees: intents/test/&lt;label&gt;.txt. */
  public static List<Example> heldOut() {
    return load("intents/test/");
  }

  /** Utterances that mention emergencies but are not one now (negations, the past, relatives, idioms). */
  public static List<String> nearMisses() {
    return nearMissesByKind().stream().map(Labelled::text).toList();
  }

  /** intents/near_miss.txt: kind&lt;TAB&gt;text. */
  public static List<Labelled> nearMissesByKind() {
    return labelled("intents/near_miss.txt");
  }

  /** intents/emergency.txt: category&lt;TAB&gt;text. */
  public static List<Labelled> emergencies() {
    return labelled("intents/emergency.txt");
  }

  /** The blind held-out emergencies (intents/test/blind/emergencies.tsv): category&lt;TAB&gt;text. Never trained on. */
  public static List<Labelled> blindEmergencies() {
    return labelled("intents/test/blind/emergencies.tsv");
  }

  /** The blind held-out near-misses (intents/test/blind/near_misses.tsv): kind&lt;TAB&gt;text. Never trained on. */
  public static List<Labelled> blindNearMisses() {
    return labelled("intents/test/blind/near_misses.tsv");
  }

  /** The second blind emergencies (intents/test/blind2/, written 2026-12-07): category&lt;TAB&gt;text. Never trained on. */
  public static List<Labelled> secondBlindEmergencies() {
    return labelled("intents/test/blind2/emergencies.tsv");
  }

  /** The second blind near-misses (intents/test/blind2/): kind&lt;TAB&gt;text. Never trained on. */
  public static List<Labelled> secondBlindNearMisses() {
    return labelled("intents/test/blind2/near_misses.tsv");
  }

  /**
   * The third blind set (intents/test/blind3/, written 2026-12-07): ordinary GP talk in the emergencies'
   * words, kind&lt;TAB&gt;text. None is an emergency. Never trained on.
   */
  public static List<Labelled> thirdBlindOrdinary() {
    return labelled("intents/test/blind3/ordinary.tsv");
  }

  /**
   * The fourth blind set (intents/test/blind4/, written 2026-12-07, fifth session): ordinary talk about taking
   * medicines, routine&lt;TAB&gt;text. None is an emergency. Never trained on.
   */
  public static List<Labelled> fourthBlindMedicines() {
    return labelled("intents/test/blind4/ordinary_meds.tsv");
  }

  /**
   * The fifth blind set (intents/test/blind5/, written 2026-12-08): emergencies, category&lt;TAB&gt;text, said as answers
   * to the bot's own questions. Never trained on.
   */
  public static List<Labelled> fifthBlindEmergencies() {
    return labelled("intents/test/blind5/emergencies.tsv");
  }

  /** The fifth blind set's near-misses (intents/test/blind5/): kind&lt;TAB&gt;text. Never trained on. */
  public static List<Labelled> fifthBlindNearMisses() {
    return labelled("intents/test/blind5/near_misses.tsv");
  }

  /** The blind held-out intents (intents/test/blind/heldout.tsv): intent&lt;TAB&gt;text. Never trained on. */
  public static List<Example> blindIntents() {
    List<Example> out = new ArrayList<>();
    for (Labelled l : labelled("intents/test/blind/heldout.tsv")) out.add(new Example(Intent.fromLabel(l.label()), l.text()));
    return out;
  }

  private static List<Labelled> labelled(String resource) {
    List<Labelled> out = new ArrayList<>();
    for (String line : lines(resource)) {
      int tab = line.indexOf('\t');
      if (tab < 0) throw new IllegalStateException(resource + ": expected label<TAB>text, got a line without a tab");
      out.add(new Labelled(line.substring(0, tab).strip(), line.substring(tab + 1).strip()));
    }
    return out;
  }

  /** A TSV of intent&lt;TAB&gt;text; bad lines are reported by number. */
  public static List<Example> fromTsv(Path file) throws IOException {
    List<Example> out = new ArrayList<>();
    int n = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      n++;
      if (line.isBlank() || line.startsWith("#")) continue;
      int tab = line.indexOf('\t');
      if (tab < 0) throw new IllegalArgumentException(file + " line " + n + ": expected intent<TAB>text");
      try {
        out.add(new Example(Intent.fromLabel(line.substring(0, tab)), line.substring(tab + 1).trim()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + " line " + n + ": unknown intent '" + line.substring(0, tab) + "'");
      }
    }
    return out;
  }

  private static List<Example> load(String folder) {
    List<Example> out = new ArrayList<>();
    for (Intent intent : Intent.values()) {
      for (String line : lines(folder + intent.label() + ".txt")) {
        // The training emergencies carry their category before a tab; the intent is the same.
        int tab = line.indexOf('\t');
        out.add(new Example(intent, tab < 0 ? line : line.substring(tab + 1).strip()));
      }
    }
    return out;
  }

  static List<String> lines(String resource) {
    InputStream in = TrainingData.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) throw new IllegalStateException("training data missing from the class path: " + resource);
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("#")) out.add(t);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
