package app.previsit.nlu;

import java.util.List;

/**
 * Decides whether one part of a message describes an emergency now, and which. Two ways to find a
 * mention — clinical {@link Concepts} over the words, and the {@link EmergencyHead} over the part's
 * encoder vector — then {@link Guards} decide whether it stands. A concept that the guards cancel
 * (a negation, the past) also silences the encoder unless the encoder is nearly certain, because the
 * words said clearly why it is not one. The encoder's view is three votes (the head's classifier, its
 * nearest training lines, the intent model) combined in {@link #encoderFinds}. Immutable, so thread-safe.
 */
final class SafetyNet {
  /** The verdict on one part: whether it raises the red flag, the category, and why (for eval). */
  record Verdict(boolean redFlag, String category, String via, Guards.Reason cancelledBy, double encoderScore) {
    static final Verdict NONE = new Verdict(false, null, null, null, 0);
  }

  /** Categories whose classifier finds need no second opinion from the nearest lines. */
  private static final java.util.Set<String> UNCONFIRMED = java.util.Set.of("suicide", "overdose");
  /** A classifier score at which the nearest lines are not asked. */
  static final double SURE = 0.8;
  /** The weighted share of emergencies among the nearest training lines that confirms the classifier. */
  static final double NEIGHBOURS_AGREE = 0.4;
  /**
   * For suicide and overdose the nearest lines are asked only whether they are nearly all against it ("I didn't
   * want to make a fuss": classifier 0.76 suicide, nearest lines 0.10), and not when the classifier is sure (a
   * review: "I took 2 weeks worth of my blood pressure pills together because i'm done", 0.93 / 0.11). Measured by `eval --safety-folds 5` with
   * the averaged heads, 2026-12-07 (fourth session): no emergency lost (1,926 of 1,981 both), other intents' lines
   * raising the flag 60 -> 58 of 2,791, the second blind set's false alarms 40 -> 39 of 270.
   */
  static final double NEIGHBOURS_NOT_AGAINST = 0.15;
  /** The intent model's probability of an emergency below which the encoder's find is not confirmed. */
  static final double INTENT_AGREES = 0.1;
  /** The nearest lines' emergency share that finds an emergency with a weaker classifier score, and its minimums. */
  static final double LINES_ALONE = 0.8;
  static final double LINES_ALONE_REGRESSION = 0.1;
  static final double LINES_ALONE_INTENT = 0.2;
  /**
   * Suicide, the category the blind sets miss most, is also found where the classifier only leans
   * towards it (≥ 0.3) and the intent model agrees a little more (≥ 0.2). Chosen by `eval --safety-folds 5`
   * on 2026-12-07: 155 -> 158 of 170 suicide lines, for 2 more of 1,021 near-misses and 2 more of 2,791
   * other lines.
   */
  static final double SUICIDE_LEANS = 0.3;
  static final double SUICIDE_LEANS_INTENT = 0.2;

  private final Concepts concepts;
  private final EmergencyHead head;
  private final double threshold;
  private final double overrideThreshold;

  SafetyNet(Concepts concepts, EmergencyHead head, double threshold, double overrideThreshold) {
    this.concepts = concepts;
    this.head = head;
    this.threshold = threshold;
    this.overrideThreshold = overrideThreshold;
  }

