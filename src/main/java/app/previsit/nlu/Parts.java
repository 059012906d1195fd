package app.previsit.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a message into parts: sentences (OpenNLP's detector), then clauses where one sentence carries
 * two things — "…, and my blood pressure was 165 over 100", "…; also …", "… and I'm on ramipril".
 * Works on the original text so each part keeps the patient's own words.
 */
final class Parts {
  /**
   * A clause starts after ", and", ", but", ", also", ", plus", ";", or " and " / " also " before a
   * new subject (my, I, the, he, she, it, there, we, our).
   */
  private static final Pattern CLAUSE = Pattern.compile(
      "(?i)(\\s*[,;]\\s*(?:and|but|also|plus|oh and)\\s+|\\s*;\\s*|\\s+(?:and also|and|also|plus)\\s+"
      + "(?=(?:my|i|i'm|im|i've|ive|i'd|the|he|she|it's|there's|we|our)\\b)|[,.]?\\s+also[,:]?\\s+(?=\\w)"
      + "|\\s+but (?=now\\b))");
  private static final int MIN_PART_CHARS = 8;

  private Parts() {}

  /** One part and the sentence it came from. */
  record Piece(String text, String sentence) {}

  static List<Piece> split(String text, Tokenization tokenization) {
    List<Piece> out = new ArrayList<>();
    String[] sentences = text.length() < 40 && text.indexOf('.') < 0 && text.indexOf('?') < 0
        ? new String[] {text} : tokenization.sentences(text);
    for (String sentence : sentences) {
      for (String clause : clauses(sentence)) {
        String c = clause.strip();
        if (c.isEmpty()) continue;
        // A fragment too short to stand on its own stays with the part before it.
        if (c.length() < MIN_PART_CHARS && !out.isEmpty()) {
          Piece last = out.get(out.size() - 1);
          out.set(out.size() - 1, new Piece(last.text() + " " + c, last.sentence()));
        } else {
          out.add(new Piece(c, sentence.strip()));
        }
      }
    }
    if (out.isEmpty()) out.add(new Piece(text.strip(), text.strip()));
    return out;
  }

  private static List<String> clauses(String sentence) {
    List<String> out = new ArrayList<>();
    Matcher m = CLAUSE.matcher(sentence);
    int from = 0;
    while (m.find()) {
      if (m.start() - from >= MIN_PART_CHARS) {
        out.add(sentence.substring(from, m.start()));
        from = m.end();
      }
    }
    out.add(sentence.substring(from));
    return out;
  }
}
