package app.previsit.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;

/** A realistic whole conversation for one simulated patient, drawn at random from the shipped corpus. */
final class PatientScript {
  private static final Properties CORPUS = load();

  private PatientScript() {}

  /** The request bodies of one conversation, in order: {button} or {text}. */
  static List<JsonObject> next(Random r) {
    List<JsonObject> s = new ArrayList<>(24);
    s.add(button("Let's start"));
    s.add(button("None of these"));
    int concerns = 1 + r.nextInt(2);
    for (int i = 0; i < concerns; i++) {
      s.add(text(pick(r, "concern")));
      s.add(text(pick(r, "duration")));
      s.add(text(pick(r, "impact")));
      s.add(text(pick(r, "idea")));
      s.add(text(pick(r, "worry")));
      s.add(text(pick(r, "expectation")));
      s.add(button(i + 1 < concerns ? "Yes, something else" : "No, that's all"));
    }
    if (concerns > 1) s.add(text("the first one"));
    s.add(text(pick(r, "research")));
    s.add(text(pick(r, "question")));
    s.add(button("No, that's all"));
    s.add(button("What are my options?"));
    s.add(text(pick(r, "question")));
    s.add(button("No more questions"));
    s.add(text(pick(r, "goal")));
    s.add(button("That's all"));
    s.add(button(pick(r, "decision")));
    s.add(text(pick(r, "preference")));
    s.add(button("No, that's all"));
    s.add(text(pick(r, "medication")));
    s.add(button("That's all"));
    s.add(button("Confirm and send to my GP"));
    return s;
  }

  private static JsonObject text(String t) {
    return new JsonObject().put("text", t);
  }

  private static JsonObject button(String b) {
    return new JsonObject().put("button", b);
  }

  private static String pick(Random r, String key) {
    String[] options = CORPUS.getProperty(key).split("\\|");
    return options[r.nextInt(options.length)];
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = PatientScript.class.getResourceAsStream("/bench/corpus.properties")) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
