package app.previsit.nlu;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exact things in an utterance found by rules: durations, 0–10 scores (digits or words such
 * as "really bad"), URLs and site names, medicines from a data list, and body parts.
 * Works on the original text so the entity text is what the patient typed.
 */
final class EntityExtractor {
  private static final String NUMBER = "(\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
      + "|a few|few|several|a couple of|couple of|a couple|many|some)";
  private static final Pattern DURATION = Pattern.compile(
      "(?i)\\b((for |about |around |over |nearly |almost )?" + NUMBER + "\\s*(\\+\\s*)?(minutes?|hours?|days?|weeks?"
      + "|wks?|months?|years?|yrs?|fortnights?)( or so)?|since (last |this )?(christmas|easter|the summer|summer|the winter"
      + "|winter|spring|autumn|new year|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february"
      + "|march|april|may|june|july|august|september|october|november|december|\\w+ day|i was \\w+|\\d{4}|covid"
      + "|the accident|my operation|the birth|last \\w+)|for ages|for ever|forever|ages|a while|a long time"
      + "|(all|most of) my life|yesterday|last night|this morning|(last|this) (week|month|year))\\b");
  private static final Pattern SCORE_DIGIT = Pattern.compile(
      "(?i)(?<![\\d.:/£$])\\b(10|[0-9])\\b(\\s*(/|out of)\\s*10)?(?![\\d.:]|\\s*(mg|ml|mcg|g|am|pm|%|weeks?|days?"
      + "|months?|years?|hours?|minutes?|times|x))");
  private static final Map<String, String> SCORE_WORDS = Map.ofEntries(
      Map.entry("unbearable", "10"), Map.entry("agony", "10"), Map.entry("excruciating", "10"),
      Map.entry("the worst", "10"), Map.entry("really bad", "8"), Map.entry("very bad", "8"),
      Map.entry("terrible", "8"), Map.entry("awful", "8"), Map.entry("severe", "8"), Map.entry("a lot", "7"),
      Map.entry("quite bad", "6"), Map.entry("pretty bad", "6"), Map.entry("bad", "6"), Map.entry("moderate", "5"),
      Map.entry("so so", "4"), Map.entry("not too bad", "3"), Map.entry("not that bad", "3"),
      Map.entry("a little", "2"), Map.entry("a bit", "2"), Map.entry("mild", "2"), Map.entry("slightly", "2"),
      Map.entry("barely", "1"), Map.entry("not at all", "0"));
  private static final Pattern SCORE_WORD;
  private static final Pattern URL = Pattern.compile("(?i)\\b((https?://|www\\.)[^\\s<>\"']+[^\\s<>\"'.,;:!?)])");
  private static final Pattern DOMAIN = Pattern.compile(
      "(?i)\\b([a-z0-9-]+(\\.[a-z0-9-]+)*\\.(co\\.uk|org\\.uk|nhs\\.uk|gov\\.uk|ac\\.uk|com|org|net|info|uk|io))\\b");
  private static final Pattern SITE = Pattern.compile(
      "(?i)\\b(nhs website|nhs app|nhs 111 online|patient\\.info|mayo clinic|webmd|healthline|wikipedia|google|youtube"
      + "|tiktok|tik tok|facebook|instagram|twitter|reddit|mumsnet|a forum|forums?|chatgpt|a blog|a podcast"
      + "|the bbc|bbc|daily mail|the guardian|the telly|tv|the news|a leaflet|leaflet|versus arthritis|diabetes uk"
      + "|british heart foundation|macmillan|cancer research uk|mind\\.org\\.uk)\\b");
  private static final Pattern BODY_PART = Pattern.compile(
      "(?i)\\b(head|neck|throat|chest|back|lower back|shoulders?|arms?|elbows?|wrists?|hands?|fingers?|thumbs?|hips?"
      + "|legs?|knees?|ankles?|feet|foot|toes?|stomach|tummy|belly|abdomen|bowels?|bladder|kidneys?|liver|heart"
      + "|lungs?|breasts?|nipples?|skin|eyes?|ears?|nose|mouth|teeth|tooth|gums?|tongue|lips?|face|jaw|joints?"
      + "|muscles?|spine|groin|testicles?|penis|vagina|womb|periods?|bottom|pelvis|calf|calves|thighs?|heels?)\\b");
  /** Medicine names: one-word names looked up per word, the few two-word names per word pair. */
  private static final Set<String> MEDICINES = new HashSet<>();
  private static final Pattern WORDS = Pattern.compile("[\\p{L}][\\p{L}\\-]*");
  private static final Pattern DOSE = Pattern.compile("^\\s*\\d+(\\.\\d+)?(/\\d+)?\\s*(mg|mcg|micrograms?|ml|g|units?)\\b",
      Pattern.CASE_INSENSITIVE);

  static {
    StringBuilder words = new StringBuilder();
    for (String w : SCORE_WORDS.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList()) {
      if (words.length() > 0) words.append('|');
      words.append(Pattern.quote(w));
    }
    SCORE_WORD = Pattern.compile("(?i)\\b(" + words + ")\\b");
    MEDICINES.addAll(TrainingData.lines("nlu/medicines.txt"));
  }

