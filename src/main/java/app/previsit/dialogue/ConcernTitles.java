package app.previsit.dialogue;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A short title for a concern, made from the patient's words: "Lower back pain" from "Well I've had
 * this pain in my lower back for about two months", "Tingling feet" from "my feet keep tingling". A
 * named problem ("headaches", "gout") is its own title; a symptom with a place gets the place; failing
 * both, the first few words of the first clause without the fillers. Titles are for choosing and
 * scanning: the patient's whole words always stay beside them.
 */
final class ConcernTitles {
  static final int MAX_CHARS = 40;

  /** Symptoms that read before the body part ("Tingling feet") and their adjective. */
  private static final List<String[]> BEFORE_PART = List.of(
      new String[] {"pins and needles", "Pins and needles in"}, new String[] {"tingl", "Tingling"},
      new String[] {"numb", "Numb"}, new String[] {"itch", "Itchy"}, new String[] {"swollen", "Swollen"},
      new String[] {"swelling", "Swollen"}, new String[] {"stiff", "Stiff"}, new String[] {"sore", "Sore"},
      new String[] {"weak", "Weak"}, new String[] {"dry", "Dry"}, new String[] {"shak", "Shaking"},
      new String[] {"burning", "Burning"}, new String[] {"cold", "Cold"}, new String[] {"red", "Red"});

  /** Symptoms that read after the body part ("Knee pain"). */
  private static final List<String[]> AFTER_PART = List.of(
      new String[] {"pain", "pain"}, new String[] {"hurt", "pain"}, new String[] {"ache", "ache"},
      new String[] {"aching", "ache"}, new String[] {"achy", "ache"}, new String[] {"killing me", "pain"},
      new String[] {"lump", "lump"}, new String[] {"rash", "rash"}, new String[] {"spots", "spots"},
      new String[] {"cramp", "cramps"}, new String[] {"infection", "infections"}, new String[] {"bleed", "bleeding"},
      new String[] {"wax", "wax"}, new String[] {"problem", "problems"});

  /** Problems named in a word or two, each its own title. Longer phrases first. */
  private static final List<String[]> NAMED = List.of(
      new String[] {"pins and needles", "Pins and needles"}, new String[] {"blood pressure", "Blood pressure"},
      new String[] {"heavy period", "Heavy periods"}, new String[] {"period pain", "Period pain"},
      new String[] {"low mood", "Low mood"}, new String[] {"weight loss", "Weight loss"},
      new String[] {"losing weight", "Weight loss"}, new String[] {"lost weight", "Weight loss"},
      new String[] {"hot flush", "Hot flushes"}, new String[] {"hair loss", "Hair loss"},
      new String[] {"short of breath", "Breathlessness"}, new String[] {"out of breath", "Breathlessness"},
      new String[] {"erection", "Erection problems"}, new String[] {"ringing in my ear", "Ringing in the ears"},
      new String[] {"headache", "Headaches"}, new String[] {"migraine", "Migraines"}, new String[] {"heartburn", "Heartburn"},
      new String[] {"indigestion", "Indigestion"}, new String[] {"reflux", "Reflux"}, new String[] {"cough", "Cough"},
      new String[] {"snor", "Snoring"}, new String[] {"tinnitus", "Tinnitus"}, new String[] {"gout", "Gout"},
      new String[] {"acne", "Acne"}, new String[] {"eczema", "Eczema"}, new String[] {"psoriasis", "Psoriasis"},
      new String[] {"mole", "A mole"}, new String[] {"cholesterol", "Cholesterol"}, new String[] {"diabet", "Diabetes"},
      new String[] {"asthma", "Asthma"}, new String[] {"anxi", "Anxiety"}, new String[] {"panic", "Panic attacks"},
      new String[] {"depress", "Depression"}, new String[] {"stress", "Stress"}, new String[] {"memory", "Memory problems"},
      new String[] {"forgetful", "Memory problems"}, new String[] {"falls", "Falls"}, new String[] {"fallen", "Falls"},
      new String[] {"dizz", "Dizziness"}, new String[] {"tired", "Tiredness"}, new String[] {"exhausted", "Tiredness"},
      new String[] {"fatigue", "Tiredness"}, new String[] {"no energy", "Tiredness"}, new String[] {"insomnia", "Sleep problems"},
      new String[] {"can't sleep", "Sleep problems"}, new String[] {"cant sleep", "Sleep problems"},
      new String[] {"sleep", "Sleep problems"}, new String[] {"constipat", "Constipation"},
      new String[] {"diarrh", "Diarrhoea"}, new String[] {"hernia", "A hernia"}, new String[] {"menopaus", "Menopause"},
      new String[] {"contracepti", "Contraception"}, new String[] {"sertraline", "Coming off sertraline"},
      new String[] {"statin", "Statins"}, new String[] {"thyroid", "Thyroid"}, new String[] {"period", "Periods"},
      new String[] {"wheez", "Wheezing"}, new String[] {"breathless", "Breathlessness"}, new String[] {"rash", "A rash"},
      new String[] {"lump", "A lump"}, new String[] {"tremor", "Tremor"}, new String[] {"shak", "Shaking"},
      new String[] {"weight", "Weight"}, new String[] {"mood", "Mood"}, new String[] {"skin", "Skin problems"});