  /**
   * @param normalised the part, normalised ({@link TextNormaliser})
   * @param vector its encoder vector, or null to use the concepts alone
   * @param intentEmergency the intent model's probability that the part is an emergency (1 with no vector)
   */
  Verdict check(String normalised, float[] vector, double intentEmergency) {
    // The guards read the part alone, not its whole sentence: measured on the blind set, reading the
    // sentence ("years ago …, and his face dropped") cut false alarms but missed more emergencies.
    List<Words.Word> words = Words.of(normalised);
    Guards.Reason firstCancel = null;
    for (Concepts.Match m : concepts.find(words)) {
      Guards.Reason r = Guards.check(normalised, words, m);
      if (r == null) return new Verdict(true, m.category(), "concept", null, 0);
      if (firstCancel == null) firstCancel = r;
    }
    if (vector == null || !concepts.mentionsClinicalWord(words)) {
      return firstCancel == null ? Verdict.NONE : new Verdict(false, null, null, firstCancel, 0);
    }
    EmergencyHead.Score s = head.score(vector);
    if (!encoderFinds(s, vector, intentEmergency, firstCancel == null)) {
      return new Verdict(false, null, null, firstCancel, s.emergency());
    }
    // Over a guard-cancelled concept the encoder had to be nearly certain (overrideThreshold): asking the same
    // guards again would cancel it again ("im going to kill my self tonight", 1.00), so only a denial of the
    // whole clause still counts.
    Guards.Reason r = firstCancel == null ? Guards.encoderReason(normalised, s.category())
        : Guards.clauseDenial(normalised);
    if (r != null) return new Verdict(false, null, null, r, s.emergency());
    return new Verdict(true, s.category(), "encoder", null, s.emergency());
  }

  /** Whether a normalised text uses a word the concepts use: only then is the encoder asked about it. */
  boolean mentionsClinicalWord(String normalised) {
    return concepts.mentionsClinicalWord(Words.of(normalised));
  }

  /** The weighted share of emergencies among the nearest training lines ({@link EmergencyHead#neighbourShare}). */
  double nearestLinesShare(float[] vector) {
    return head.neighbourShare(vector);
  }

  /** Whether the nearest training lines lean to an emergency as much as they must to confirm the classifier. */
  boolean nearestLinesAgree(float[] vector) {
    return head.neighbourShare(vector) >= NEIGHBOURS_AGREE;
  }

  /**
   * Whether the encoder's views find an emergency in a clause: the head's classifier (a logistic regression
   * until 2026-12-07, a hidden layer since; the thresholds were chosen for the regression and kept), confirmed by the nearest
   * lines (unless it is sure) and by the intent model; or, where no concept was cancelled, the nearest
   * lines nearly all emergencies while the classifier only leans that way ("there's a rope in the
   * garage": regression 0.19, nearest lines 0.94), because a regression over a few thousand lines
   * draws one boundary for all the indirect ways of saying it. Thresholds chosen by `eval
   * --safety-folds 5` (own lines, head trained without the fold): the confirmations took other intents'
   * lines raising the flag 45 -> 29 of 1,736 for 2 of 1,162 emergencies; the nearest-lines route gained 7
   * of 1,422 emergencies for 6 of 2,426 other lines.
   */
  private boolean encoderFinds(EmergencyHead.Score s, float[] vector, double intentEmergency, boolean nothingCancelled) {
    double score = s.emergency(); // the head's classifier
    double needed = nothingCancelled ? threshold : overrideThreshold;
    if (score >= needed) {
      // Suicide and overdose are said in too many indirect ways for the nearest lines to know them all
      // ("I can't keep myself safe right now": regression 0.73, nearest lines 0.39): only the intent model
      // is asked, never more strictly than for the other categories.
      if (UNCONFIRMED.contains(s.category())) {
        return intentEmergency >= INTENT_AGREES && (score >= SURE || head.neighbourShare(vector) >= NEIGHBOURS_NOT_AGAINST);
      }
      return intentEmergency >= INTENT_AGREES && (score >= SURE || head.neighbourShare(vector) >= NEIGHBOURS_AGREE);
    }
    if (!nothingCancelled) return false;
    if (s.category().equals("suicide") && score >= SUICIDE_LEANS && intentEmergency >= SUICIDE_LEANS_INTENT) {
      return true;
    }
    return score >= LINES_ALONE_REGRESSION && intentEmergency >= LINES_ALONE_INTENT
        && head.neighbourShare(vector) >= LINES_ALONE;
  }
}
