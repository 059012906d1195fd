package app.previsit.dialogue;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what kind of source a piece of research is (the NHS website, Diabetes UK, a forum, YouTube, a
 * newspaper, a friend…) and what it is about, from the patient's words and links, so the bot can say
 * what it understood and the GP can see at a glance where an idea came from.
 */
final class ResearchReader {
  /** Checked in order; the first that matches names the source. */
  private static final List<String[]> SOURCES = List.of(
      new String[] {"diabetes\\.org\\.uk|diabetes uk", "Diabetes UK"},
      new String[] {"nhs\\.uk|\\bnhs\\b(?! leaflet)(?! 111)", "NHS website"},
      new String[] {"patient\\.info", "Patient.info"},
      new String[] {"mind\\.org\\.uk|\\bmind (website|charity)", "Mind"},
      new String[] {"epilepsy\\.org\\.uk|epilepsy action", "Epilepsy Action"},
      new String[] {"versusarthritis|versus arthritis|arthritis uk", "Versus Arthritis"},
      new String[] {"bhf\\.org\\.uk|british heart foundation|\\bbhf\\b", "British Heart Foundation"},
      new String[] {"macmillan", "Macmillan"},
      new String[] {"cancerresearchuk|cancer research uk", "Cancer Research UK"},
      new String[] {"healthunlocked", "HealthUnlocked forum"},
      new String[] {"mumsnet", "Mumsnet"},
      new String[] {"reddit", "Reddit"},
      new String[] {"youtube|youtu\\.be", "YouTube"},
      new String[] {"tiktok|tik tok", "TikTok"},
      new String[] {"facebook|\\bfb\\b", "Facebook"},
      new String[] {"instagram|\\binsta\\b", "Instagram"},
      new String[] {"twitter|\\bx\\.com", "X (Twitter)"},
      new String[] {"chatgpt|chat gpt|\\bai\\b chat", "ChatGPT"},
      new String[] {"wikipedia|\\bwiki\\b", "Wikipedia"},
      new String[] {"mayo ?clinic", "Mayo Clinic"},
      new String[] {"webmd", "WebMD"},
      new String[] {"daily ?mail|mail online", "Daily Mail"},
      new String[] {"guardian", "The Guardian"},
      new String[] {"telegraph", "The Telegraph"},
      new String[] {"\\bbbc\\b", "BBC"},
      new String[] {"\\bforum\\b|\\bthread\\b|\\bgroup\\b", "a forum"},
      new String[] {"newspaper|\\bthe paper\\b|magazine|article", "a newspaper or magazine"},
      new String[] {"podcast", "a podcast"},
      new String[] {"documentary|programme|\\btv\\b|telly", "TV"},
      new String[] {"leaflet", "a leaflet"},
      new String[] {"pharmacy|pharmacist|chemist", "the pharmacy"},
      new String[] {"\\bbook\\b", "a book"},
      new String[] {"friend|mate\\b|neighbour|colleague|someone at work|people at work|my (sister|brother|mum|mother|dad"
          + "|father|aunt|auntie|uncle|cousin|cuz|nan|gran|wife|husband|partner|daughter|son)\\b", "someone they know"},
      new String[] {"google|online|internet|website|web site|\\bsite\\b|\\bpage\\b|\\blink\\b|https?://", "a website"});
  private static final Pattern TOPIC = Pattern.compile("(?i)\\b(?:about|on|called|titled|regarding)\\s+['\"‘“]?"
      + "([^,.;:!?'\"’”()\\n]{3,60}?)(?=['\"’”]|[,.;:!?()\\n]|\\s+(?:and|which|that|it|where|from|at|https?)\\b|$)");

  private ResearchReader() {}

  /** The kind of source in words, or null when the words name none. */
  static String source(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String[] s : SOURCES) if (Pattern.compile(s[0]).matcher(lower).find()) return s[1];
    return null;
  }

  /** What it is about ("osteoarthritis", "statins"), or null. */
  static String topic(String text) {
    Matcher m = TOPIC.matcher(text.replaceAll("https?://\\S+", " "));
    while (m.find()) {
      String t = m.group(1).strip().replaceFirst("(?i)^(the|a|an|my|it|this)\\s+", "");
      if (t.length() >= 3 && !t.matches("(?i)(it|this|that|them|there|here|line|the internet|the nhs website|youtube"
          + "|tiktok|facebook|a forum|my phone)")) {
        return t;
      }
    }
    return null;
  }

  /** "an NHS website page about osteoarthritis", "something from YouTube", "that". */
  static String described(String source, String topic) {
    String what = source == null ? (topic == null ? "that" : "something") : switch (source) {
      case "NHS website" -> "a page from the NHS website";
      case "YouTube", "TikTok" -> "a " + source + " video";
      case "Facebook", "Instagram", "X (Twitter)", "Reddit", "Mumsnet" -> "a post on " + source;
      case "a forum", "HealthUnlocked forum" -> "a forum post";
      case "a newspaper or magazine" -> "an article";
      case "TV" -> "a TV programme";
      case "a podcast", "a leaflet", "a book", "a website" -> source;
      case "the pharmacy" -> "what the pharmacy told you";
      case "someone they know" -> "what you were told";
      case "ChatGPT" -> "an answer from ChatGPT";
      default -> "something from " + source;
    };
    return topic == null ? what : what + " about " + topic;
  }
}