  private static final String SIDE = "(?:(left|right|lower|upper|both|bottom of (?:my|the|her|his)|top of (?:my|the|her|his))\\s+)?";
  private static final Pattern PART = Pattern.compile("(?i)\\b" + SIDE + "(big toe|lower back|back|neck|throat|chest"
      + "|shoulders?|arms?|elbows?|wrists?|hands?|fingers?|thumbs?|hips?|legs?|knees?|ankles?|feet|foot|toes?|stomach"
      + "|tummy|belly|bowels?|bladder|breasts?|skin|eyes?|ears?|nose|mouth|teeth|tooth|gums?|tongue|face|jaw|joints?"
      + "|muscles?|groin|heels?|calf|calves|thighs?|head|scalp|nails?)\\b");
  private static final Pattern FILLER = Pattern.compile("(?i)^(?:(?:well|so|um+|er+|hi|hello|ok|okay|right|basically"
      + "|honestly|really|yeah|i think|i'?d like to talk about|i want to talk about|i'?d like to discuss|talk about"
      + "|i need|i want|i'?ve had|i have|i'?ve been having|i'?ve been|i'?ve got|i got|i'?m having|i am|i'?m|it'?s"
      + "|there'?s|this|that|some|a|an|the|my|mum'?s|dad'?s|her|his|about|really|just|to)\\b[,\\s]*)+");

  /** Parts of the body and named problems that belong together, so that "wrist pain and numb fingers" stay one. */
  private static final java.util.Map<String, String> GROUP = java.util.Map.ofEntries(
      java.util.Map.entry("shoulder", "arm"), java.util.Map.entry("arm", "arm"), java.util.Map.entry("elbow", "arm"),
      java.util.Map.entry("wrist", "arm"), java.util.Map.entry("hand", "arm"), java.util.Map.entry("finger", "arm"),
      java.util.Map.entry("thumb", "arm"), java.util.Map.entry("hip", "leg"), java.util.Map.entry("leg", "leg"),
      java.util.Map.entry("knee", "leg"), java.util.Map.entry("ankle", "leg"), java.util.Map.entry("feet", "leg"),
      java.util.Map.entry("foot", "leg"), java.util.Map.entry("toe", "leg"), java.util.Map.entry("heel", "leg"),
      java.util.Map.entry("calf", "leg"), java.util.Map.entry("calves", "leg"), java.util.Map.entry("thigh", "leg"),
      java.util.Map.entry("back", "spine"), java.util.Map.entry("neck", "spine"), java.util.Map.entry("stomach", "gut"),
      java.util.Map.entry("tummy", "gut"), java.util.Map.entry("belly", "gut"), java.util.Map.entry("bowel", "gut"),
      java.util.Map.entry("Heartburn", "gut"), java.util.Map.entry("Indigestion", "gut"), java.util.Map.entry("Reflux", "gut"),
      java.util.Map.entry("Constipation", "gut"), java.util.Map.entry("Diarrhoea", "gut"),
      java.util.Map.entry("Low mood", "mind"), java.util.Map.entry("Depression", "mind"), java.util.Map.entry("Anxiety", "mind"),
      java.util.Map.entry("Stress", "mind"), java.util.Map.entry("Sleep problems", "mind"), java.util.Map.entry("Panic attacks", "mind"),
      java.util.Map.entry("Mood", "mind"), java.util.Map.entry("Memory problems", "mind"),
      java.util.Map.entry("Headaches", "head"), java.util.Map.entry("Migraines", "head"), java.util.Map.entry("head", "head"),
      java.util.Map.entry("Breathlessness", "chest"), java.util.Map.entry("Wheezing", "chest"), java.util.Map.entry("Cough", "chest"),
      java.util.Map.entry("Asthma", "chest"), java.util.Map.entry("chest", "chest"), java.util.Map.entry("skin", "skin"),
      java.util.Map.entry("Eczema", "skin"), java.util.Map.entry("Psoriasis", "skin"), java.util.Map.entry("A rash", "skin"),
      java.util.Map.entry("Acne", "skin"), java.util.Map.entry("Skin problems", "skin"),
      java.util.Map.entry("Heavy periods", "periods"), java.util.Map.entry("Period pain", "periods"),
      java.util.Map.entry("Periods", "periods"));

