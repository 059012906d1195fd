package app.previsit.alerts;

import java.util.Map;

/** A red-flag category as staff read it on an alert or a summary. */
public final class RedFlagWords {
  private static final Map<String, String> WORDS = Map.ofEntries(
      Map.entry("cardiac", "Chest pain (possible heart attack)"),
      Map.entry("stroke", "Possible stroke"),
      Map.entry("breathing", "Severe breathing difficulty"),
      Map.entry("anaphylaxis", "Severe allergic reaction"),
      Map.entry("suicide", "Suicidal thoughts or self-harm"),
      Map.entry("overdose", "Overdose or poisoning"),
      Map.entry("bleeding", "Heavy bleeding"),
      Map.entry("seizure", "Seizure"),
      Map.entry("sepsis", "Possible sepsis or meningitis"),
      Map.entry("collapse", "Collapse or serious injury"),
      Map.entry("diabetic", "Very high or low blood sugar"),
      Map.entry("headache", "Sudden severe headache"),
      Map.entry("abdominal", "Severe abdominal pain"),
      Map.entry("screen", "Emergency symptom ticked at the start"));

  private RedFlagWords() {}

  public static String of(String category) {
    if (category == null) return "Emergency";
    return WORDS.getOrDefault(category, "Emergency (" + category + ")");
  }
}
