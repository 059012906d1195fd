package app.previsit.dialogue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds which offered button a typed answer means: the exact label, its number ("2"), an
 * ordinal ("the third one"), or a label that contains every word typed ("together").
 */
final class ButtonMatcher {
  private static final Map<String, Integer> ORDINALS = Map.ofEntries(
      Map.entry("first", 1), Map.entry("second", 2), Map.entry("third", 3), Map.entry("fourth", 4),
      Map.entry("fifth", 5), Map.entry("sixth", 6), Map.entry("seventh", 7), Map.entry("last", -1),
      Map.entry("1st", 1), Map.entry("2nd", 2), Map.entry("3rd", 3), Map.entry("4th", 4), Map.entry("5th", 5));

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
}