  // Cheap substring checks that every match of the regex beside them needs: most utterances skip the regex.
  private static final List<String> DURATION_STEMS = List.of("minute", "hour", "day", "week", "wk", "month", "year", "yr",
      "fortnight", "since", "ages", "ever", "while", "long time", "life", "last night", "this morning");
  private static final List<String> SITE_STEMS = List.of("nhs", "patient.info", "mayo", "webmd", "healthline", "wiki",
      "google", "youtube", "tiktok", "tik tok", "facebook", "instagram", "twitter", "reddit", "mumsnet", "forum", "chatgpt",
      "blog", "podcast", "bbc", "mail", "guardian", "telly", "tv", "news", "leaflet", "arthritis", "diabetes uk",
      "heart foundation", "macmillan", "cancer research", "mind.org");
  private static final List<String> BODY_STEMS = List.of("head", "neck", "throat", "chest", "back", "shoulder", "arm",
      "elbow", "wrist", "hand", "finger", "thumb", "hip", "leg", "knee", "ankle", "feet", "foot", "toe", "stomach", "tummy",
      "belly", "abdomen", "bowel", "bladder", "kidney", "liver", "heart", "lung", "breast", "nipple", "skin", "eye", "ear",
      "nose", "mouth", "teeth", "tooth", "gum", "tongue", "lip", "face", "jaw", "joint", "muscle", "spine", "groin",
      "testicle", "penis", "vagina", "womb", "period", "bottom", "pelvis", "calf", "calves", "thigh", "heel");

  private static boolean containsAny(String lower, java.util.Collection<String> stems) {
    for (String s : stems) if (lower.contains(s)) return true;
    return false;
  }

  private EntityExtractor() {}

  static List<Entity> extract(String text) {
    List<Entity> out = new ArrayList<>(4);
    Set<String> seen = new HashSet<>();
    Matcher m = URL.matcher(text);
    while (m.find()) add(out, seen, "url", m.group(1), m.group(1).startsWith("http") ? m.group(1) : "https://" + m.group(1));
    String withoutUrls = URL.matcher(text).replaceAll(" ");
    m = DOMAIN.matcher(withoutUrls);
    while (m.find()) add(out, seen, "site", m.group(1), m.group(1).toLowerCase(Locale.ROOT));
    if (containsAny(withoutUrls.toLowerCase(Locale.ROOT), SITE_STEMS)) {
      m = SITE.matcher(withoutUrls);
      while (m.find()) add(out, seen, "site", m.group(1), m.group(1).toLowerCase(Locale.ROOT));
    }
    String lower = withoutUrls.toLowerCase(Locale.ROOT);
    boolean mayHaveDuration = containsAny(lower, DURATION_STEMS);
    if (mayHaveDuration) {
      m = DURATION.matcher(withoutUrls);
      while (m.find()) add(out, seen, "duration", m.group(1).trim(), m.group(1).trim().toLowerCase(Locale.ROOT));
    }
    medicines(withoutUrls, out, seen);
    boolean hasDigit = lower.chars().anyMatch(Character::isDigit);
    boolean mayHaveScoreWord = containsAny(lower, SCORE_WORDS.keySet());
    if (hasDigit || mayHaveScoreWord) {
      String noDurations = mayHaveDuration ? DURATION.matcher(withoutUrls).replaceAll(" ") : withoutUrls;
      m = hasDigit ? SCORE_DIGIT.matcher(noDurations) : null;
      if (m != null && m.find()) {
        // Every number, in order: "some days a 3, other days a 7, so call it 6" gives the dialogue all three.
        do {
          add(out, seen, "score", m.group().trim(), m.group(1));
        } while (m.find());
      } else if (mayHaveScoreWord) {
        m = SCORE_WORD.matcher(noDurations);
        if (m.find()) add(out, seen, "score", m.group(1), SCORE_WORDS.get(m.group(1).toLowerCase(Locale.ROOT)));
      }
    }
    if (containsAny(lower, BODY_STEMS)) {
      m = BODY_PART.matcher(withoutUrls);
      while (m.find()) add(out, seen, "body_part", m.group(1), m.group(1).toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static void medicines(String text, List<Entity> out, Set<String> seen) {
    Matcher w = WORDS.matcher(text);
    int previousStart = -1;
    String previous = null;
    while (w.find()) {
      String word = w.group().toLowerCase(Locale.ROOT);
      int start = w.start();
      int end = w.end();
      String name = null;
      if (previous != null && MEDICINES.contains(previous + " " + word)) {
        name = previous + " " + word;
        start = previousStart;
      } else if (MEDICINES.contains(word)) {
        name = word;
      }
      if (name != null) {
        Matcher dose = DOSE.matcher(text.substring(end, Math.min(text.length(), end + 20)));
        if (dose.find()) end += dose.end();
        add(out, seen, "medicine", text.substring(start, end).trim(), name);
      }
      previous = word;
      previousStart = w.start();
    }
  }

  private static void add(List<Entity> out, Set<String> seen, String type, String text, String value) {
    if (seen.add(type + "\u0000" + value)) out.add(new Entity(type, text, value));
  }
}
