package app.previsit.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds the questions for the GP inside an answer: "About 3 months - is that a long time for this?"
 * is a duration and a question; "Some advice on stretches, and will I need an x-ray?" an expectation
 * and a question. A question is a sentence (or the last clause of one) that ends in "?" and opens like
 * a question ("is", "could", "will I", "how long"…). "idk maybe endo??" is an unsure answer, not a
 * question. Pure text work, no NLU: the form of a question is what a reader sees too.
 */
final class Asides {
  /** What opens a question. */
  private static final Pattern OPENS_QUESTION = Pattern.compile("(?i)^(?:and |but |so |also |oh |sorry,? |just |plus )*"
      + "(is|are|am|was|were|can|could|will|would|should|shall|do|does|did|has|have|had|how|what|wat|whats|what's"
      + "|why|when|where|which|who|whom|whose|might|may|must|any|isn't|aren't|won't|wouldn't|shouldn't|don't|doesn't"
      + "|can't|cant|r|wud|cud|shud|wil|wots)\\b.*");
  /** An aside: the patient steps out of the question asked to ask their own. */
  private static final Pattern ASIDE = Pattern.compile("(?i)^\\W*(sorry|can i (just )?ask|could i (just )?ask"
      + "|quick question|one (quick )?question|by the way|btw|oh and|also,|actually,? can|i meant to ask|before i forget"
      + "|i wanted to ask|i want to ask|i'?d like to ask|question:)");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");
  private static final Pattern CLAUSE = Pattern.compile("\\s+[-–—]\\s+|[,;:]\\s+|\\s+(?=(?:and|but|or|so) )");

  /** An answer split into what answers the question asked ({@code rest}) and the questions in it. */
  record Split(String rest, List<String> questions) {
    boolean onlyQuestions() {
      return rest.isBlank() && !questions.isEmpty();
    }
  }

  private Asides() {}

  static Split of(String text) {
    List<String> questions = new ArrayList<>();
    StringBuilder rest = new StringBuilder();
    for (String sentence : SENTENCE_END.split(text.strip())) {
      String s = sentence.strip();
      if (s.isEmpty()) continue;
      String q = questionIn(s);
      if (q == null) {
        append(rest, s);
        continue;
      }
      questions.add(tidy(q));
      String before = s.substring(0, s.length() - q.length()).strip().replaceAll("[-–—,;:\\s]+$", "")
          .replaceAll("(?i)\\s+(and|but|or|so)$", "");
      if (!before.isEmpty() && !isOnlyAsideWords(before)) append(rest, before);
    }
    return new Split(rest.toString().strip(), List.copyOf(questions));
  }

  /**
   * A question that is itself the thing to talk about ("Is this mole anything to worry about?"): it
   * names a problem, so at the agenda it is a concern as well as a question.
   */
  static boolean opensWithProblem(String text) {
    return ConcernTitles.problemOf(text) != null;
  }

  /** True when the message begins by stepping aside to ask something ("sorry, can I just ask…"). */
  static boolean isAside(String text) {
    return ASIDE.matcher(text.strip()).find();
  }

  /** The question a sentence ends with (the whole sentence, or its last clause), or null. */
  private static String questionIn(String sentence) {
    if (!sentence.endsWith("?")) return null;
    String body = sentence.replaceFirst("^\\W+", "");
    if (opens(body) || isAside(body)) return sentence;
    // The last clause that opens like a question: "About 3 months - is that a long time?"
    var m = CLAUSE.matcher(sentence);
    int best = -1;
    while (m.find()) {
      String clause = sentence.substring(m.end()).strip();
      if (opens(clause) || isAside(clause)) {
        best = m.end();
        break;
      }
    }
    return best < 0 ? null : sentence.substring(best).strip();
  }

  private static boolean opens(String s) {
    return OPENS_QUESTION.matcher(s.toLowerCase(Locale.ROOT)).matches() && s.replaceAll("[^\\p{L}\\s]", " ").strip()
        .split("\\s+").length >= 2;
  }

  private static boolean isOnlyAsideWords(String s) {
    return s.replaceAll("(?i)\\b(sorry|can|could|i|just|ask|quick|question|by|the|way|btw|oh|and|also|actually|one"
        + "|before|forget|meant|to|wanted|want|like|would)\\b", "").replaceAll("[^\\p{L}\\p{N}]", "").isEmpty();
  }

  /** "and will I need an x-ray?" reads as "Will I need an x-ray?". */
  private static String tidy(String q) {
    String whole = q.strip();
    String t = whole.replaceFirst("(?i)^(and|but|so|also|plus|oh)\\s+", "");
    if (t.isEmpty() || t.equals(whole)) return whole;
    return Character.toUpperCase(t.charAt(0)) + t.substring(1);
  }

  private static void append(StringBuilder b, String s) {
    if (b.length() > 0) b.append(' ');
    b.append(s);
  }
}
