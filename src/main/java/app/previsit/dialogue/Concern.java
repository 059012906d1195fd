package app.previsit.dialogue;

/** One thing the patient wants to talk about, with the follow-ups (ICE: ideas, concerns, expectations). */
public record Concern(String text, String duration, Integer severity, String idea, String worry, String expectation) {
  public static Concern of(String text) {
    return new Concern(text, null, null, null, null, null);
  }

  public Concern withDuration(String d) { return new Concern(text, d, severity, idea, worry, expectation); }
  public Concern withSeverity(Integer s) { return new Concern(text, duration, s, idea, worry, expectation); }
  public Concern withIdea(String i) { return new Concern(text, duration, severity, i, worry, expectation); }
  public Concern withWorry(String w) { return new Concern(text, duration, severity, idea, w, expectation); }
  public Concern withExpectation(String e) { return new Concern(text, duration, severity, idea, worry, e); }
}
