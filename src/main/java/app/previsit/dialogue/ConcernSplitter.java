package app.previsit.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits one agenda message into the problems it names: "My back's been killing me and I've also been
 * getting headaches" is two concerns, "Heavy periods and feeling tired all the time" two, but "Pain in
 * my right wrist and my fingers go numb" and a long story about one knee are one. A message is split
 * only where the patient marks a new item (a list, "two things", "also", "as well as") or, in a short
 * message, where "and" joins two named problems of different kinds; and a piece is a concern of its
 * own only when it names a problem of a kind not already in the message. Everything else stays with
 * the piece before it, so nothing is lost either way.
 */
final class ConcernSplitter {
  /** A list the patient typed: numbered, bulleted, or one per line. */
  private static final Pattern LIST_ITEM = Pattern.compile("(?m)^\\s*(?:\\d+[.)]|[-*•])\\s+");
  private static final Pattern ENUMERATION = Pattern.compile("(?i)^\\W*(?:there (?:are|is) |i have |i've got |i got |just |"
      + "really )?(?:two|2|three|3|four|a couple of|a few|several|some|few) (?:things|issues|problems|bits|questions)"
      + "(?: really| i'?d like to (?:talk about|discuss|mention)| to (?:talk about|discuss|mention))?\\W*(?:[:\\-–]|,|\\.)\\s*");
  /** Where a new item starts inside a sentence. */
  private static final Pattern NEW_ITEM = Pattern.compile("(?i)(?:\\.|;|,)?\\s+(?:and\\s+)?(?=(?:i'?ve |i have |i'?m |she'?s "
      + "|he'?s |she has |he has |i )?also\\b)|(?:,|;)?\\s+as well as\\s+|;\\s+|(?<=\\.)\\s+(?=(?:and |plus |another thing|"
      + "the other thing|secondly|second|also))|,\\s+(?:and\\s+)?(?=(?:another thing|the other thing|secondly|plus)\\b)");
  /** A piece that is only who it is about ("She's", "I have", "my mum has"): no problem of its own. */
  private static final Pattern SUBJECT_ONLY = Pattern.compile("(?i)(?:and\\s+)?(?:i|i'?ve|i'?m|i have|i am|she|she'?s|she has|"
      + "he|he'?s|he has|they|they'?ve|they have|we|we'?ve|(?:my|our) \\w+(?:'s| has| is)?)[,.]?");
  private static final Pattern AND = Pattern.compile("(?i)\\s+and\\s+|\\s*&\\s*|\\s+n\\s+");
  private static final int SHORT_WORDS = 10;

  private ConcernSplitter() {}

  static List<String> split(String text) {
    String t = text.strip();
    List<String> items = listItems(t);
    if (items.size() >= 2) return keepNamed(items, true);
    var enumeration = ENUMERATION.matcher(t);
    if (enumeration.find()) {
      String rest = t.substring(enumeration.end());
      List<String> pieces = new ArrayList<>();
      for (String s : rest.split("(?<=[.!?])\\s+|,\\s+(?:and\\s+)?|;\\s+|\\s+and\\s+(?:also\\s+)?|\\n+")) {
        if (!s.isBlank()) pieces.add(s.strip());
      }
      List<String> kept = keepNamed(pieces, true);
      return kept.size() >= 2 ? kept : List.of(t);
    }
    List<String> pieces = new ArrayList<>();
    String subject = "";
    for (String s : NEW_ITEM.split(t)) {
      if (s.isBlank()) continue;
      // "She's also had a few falls": the split fell after the subject, which belongs to what follows.
      if (SUBJECT_ONLY.matcher(s.strip()).matches()) {
        subject += s.strip() + " ";
        continue;
      }
      pieces.add(subject + s.strip());
      subject = "";
    }
    if (!subject.isBlank()) pieces.add(subject.strip());
    if (pieces.size() >= 2) {
      List<String> kept = keepNamed(pieces, false);
      // One problem after all: the patient's words exactly as typed.
      if (kept.size() >= 2) return kept;
    }
    if (words(t) <= SHORT_WORDS && !t.contains(",")) {
      String[] sides = AND.split(t);
      if (sides.length == 2 && words(sides[0]) >= 1 && words(sides[1]) >= 2) {
        // Both sides must name a problem, of different kinds: "Heavy periods and feeling tired", not
        // "my knee and hip" or "pain in my wrist and my fingers go numb".
        ConcernTitles.Problem left = ConcernTitles.problemOf(sides[0]);
        ConcernTitles.Problem right = ConcernTitles.problemOf(sides[1]);
        if (left != null && right != null && !left.group().equals(right.group())) {
          return List.of(capital(sides[0].strip()), capital(sides[1].strip()));
        }
      }
    }
    return List.of(t);
  }

  private static List<String> listItems(String t) {
    List<String> items = new ArrayList<>();
    if (LIST_ITEM.matcher(t).find()) {
      for (String s : LIST_ITEM.split(t)) if (!s.isBlank()) items.add(s.strip());
    } else if (t.contains("\n")) {
      for (String s : t.split("\\n+")) if (!s.isBlank()) items.add(s.strip());
    }
    return items;
  }

  /**
   * Pieces that name a problem of a new kind stand alone; the others join the piece before. In a list
   * the patient made the items, so an item naming nothing we know still stands alone ({@code listed}).
   */
  private static List<String> keepNamed(List<String> pieces, boolean listed) {
    List<String> out = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (String p : pieces) {
      String piece = p.replaceFirst("(?i)^(and|plus|also)\\s+", "").replaceAll("[,;]$", "").strip();
      ConcernTitles.Problem problem = ConcernTitles.problemOf(piece);
      boolean alone = out.isEmpty() || (problem != null ? !groups.contains(problem.group()) : listed && words(piece) >= 1);
      if (alone) {
        out.add(capital(piece));
        groups.add(problem == null ? "?" + out.size() : problem.group());
      } else {
        int last = out.size() - 1;
        out.set(last, out.get(last) + (out.get(last).matches(".*[.!?]$") ? " " : ", ") + p.strip());
      }
    }
    return out;
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static int words(String t) {
    return t.isBlank() ? 0 : t.strip().split("\\s+").length;
  }
}
