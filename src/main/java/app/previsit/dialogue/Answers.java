package app.previsit.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Everything the patient has told us, plus the stage they are at: the part of the state that
 * "go back" restores. Immutable; every change returns a new value.
 *
 * @param returnToReview true while a section is being redone from the review: its end goes back to review
 * @param alsoMentioned what the patient said that fits no section, kept so that nothing is lost
 * @param focus the index of the concern whose follow-up questions are being asked; null means the newest
 *     (states saved before several concerns could come in one message)
 */
public record Answers(
    Stage stage,
    List<Concern> concerns,
    List<Research> research,
    List<String> questions,
    List<String> goals,
    DecisionRole decisionRole,
    List<String> preferences,
    List<String> medications,
    boolean returnToReview,
    List<String> alsoMentioned,
    Integer focus,
    Stage afterPrintout) {

  public Answers {
    stage = stage == null ? Stage.WELCOME : stage;
    concerns = concerns == null ? List.of() : List.copyOf(concerns);
    research = research == null ? List.of() : List.copyOf(research);
    questions = questions == null ? List.of() : List.copyOf(questions);
    goals = goals == null ? List.of() : List.copyOf(goals);
    preferences = preferences == null ? List.of() : List.copyOf(preferences);
    medications = medications == null ? List.of() : List.copyOf(medications);
    alsoMentioned = alsoMentioned == null ? List.of() : List.copyOf(alsoMentioned);
  }

  public static Answers empty() {
    return new Answers(Stage.WELCOME, List.of(), List.of(), List.of(), List.of(), null, List.of(), List.of(), false,
        List.of(), null, null);
  }

  public Answers at(Stage s) {
    return new Answers(s, concerns, research, questions, goals, decisionRole, preferences, medications, returnToReview,
        alsoMentioned, focus, afterPrintout);
  }

  public Answers reviewing(boolean r) {
    return new Answers(stage, concerns, research, questions, goals, decisionRole, preferences, medications, r,
        alsoMentioned, focus, afterPrintout);
  }

  public Answers withConcerns(List<Concern> c) {
    return new Answers(stage, c, research, questions, goals, decisionRole, preferences, medications, returnToReview,
        alsoMentioned, focus, afterPrintout);
  }

  public Answers addConcern(Concern c) {
    return withConcerns(plus(concerns, c));
  }

  /** Follow-up questions now go to concern {@code index}. */
  public Answers focusedOn(int index) {
    return new Answers(stage, concerns, research, questions, goals, decisionRole, preferences, medications,
        returnToReview, alsoMentioned, index, afterPrintout);
  }

  public int focusIndex() {
    if (concerns.isEmpty()) return -1;
    return focus == null || focus < 0 || focus >= concerns.size() ? concerns.size() - 1 : focus;
  }

  /** The concern being followed up. */
  public Concern focused() {
    int i = focusIndex();
    return i < 0 ? null : concerns.get(i);
  }

  /** Changes the concern being followed up. */
  public Answers updateFocused(UnaryOperator<Concern> change) {
    int i = focusIndex();
    if (i < 0) return this;
    List<Concern> c = new ArrayList<>(concerns);
    c.set(i, change.apply(c.get(i)));
    return withConcerns(c);
  }

  public Concern lastConcern() {
    return concerns.isEmpty() ? null : concerns.get(concerns.size() - 1);
  }

  public Answers withResearch(List<Research> r) {
    return new Answers(stage, concerns, r, questions, goals, decisionRole, preferences, medications, returnToReview,
        alsoMentioned, focus, afterPrintout);
  }

  /**
   * Where the conversation goes on after the questions about a printout sent in the middle of another section
   * (null: on with what they have read).
   */
  public Answers afterPrintout(Stage s) {
    return new Answers(stage, concerns, research, questions, goals, decisionRole, preferences, medications, returnToReview,
        alsoMentioned, focus, s);
  }

  /** Changes the newest research item (a printout the patient described in their own words). */
  public Answers updateLastResearch(UnaryOperator<Research> change) {
    if (research.isEmpty()) return this;
    List<Research> r = new ArrayList<>(research);
    r.set(r.size() - 1, change.apply(r.get(r.size() - 1)));
    return withResearch(r);
  }

  public Answers addResearch(Research r) {
    return withResearch(plus(research, r));
  }

  /** Links questions to the newest research item. */
  public Answers askAboutLastResearch(List<String> q) {
    if (research.isEmpty() || q.isEmpty()) return this;
    List<Research> r = new ArrayList<>(research);
    r.set(r.size() - 1, r.get(r.size() - 1).withQuestions(q));
    return withResearch(r);
  }

  public Answers withQuestions(List<String> q) {
    return new Answers(stage, concerns, research, q, goals, decisionRole, preferences, medications, returnToReview,
        alsoMentioned, focus, afterPrintout);
  }

  public Answers addQuestion(String q) {
    return questions.contains(q) ? this : withQuestions(plus(questions, q));
  }

  public Answers addQuestions(List<String> q) {
    Answers a = this;
    for (String s : q) a = a.addQuestion(s);
    return a;
  }

  public Answers withGoals(List<String> g) {
    return new Answers(stage, concerns, research, questions, g, decisionRole, preferences, medications, returnToReview,
        alsoMentioned, focus, afterPrintout);
  }

  public Answers addGoal(String g) {
    return withGoals(plus(goals, g));
  }

  public Answers addGoals(List<String> g) {
    Answers a = this;
    for (String s : g) if (!a.goals.contains(s)) a = a.addGoal(s);
    return a;
  }

  public Answers withDecisionRole(DecisionRole r) {
    return new Answers(stage, concerns, research, questions, goals, r, preferences, medications, returnToReview,
        alsoMentioned, focus, afterPrintout);
  }

  public Answers withPreferences(List<String> p) {
    return new Answers(stage, concerns, research, questions, goals, decisionRole, p, medications, returnToReview,
        alsoMentioned, focus, afterPrintout);
  }

  public Answers addPreference(String p) {
    return withPreferences(plus(preferences, p));
  }

  public Answers withMedications(List<String> m) {
    return new Answers(stage, concerns, research, questions, goals, decisionRole, preferences, m, returnToReview,
        alsoMentioned, focus, afterPrintout);
  }

  public Answers addMedications(List<String> m) {
    List<String> all = new ArrayList<>(medications);
    for (String x : m) if (!all.contains(x)) all.add(x);
    return withMedications(all);
  }

  public Answers withAlsoMentioned(List<String> also) {
    return new Answers(stage, concerns, research, questions, goals, decisionRole, preferences, medications,
        returnToReview, also, focus, afterPrintout);
  }

  public Answers addAlsoMentioned(String text) {
    if (alsoMentioned.contains(text)) return this;
    return new Answers(stage, concerns, research, questions, goals, decisionRole, preferences, medications,
        returnToReview, plus(alsoMentioned, text), focus, afterPrintout);
  }

  public boolean isEmpty() {
    return concerns.isEmpty() && research.isEmpty() && questions.isEmpty() && goals.isEmpty() && decisionRole == null
        && preferences.isEmpty() && medications.isEmpty() && alsoMentioned.isEmpty();
  }

  private static <T> List<T> plus(List<T> list, T item) {
    List<T> out = new ArrayList<>(list.size() + 1);
    out.addAll(list);
    out.add(item);
    return out;
  }
}
