package app.previsit.dialogue;

import app.previsit.nlu.Analysis;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 0–10 impact score in an answer. A number the patient gives wins over a describing word: "pretty
 * bad tbh, like seven outta ten" is 7, not the 6 that "pretty bad" alone would be.
 */
final class Scores {
  private static final List<String> WORDS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
      "nine", "ten");
  private static final Pattern NUMBER_WORD = Pattern.compile("(?i)\\b(zero|one|two|three|four|five|six|seven|eight|nine"
      + "|ten)\\b(?!\\s+(?:of|days?|weeks?|months?|years?|times?|hours?|minutes?|tablets?|puffs?))");

  /** "Some days a 3, other days a 7, so let's call it 6 overall": the number after the verdict is the answer. */
  private static final Pattern VERDICT = Pattern.compile("(?i)\\b(call it|overall|on average|average|all in all"
      + "|(i'?d|i would|let'?s) say|so (about|around|maybe)|most of the time|mostly|usually)\\b");

  private Scores() {}

  private static app.previsit.nlu.Entity concluding(String text, List<app.previsit.nlu.Entity> scores) {
    if (scores.size() > 1) {
      Matcher v = VERDICT.matcher(text);
      while (v.find()) {
        String tail = text.substring(v.start()).toLowerCase(Locale.ROOT);
        for (var e : scores) if (tail.matches("(?s).*\\b" + Pattern.quote(e.text().toLowerCase(Locale.ROOT)) + "\\b.*")) return e;
      }
    }
    return scores.get(0);
  }

  static Integer of(String text, Analysis a) {
    Integer fromEntity = null;
    boolean digit = false;
    if (a != null && !a.entities("score").isEmpty()) {
      var e = concluding(text, a.entities("score"));
      try {
        fromEntity = Integer.valueOf(e.value());
        digit = e.text().chars().anyMatch(Character::isDigit);
      } catch (NumberFormatException ignored) {
        fromEntity = null;
      }
    }
    if (digit) return fromEntity;
    Matcher m = NUMBER_WORD.matcher(text);
    if (m.find() && (fromEntity != null || text.strip().split("\\s+").length <= 8
        || text.toLowerCase(Locale.ROOT).matches(".*\\b(out of|outta|/)\\s*(10|ten)\\b.*"))) {
      return WORDS.indexOf(m.group(1).toLowerCase(Locale.ROOT));
    }
    return fromEntity;
  }
}
