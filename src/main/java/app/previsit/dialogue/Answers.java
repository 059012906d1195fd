package app.previsit.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Everything the patient has told us, plus the stage they are at: the part of the state that
 * "go back" restores. Immutable; every change returns a new value.
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
    /** True while a section is being redone from the review: its end goes back to review. */
    boolean returnToReview) {

  public Answers {
    stage = stage == null ? Stage.WELCOME : stage;
    concerns = concerns == null ? List.of() : List.copyOf(concerns);
    research = research == null ? List.of() : List.copyOf(research);
    questions = questions == null ? List.of() : List.copyOf(questions);
    goals = goals == null ? List.of() : List.copyOf(goals);
    preferences = preferences == null ? List.of() : List.copyOf(preferences);
    medications = medications == null ? List.of() : List.copyOf(medications);
  }

  public static Answers empty() {
    return new Answers(Stage.WELCOME, List.of(), List.of(), List.of(), List.of(), null, List.of(), List.of(), false);
  }

  public Answers at(Stage s) {
    return new Answers(s, concerns, research, questions, goals, decisionRole, preferences, medications, returnToReview);
  }

  public Answers reviewing(boolean r) {
    return new Answers(stage, concerns, research, questions, goals, decisionRole, preferences, medications, r);
  }

  public Answers withConcerns(List<Concern> c) {
    return new Answers(stage, c, research, questions, goals, decisionRole, preferences, medications, returnToReview);
  }

  public Answers addConcern(Concern c) {
    return withConcerns(plus(concerns, c));
  }

  /** Changes the concern being followed up (the newest one). */
  public Answers updateLastConcern(UnaryOperator<Concern> change) {
    if (concerns.isEmpty()) return this;
    List<Concern> c = new ArrayList<>(concerns);
    c.set(c.size() - 1, change.apply(c.get(c.size() - 1)));
    return withConcerns(c);
  }

  public Concern lastConcern() {
    return concerns.isEmpty() ? null : concerns.get(concerns.size() - 1);
  }

  public Answers withResearch(List<Research> r) {
    return new Answers(stage, concerns, r, questions, goals, decisionRole, preferences, medications, returnToReview);
  }

  public Answers addResearch(Research r) {
    return withResearch(plus(research, r));
  }

  public Answers withQuestions(List<String> q) {
    return new Answers(stage, concerns, research, q, goals, decisionRole, preferences, medications, returnToReview);
  }

  public Answers addQuestion(String q) {
    return withQuestions(plus(questions, q));
  }

  public Answers withGoals(List<String> g) {
    return new Answers(stage, concerns, research, questions, g, decisionRole, preferences, medications, returnToReview);
  }

  public Answers addGoal(String g) {
    return withGoals(plus(goals, g));
  }

  public Answers withDecisionRole(DecisionRole r) {
    return new Answers(stage, concerns, research, questions, goals, r, preferences, medications, returnToReview);
  }

  public Answers withPreferences(List<String> p) {
    return new Answers(stage, concerns, research, questions, goals, decisionRole, p, medications, returnToReview);
  }

  public Answers addPreference(String p) {
    return withPreferences(plus(preferences, p));
  }

  public Answers withMedications(List<String> m) {
    return new Answers(stage, concerns, research, questions, goals, decisionRole, preferences, m, returnToReview);
  }

  public Answers addMedications(List<String> m) {
    List<String> all = new ArrayList<>(medications);
    for (String x : m) if (!all.contains(x)) all.add(x);
    return withMedications(all);
  }

  public boolean isEmpty() {
    return concerns.isEmpty() && research.isEmpty() && questions.isEmpty() && goals.isEmpty() && decisionRole == null
        && preferences.isEmpty() && medications.isEmpty();
  }

  private static <T> List<T> plus(List<T> list, T item) {
    List<T> out = new ArrayList<>(list.size() + 1);
    out.addAll(list);
    out.add(item);
    return out;
  }
}
