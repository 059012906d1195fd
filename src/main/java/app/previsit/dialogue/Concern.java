package app.previsit.dialogue;

/**
 * One thing the patient wants to talk about, with the follow-ups (ICE: ideas, concerns, expectations).
 * {@code text} is the patient's own words; {@code title} a short name made from them ("Lower back pain"),
 * used in buttons, the priority question, the review and the GP's agenda. States saved before titles
 * existed have none: {@link #title()} then makes one from the text.
 */
public record Concern(String text, String duration, Integer severity, String idea, String worry, String expectation,
    String title) {
  public static Concern of(String text) {
    return new Concern(text, null, null, null, null, null, ConcernTitles.of(text));
  }

  @Override
  public String title() {
    return title == null || title.isBlank() ? ConcernTitles.of(text) : title;
  }

  public Concern withDuration(String d) { return new Concern(text, d, severity, idea, worry, expectation, title); }
  public Concern withSeverity(Integer s) { return new Concern(text, duration, s, idea, worry, expectation, title); }
  public Concern withIdea(String i) { return new Concern(text, duration, severity, i, worry, expectation, title); }
  public Concern withWorry(String w) { return new Concern(text, duration, severity, idea, w, expectation, title); }
  public Concern withExpectation(String e) { return new Concern(text, duration, severity, idea, worry, e, title); }
}
