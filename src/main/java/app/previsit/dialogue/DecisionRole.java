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
    if (t.matches(".* (together|shared|share|both|joint|jointly) .*")) return SHARED;
    int doctor = firstOf(t, " doctor", " gp ", " gp's", " you decide", " the gp");
    int me = firstOf(t, " i ", " i'll ", " i'd ", " me ", " myself ", " my own ");
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
