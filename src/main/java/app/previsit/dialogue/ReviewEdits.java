package app.previsit.dialogue;

import app.previsit.nlu.Analysis;
import app.previsit.nlu.Entity;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Applies a {@link PatientInput.ReviewEdit} to the answers: one item changed or removed, everything
 * else as it was. A changed concern keeps its follow-ups (how long, how much, what they think) and gets
 * a title from its new words; changed research keeps its attachments and questions and reads its links
 * again. Pure; null when the edit names no item.
 */
final class ReviewEdits {
  private ReviewEdits() {}

  /**
   * @param analysis the NLU's reading of the new words (null for a removal), for the links in research
   * @param decisionChoices the decision buttons, in {@link DecisionRole} order
   */
  static Answers apply(Answers a, PatientInput.ReviewEdit e, Analysis analysis, List<String> decisionChoices) {
    String t = e.removes() ? null : e.text().strip();
    int i = e.index();
    return switch (e.section() == null ? "" : e.section()) {
      case ReviewSheet.CONCERNS -> edited(a.concerns(), i, t, c -> changedConcern(c, t), a::withConcerns);
      case ReviewSheet.RESEARCH -> edited(a.research(), i, t, r -> changedResearch(r, t, analysis), a::withResearch);
      case ReviewSheet.QUESTIONS -> edited(a.questions(), i, t, q -> t, a::withQuestions);
      case ReviewSheet.GOALS -> edited(a.goals(), i, t, g -> t, a::withGoals);
      case ReviewSheet.PREFERENCES -> edited(a.preferences(), i, t, p -> t, a::withPreferences);
      case ReviewSheet.MEDICATIONS -> edited(a.medications(), i, t, m -> t, a::withMedications);
      case ReviewSheet.ALSO_MENTIONED -> edited(a.alsoMentioned(), i, t, x -> t, a::withAlsoMentioned);
      case ReviewSheet.DECISION -> decision(a, i, t, decisionChoices);
      default -> null;
    };
  }

  private static <T> Answers edited(List<T> items, int index, String text, UnaryOperator<T> change,
      java.util.function.Function<List<T>, Answers> with) {
    if (index < 0 || index >= items.size()) return null;
    List<T> out = new ArrayList<>(items);
    if (text == null) out.remove(index);
    else out.set(index, change.apply(out.get(index)));
    return with.apply(out);
  }

  private static Concern changedConcern(Concern c, String t) {
    return new Concern(t, c.duration(), c.severity(), c.idea(), c.worry(), c.expectation(), ConcernTitles.of(t));
  }

  private static Research changedResearch(Research r, String t, Analysis a) {
    List<String> sources = new ArrayList<>();
    if (a != null) {
      for (Entity x : a.entities("url")) sources.add(x.value());
      if (sources.isEmpty()) for (Entity x : a.entities("site")) sources.add(x.value());
    }
    // A printout keeps what was read from it (its title and words) beside the patient's new description.
    return new Research(t, sources, r.attachments(), ResearchReader.source(t), ResearchReader.topic(t), r.questions(),
        r.title(), r.extractedText());
  }

  /** The one decision item: removed, or changed to one of the five positions (a button's words or typed ones). */
  private static Answers decision(Answers a, int index, String t, List<String> choices) {
    if (index != 0 || a.decisionRole() == null) return null;
    if (t == null) return a.withDecisionRole(null);
    int choice = choices.indexOf(t);
    DecisionRole role = choice >= 0 && choice < DecisionRole.values().length ? DecisionRole.values()[choice]
        : DecisionRole.fromWords(t);
    return role == null ? null : a.withDecisionRole(role);
  }
}
