package app.previsit.dialogue;

import java.util.ArrayList;
import java.util.List;

/** The question the bot asks at each stage, with its buttons. */
final class Prompts {
  private final Messages m;
  private final ReviewText review;

  Prompts(Messages m) {
    this.m = m;
    this.review = new ReviewText(m);
  }

  ReviewText review() {
    return review;
  }

  Reply of(Conversation c) {
    Answers a = c.answers();
    return switch (c.stage()) {
      case WELCOME -> new Reply(m.text("welcome", "name", c.patientName()), m.buttons("welcome.buttons"));
      case SAFETY -> new Reply(m.text("safety.ask"), m.buttons("safety.buttons"));
      case AGENDA -> Reply.of(m.text(a.concerns().isEmpty() ? "agenda.ask" : "agenda.next"));
      case CONCERN_DURATION -> Reply.of(about(a) + m.text("concern.duration"));
      case CONCERN_IMPACT -> new Reply(about(a) + m.text("concern.impact"), m.buttons("concern.impact.buttons"));
      case CONCERN_IDEA -> Reply.of(m.text("concern.idea"));
      case CONCERN_WORRY -> Reply.of(m.text("concern.worry"));
      case CONCERN_EXPECTATION -> Reply.of(m.text("concern.expectation"));
      case AGENDA_MORE -> new Reply(m.text("agenda.more"), m.buttons("agenda.more.buttons"));
      case PRIORITY -> new Reply(m.text("priority.ask"), priorityButtons(a));
      case RESEARCH -> new Reply(m.text("research.ask"), m.buttons("research.buttons"));
      case RESEARCH_QUESTION -> new Reply(m.text("research.question"), m.buttons("research.question.buttons"));
      case RESEARCH_MORE -> new Reply(m.text("research.more"), m.buttons("research.more.buttons"));
      case PRINTOUT_CHECK -> new Reply(printoutCheck(a), m.buttons("printout.check.buttons"));
      case PRINTOUT_ABOUT -> new Reply(m.text(lastReadable(a) ? "printout.about" : "printout.unreadable"),
          m.buttons("printout.about.buttons"));
      case QUESTIONS -> new Reply(m.text(a.questions().isEmpty() ? "questions.ask" : "questions.more"), questionButtons(a));
      case GOALS -> new Reply(m.text("goals.ask"), m.buttons("goals.buttons"));
      case GOALS_MORE -> new Reply(m.text("goals.more"), m.buttons("goals.buttons"));
      case DECISION -> new Reply(m.text("decision.ask"), m.buttons("decision.buttons"));
      case PREFERENCES -> new Reply(m.text("preferences.ask"), m.buttons("preferences.buttons"));
      case PREFERENCES_MORE -> new Reply(m.text("preferences.more"), m.buttons("preferences.more.buttons"));
      case MEDICATIONS -> new Reply(m.text("medications.ask"), m.buttons("medications.buttons"));
      case MEDICATIONS_MORE -> new Reply(m.text("medications.more"), m.buttons("medications.more.buttons"));
      case REVIEW -> new Reply(m.text("review.intro") + "\n\n" + review.of(c) + "\n\n" + m.text("review.ask"),
          m.buttons("review.buttons"));
      case REVIEW_CHANGE -> new Reply(m.text("review.change"), m.buttons("review.change.buttons"));
      case DONE -> Reply.of(m.text("done.after"));
      case EMERGENCY -> new Reply(m.text("emergency.hold"), m.buttons("emergency.buttons"));
      case STOPPED -> new Reply(m.text("stop.after"), m.buttons("stop.buttons"));
      case CONFIRM_FORGET -> new Reply(m.text("forget.ask"), m.buttons("forget.buttons"));
      case FORGOTTEN -> Reply.of(m.text("forget.done"));
    };
  }

  /** "This looks like an NHS web page: “Sciatica”. Is that right?" */
  private String printoutCheck(Answers a) {
    Research r = a.research().isEmpty() ? null : a.research().get(a.research().size() - 1);
    String what = r == null ? "a printed page" : r.text().replaceFirst("^(Photo|Document) of a printout: ", "");
    return m.text("printout.check", "what", what);
  }

  private static boolean lastReadable(Answers a) {
    return !a.research().isEmpty() && a.research().get(a.research().size() - 1).extractedText() != null;
  }

  /** Ask 3 Questions and BRAN not yet chosen, then the "done" button last. */
  private List<String> questionButtons(Answers a) {
    List<String> b = new ArrayList<>();
    for (String s : m.buttons("questions.suggestions")) if (!a.questions().contains(s)) b.add(s);
    b.add(m.text("questions.done.button"));
    return b;
  }

  private static String about(Answers a) {
    Concern c = a.focused();
    return c == null ? "" : "About \"" + c.title() + "\": ";
  }

  /** The concerns' titles; two alike are told apart by their number, so each button picks one concern. */
  private static List<String> priorityButtons(Answers a) {
    List<String> b = new ArrayList<>();
    for (Concern c : a.concerns()) {
      String t = c.title();
      b.add(b.contains(t) ? t + " (" + (b.size() + 1) + ")" : t);
    }
    return b;
  }

  /** "A", "A and B", "A, B and C". */
  static String and(List<String> items) {
    if (items.size() <= 1) return items.isEmpty() ? "" : items.get(0);
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }

  static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57).strip() + "…";
  }
}
