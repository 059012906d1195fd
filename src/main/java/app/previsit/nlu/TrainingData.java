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
    return lines("intents/near_miss.txt");
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
      for (String line : lines(folder + intent.label() + ".txt")) out.add(new Example(intent, line));
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
