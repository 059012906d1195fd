package app.previsit.dialogue;

import app.previsit.nlu.Analysis;
import app.previsit.nlu.Entity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits a medicines answer into one item per medicine, each keeping its dose, form and frequency
 * ("naproxen 500mg twice a day", "salbutamol 100mcg, two puffs when needed"). A piece that names no new
 * medicine (a dose, a reason, "when the knee is bad") stays with the medicine before it.
 */
final class Medicines {
  private static final Pattern SEPARATOR = Pattern.compile("(?i)\\n+|;\\s*|,\\s*(?:and|n|&|plus|also)?\\s+|\\s+(?:and|n|&|plus)"
      + "\\s+(?:also\\s+)?(?=(?:i\\s+(?:take|use|have|am on|'m on)|i'm on|im on|the\\s+|my\\s+|a\\s+|an\\s+|some\\s+)?\\S)");
  // "about 6 units each meal" is a dose of the medicine named before it, not a medicine called "about".
  private static final Pattern DOSED_NAME = Pattern.compile("(?i)\\b(?!(?:about|around|roughly|approximately|approx|usually"
      + "|normally|maybe|only|just|take|takes|taking|then|with|plus|also|each|every|another|extra|night|morning|evening"
      + "|lunch|lunchtime|breakfast|dinner|bedtime|meal|meals|inject|injects|dose|doses|daily|twice|once)\\b)[a-z][a-z-]{3,}\\s*\\(?\\d+(?:\\.\\d+)?\\s*(?:mg|mcg"
      + "|micrograms?|µg|g|ml|units?|iu|%)\\b");
  private static final Pattern KIND = Pattern.compile("(?i)\\b(the pill|pill|inhaler|cream|gel|drops|patch|patches"
      + "|injections?|spray|hrt|contraceptive|coil|implant|vitamin|supplement|eye drops|insulin)\\b");
  private static final Pattern LEAD = Pattern.compile("(?i)^(?:(?:and|also|plus|n|&|i\\s+(?:take|use|have|also take|'m on|am on)"
      + "|i'm on|im on|i'm also on|on|(?:oh,? )?(?:sorry,? )?i(?:'ve)? (?:forgot|forgotten)(?: to (?:add|mention|say))?|please add"
      + "|can you add|add|he takes|she takes|he's on|she's on|they take|just)\\s+)+");

  private Medicines() {}

  static List<String> split(String text, Analysis a) {
    List<String> names = new ArrayList<>();
    if (a != null) for (Entity e : a.entities("medicine")) names.add(e.value().toLowerCase(Locale.ROOT));
    List<String> out = new ArrayList<>();
    for (String raw : SEPARATOR.split(text.strip())) {
      String piece = LEAD.matcher(raw.strip()).replaceFirst("").strip();
      if (piece.isEmpty()) continue;
      if (out.isEmpty() || namesMedicine(piece, names)) out.add(piece);
      else out.set(out.size() - 1, out.get(out.size() - 1) + ", " + piece);
    }
    return out.isEmpty() ? List.of(text.strip()) : out;
  }

  private static boolean namesMedicine(String piece, List<String> names) {
    String lower = piece.toLowerCase(Locale.ROOT);
    for (String n : names) if (lower.contains(n)) return true;
    return DOSED_NAME.matcher(piece).find() || KIND.matcher(piece).find();
  }
}
