package app.previsit.dialogue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds which offered button a typed answer means: the exact label, its number ("2"), an ordinal
 * ("the third one"), or, for choices among the patient's own concerns, part of one of them ("the back"
 * picks "Lower back pain").
 */
final class ButtonMatcher {
  private static final Map<String, Integer> ORDINALS = Map.ofEntries(
      Map.entry("first", 1), Map.entry("second", 2), Map.entry("third", 3), Map.entry("fourth", 4),
      Map.entry("fifth", 5), Map.entry("sixth", 6), Map.entry("seventh", 7), Map.entry("last", -1),
      Map.entry("1st", 1), Map.entry("2nd", 2), Map.entry("3rd", 3), Map.entry("4th", 4), Map.entry("5th", 5));
  /** Words that say nothing about which item: "probably the back one I think". */
  private static final Set<String> EMPTY = Set.of("the", "my", "one", "a", "an", "i", "think", "probably", "please",
      "its", "it's", "it", "is", "that", "this", "about", "definitely", "most", "main", "mainly", "thing", "really",
      "her", "his", "their", "mum's", "dad's", "for", "me", "of", "start", "with", "first", "say", "id", "i'd", "and", "ok");

  private ButtonMatcher() {}

  /** The index of the button meant, or -1. */
  static int match(String typed, List<String> buttons) {
    if (typed == null || buttons.isEmpty()) return -1;
    String t = typed.trim().toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "");
    if (t.isEmpty()) return -1;
    for (int i = 0; i < buttons.size(); i++) if (buttons.get(i).equalsIgnoreCase(t)) return i;
    if (t.matches("\\d{1,2}")) {
      int n = Integer.parseInt(t);
      return n >= 1 && n <= buttons.size() ? n - 1 : -1;
    }
    for (Map.Entry<String, Integer> o : ORDINALS.entrySet()) {
      if (t.matches("(the )?" + o.getKey() + "( one| option)?")) {
        int n = o.getValue() < 0 ? buttons.size() : o.getValue();
        return n <= buttons.size() ? n - 1 : -1;
      }
    }
    return -1;
  }

  /**
   * The item meant by part of its words ("the back", "periods", "the memory one"): the only item whose
   * title or text holds every word typed (a word matches a word it begins, so "period" finds "periods").
   * Short answers only; -1 when none or several fit.
   */
  static int byWords(String typed, List<String> titles, List<String> texts) {
    if (typed == null) return -1;
    List<String> words = List.of(typed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}'\\s-]", " ").strip().split("\\s+"))
        .stream().filter(w -> !w.isEmpty() && !EMPTY.contains(w)).toList();
    if (words.isEmpty() || words.size() > 5) return -1;
    int found = -1;
    for (int pass = 0; pass < 2; pass++) {
      List<String> pool = pass == 0 ? titles : texts;
      found = -1;
      for (int i = 0; i < pool.size(); i++) {
        if (holdsAll(pool.get(i), words)) {
          if (found >= 0) {
            found = -2;
            break;
          }
          found = i;
        }
      }
      if (found >= 0) return found;
    }
    return -1;
  }

  private static boolean holdsAll(String item, List<String> words) {
    List<String> have = List.of(item.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}'\\s-]", " ").split("\\s+"));
    for (String w : words) {
      String stem = w.length() > 4 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
      if (have.stream().noneMatch(h -> h.startsWith(stem))) return false;
    }
    return true;
  }
}
