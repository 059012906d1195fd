package app.previsit.dialogue;

import java.util.Locale;

/** The five Control Preferences Scale positions, in the order the buttons show them. */
public enum DecisionRole {
  PATIENT_DECIDES, PATIENT_AFTER_DOCTOR, SHARED, DOCTOR_AFTER_PATIENT, DOCTOR_DECIDES;

  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads a typed answer such as "together", "me", "the doctor", "3". Null when unclear. */
  static DecisionRole fromWords(String raw) {
    String t = " " + raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z' ]", " ") + " ";
    boolean aboutDeciding = t.matches(".*(decid|decision|choos|choice|together|up to|view|opinion|advice| say).*");
    // Beyond a few words ("me", "the doctor", "you decide"), it must speak of deciding: "my back pain keeps me awake" does not.
    if (t.strip().split("\\s+").length > 4 && !aboutDeciding) return null;
    if (t.matches(".* (together|shared|share|both|joint|jointly) .*")) return SHARED;
    int doctor = firstOf(t, " doctor", " gp ", " gp's", " you decide", " the gp");
    // "I" alone is not a position ("since I stopped night shifts"): it must be a decision said by me.
    int me = firstOf(t, " me ", " myself ", " my own ", " i decide", " i'll decide", " i'd decide", " i will decide",
        " i want to decide", " i'd like to decide", " i choose", " i'd rather decide", " i make", " i'd make", " i'll make",
        " i'd like to make", " i'd rather make", " i want to make", " up to me", " my decision", " my choice", " i'd choose",
        " i'll choose");
    boolean after = t.matches(".* (after|hearing|hear|views|view|opinion|listen|listening|advice) .*");
    if (doctor >= 0 && me >= 0 && after) return me < doctor ? PATIENT_AFTER_DOCTOR : DOCTOR_AFTER_PATIENT;
    if (doctor >= 0) return DOCTOR_DECIDES;
    if (me >= 0) return PATIENT_DECIDES;
    return null;
  }

  private static int firstOf(String t, String... words) {
    int best = -1;
    for (String w : words) {
      int i = t.indexOf(w);
      if (i >= 0 && (best < 0 || i < best)) best = i;
    }
    return best;
  }
}
