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

  private Scores() {}

  static Integer of(String text, Analysis a) {
    Integer fromEntity = null;
    boolean digit = false;
    if (a != null && !a.entities("score").isEmpty()) {
      var e = a.entities("score").get(0);
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