  /** A problem a text names: its title and the group it belongs to (the body region or kind). */
  record Problem(String title, String group) {}

  private ConcernTitles() {}

  /** The problem a short text names on its own (a named problem, or a symptom with a place), or null. */
  static Problem problemOf(String text) {
    if (text == null || text.isBlank()) return null;
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    String title = fromSymptoms(lower);
    if (title == null || title.endsWith(" problem")) return null;
    Matcher part = PART.matcher(lower);
    String group = null;
    if (part.find()) {
      String p = part.group(2).replaceAll("s$", "");
      group = GROUP.getOrDefault(p.endsWith("lower back") ? "back" : p.replace("big toe", "toe"), p);
    }
    for (String[] s : NAMED) {
      if (s[1].equals(title)) {
        group = GROUP.getOrDefault(title, title);
        break;
      }
    }
    return new Problem(title, group == null ? title : group);
  }

  static String of(String text) {
    if (text == null || text.isBlank()) return "";
    String lower = text.toLowerCase(Locale.ROOT).replaceAll("https?://\\S+", " ");
    String firstSentence = lower.split("(?<=[.!?])\\s+|\\n")[0];
    String fromWords = fromSymptoms(firstSentence);
    if (fromWords == null && !firstSentence.equals(lower)) fromWords = fromSymptoms(lower);
    return cut(fromWords != null ? fromWords : fallback(text));
  }

  private static String fromSymptoms(String lower) {
    Matcher part = PART.matcher(lower);
    String place = null;
    int partAt = -1;
    if (part.find()) {
      String side = part.group(1) == null ? "" : part.group(1).replaceAll("(?i)\\s+(my|the|her|his)$", " ") + " ";
      place = (side.startsWith("bottom of") || side.startsWith("top of") ? side : side) + part.group(2);
      partAt = part.start();
    }
    if (place != null) {
      for (String[] s : BEFORE_PART) {
        if (lower.contains(s[0]) && !lower.contains("heartburn")) {
          if (s[0].equals("pins and needles")) return capital(s[1] + " " + withArticle(place));
          return capital(s[1] + " " + place);
        }
      }
      for (String[] s : AFTER_PART) if (lower.contains(s[0])) return capital(place + " " + s[1]);
    }
    int best = Integer.MAX_VALUE;
    String named = null;
    for (String[] s : NAMED) {
      int at = lower.indexOf(s[0]);
      if (at >= 0 && at < best) {
        best = at;
        named = s[1];
      }
    }
    if (named != null) return named;
    if (place != null && partAt >= 0) return capital(place + " problem");
    return null;
  }

  private static String withArticle(String place) {
    return place.startsWith("both") ? place : "the " + place;
  }

  private static String fallback(String text) {
    String first = text.replaceAll("https?://\\S+", " ").split("(?<=[.!?])\\s+|[,;:\\n]|\\s+-\\s+")[0].strip();
    String trimmed = FILLER.matcher(first).replaceFirst("").replaceAll("[.!?]+$", "").strip();
    if (trimmed.isEmpty()) trimmed = first.replaceAll("[.!?]+$", "").strip();
    String[] words = trimmed.split("\\s+");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < Math.min(words.length, 6); i++) b.append(i == 0 ? "" : " ").append(words[i]);
    return capital(b.toString());
  }

  private static String cut(String s) {
    if (s.length() <= MAX_CHARS) return s;
    String c = s.substring(0, MAX_CHARS);
    int space = c.lastIndexOf(' ');
    return (space > 20 ? c.substring(0, space) : c).strip() + "…";
  }

  private static String capital(String s) {
    String t = s.strip().replaceAll("\\s+", " ");
    return t.isEmpty() ? t : Character.toUpperCase(t.charAt(0)) + t.substring(1);
  }
}
