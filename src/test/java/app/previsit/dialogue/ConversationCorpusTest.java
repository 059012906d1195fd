package app.previsit.dialogue;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.invitation.Invitation;
import app.previsit.invitation.InvitationStatus;
import app.previsit.nlu.OpenNlpUnderstanding;
import app.previsit.summary.SummaryBuilder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The blind whole-conversation corpus (src/test/resources/conversations, written by someone who never saw
 * this code) run through the pure core with the real NLU: each script's turns in order (a turn that is
 * exactly a button label on the bot's last message is a press), then its expectations checked against the
 * summary JSON. Issue 13 makes every script pass; until then this test prints each failure and fails only
 * if fewer scripts pass than the floor below (the count reached when the runner was written), so the
 * dialogue cannot get worse unseen. Fix the dialogue, never the scripts.
 */
class ConversationCorpusTest {
  /** Scripts passing: 6 on 2026-12-02 before the listening dialogue, 37 after its first pass, 39 after the emergency hold files answers, 40 with doses and other word senses, 41 with 1,100 training lines written blind, 44 when what the encoder finds alone needs two second opinions, 47 with 950 more lines written blind (2026-12-07), 48 when "talk about coming off" and "too many tablets" are no longer concepts, 51 with "no more <something>" a wish, a dose after its medicine kept with it and a time since the last episode not taken as a duration, 52 with a no about a noted problem closing the agenda and the score after a verdict, 51 when a review's safety fixes let suicide and overdose finds through without the nearest lines ('I'd rather not take more tablets' is flagged again), 50 when they need the intent model only as much as other categories do ('maybe try other pill'), 49 with 560 more emergencies and near-misses written blind (a memory problem reads as a seizure to the encoder; the same data and that day's guards took the second blind set's recall 246 -> 247 of 260 and the reviewed emergencies missed 25 -> 8 of 171).  51 on 2026-12-07 (third session) when the emergency head became a hidden layer (a memory problem and "maybe try other pill" no longer read as emergencies) and "for the fitting" is the other sense of the word. Raise it as the dialogue improves. */
  static final int FLOOR = 55;

  static final Dialogue DIALOGUE =
      new Dialogue(OpenNlpUnderstanding.shared(), Messages.defaults(), OpenNlpUnderstanding.CONFIDENCE_THRESHOLD);

  @Test
  void theBlindCorpusPassesAtLeastAsWellAsBefore() throws IOException {
    Path dir = Path.of("src/test/resources/conversations");
    List<Path> scripts;
    try (Stream<Path> files = Files.list(dir)) {
      scripts = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertTrue(scripts.size() >= 40, "the corpus has " + scripts.size() + " scripts");
    int passed = 0;
    Map<String, Integer> failedChecks = new TreeMap<>();
    StringBuilder report = new StringBuilder();
    for (Path p : scripts) {
      JsonObject script = new JsonObject(Files.readString(p, StandardCharsets.UTF_8));
      List<String> misses = run(script);
      if (misses.isEmpty()) passed++;
      else {
        report.append(p.getFileName()).append(": ").append(String.join("; ", misses)).append('\n');
        for (String m : misses) failedChecks.merge(m.substring(0, m.indexOf(':') < 0 ? m.length() : m.indexOf(':')), 1, Integer::sum);
      }
    }
    System.out.println("conversation corpus: " + passed + " of " + scripts.size() + " scripts pass");
    System.out.println("failed checks by field: " + failedChecks);
    System.out.print(report);
    assertTrue(passed >= FLOOR, passed + " of " + scripts.size() + " scripts pass, fewer than the floor " + FLOOR);
  }

  /**
   * Prints whole conversations, for reading a failure: {@code mvn test -Dtest=ConversationCorpusTest
   * -Dcorpus.trace=03} plays the scripts whose file names start with 03 and prints every turn.
   */
  @Test
  void traceWhenAsked() throws IOException {
    String prefix = System.getProperty("corpus.trace");
    if (prefix == null) return;
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/conversations"))) {
      for (Path p : files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList()) {
        System.out.println("==== " + p.getFileName());
        TRACE.set(new StringBuilder());
        List<String> misses = run(new JsonObject(Files.readString(p, StandardCharsets.UTF_8)));
        System.out.print(TRACE.get());
        System.out.println("MISSES: " + misses);
        TRACE.remove();
      }
    }
  }

  private static final ThreadLocal<StringBuilder> TRACE = new ThreadLocal<>();

  /** Plays one script; the expectations it misses, each "field: what". */
  static List<String> run(JsonObject script) {
    long clock = 1_764_662_400_000L;
    Next n = DIALOGUE.start("Test Patient", Instant.ofEpochMilli(clock));
    Conversation c = n.conversation();
    List<Reply> last = n.replies();
    for (Object o : script.getJsonArray("turns")) {
      String turn = String.valueOf(o);
      boolean button = last.stream().anyMatch(r -> r.buttons().contains(turn));
      PatientInput input = button ? new PatientInput.Button(turn) : new PatientInput.Text(turn);
      clock += 20_000;
      n = DIALOGUE.update(c, input, Instant.ofEpochMilli(clock));
      c = n.conversation();
      last = n.replies();
      if (TRACE.get() != null) {
        TRACE.get().append("  PATIENT").append(button ? " [button]" : "").append(": ").append(turn).append('\n');
        for (Reply r : last) {
          String text = r.text().replace('\n', ' ');
          TRACE.get().append("    bot [").append(c.stage()).append("]: ").append(text, 0, Math.min(text.length(), 160))
              .append(r.buttons().isEmpty() ? "" : " " + r.buttons()).append('\n');
        }
      }
    }
    Invitation inv = new Invitation("corpus", "corpus", "Test Patient", LocalDateTime.of(2026, 12, 3, 10, 0), "Dr Corpus", null,
        c.confirmed() ? InvitationStatus.COMPLETED : InvitationStatus.STARTED, Instant.ofEpochMilli(clock), Instant.ofEpochMilli(clock)
            .plusSeconds(86_400 * 3), null, null, null);
    JsonObject s = SummaryBuilder.build(inv, c, ZoneId.of("Europe/London"), Instant.ofEpochMilli(clock));
    return check(script.getJsonObject("expect"), s);
  }

  static List<String> check(JsonObject e, JsonObject s) {
    List<String> misses = new ArrayList<>();
    if (e.containsKey("status") && !e.getString("status").equals(s.getString("status"))) {
      misses.add("status: expected " + e.getString("status") + ", got " + s.getString("status"));
    }
    if (e.containsKey("confirmedByPatient") && !e.getBoolean("confirmedByPatient").equals(s.getBoolean("confirmedByPatient"))) {
      misses.add("confirmedByPatient: expected " + e.getBoolean("confirmedByPatient"));
    }
    JsonArray concerns = s.getJsonArray("concerns");
    if (e.containsKey("concernCount") && e.getInteger("concernCount") != concerns.size()) {
      misses.add("concernCount: expected " + e.getInteger("concernCount") + ", got " + concerns.size());
    }
    JsonArray want = e.getJsonArray("concerns", new JsonArray());
    for (int i = 0; i < want.size(); i++) {
      JsonObject w = want.getJsonObject(i);
      if (i >= concerns.size()) {
        misses.add("concerns: no concern " + (i + 1));
        continue;
      }
      // The summary puts the patient's priority first (DESIGN: concerns[0] is where the GP starts), so a script's
      // concerns, listed in the order told, are paired by their words; by place only when none has them.
      JsonObject got = concerns.getJsonObject(i);
      for (int k = 0; k < concerns.size(); k++) {
        if (w.getJsonArray("mentions") != null && all(concerns.getJsonObject(k).getString("text"), w.getJsonArray("mentions"))) {
          got = concerns.getJsonObject(k);
          break;
        }
      }
      has(misses, "concerns", got.getString("text"), w.getJsonArray("mentions"));
      has(misses, "duration", got.getString("duration"), w.getJsonArray("durationMentions"));
      has(misses, "ideas", got.getString("ideas"), w.getJsonArray("ideaMentions"));
      has(misses, "worries", got.getString("worries"), w.getJsonArray("worryMentions"));
      has(misses, "expectations", got.getString("expectations"), w.getJsonArray("expectationMentions"));
      if (w.containsKey("severity") && !w.getValue("severity").equals(got.getValue("severity"))) {
        misses.add("severity: concern " + (i + 1) + " expected " + w.getValue("severity") + ", got " + got.getValue("severity"));
      }
    }
    if (e.containsKey("priorityMentions")) has(misses, "priority", concerns.isEmpty() ? null : concerns.getJsonObject(0).getString("text"),
        e.getJsonArray("priorityMentions"));
    JsonArray research = s.getJsonArray("research");
    if (e.containsKey("researchCount") && e.getInteger("researchCount") != research.size()) {
      misses.add("researchCount: expected " + e.getInteger("researchCount") + ", got " + research.size());
    }
    for (Object o : e.getJsonArray("research", new JsonArray())) {
      JsonObject w = (JsonObject) o;
      boolean found = research.stream().map(JsonObject.class::cast).anyMatch(r -> all(r.getString("text"), w.getJsonArray("mentions"))
          && (w.getJsonArray("urls") == null || w.getJsonArray("urls").stream().allMatch(u -> r.getJsonArray("sources").contains(u)))
          && (w.getString("source") == null || w.getString("source").equalsIgnoreCase(String.valueOf(r.getString("source"))))
          && (w.getJsonArray("questionMentions") == null || all(String.join(" ", strings(r.getJsonArray("questions", new JsonArray()))),
              w.getJsonArray("questionMentions"))));
      if (!found) misses.add("research: no item like " + w.encode());
    }
    if (e.containsKey("questionCount") && e.getInteger("questionCount") != s.getJsonArray("questions").size()) {
      misses.add("questionCount: expected " + e.getInteger("questionCount") + ", got " + s.getJsonArray("questions").size());
    }
    inOne(misses, "questions", s.getJsonArray("questions"), e.getJsonArray("questionsMentions"));
    inOne(misses, "goals", s.getJsonArray("goals"), e.getJsonArray("goalsMentions"));
    inOne(misses, "preferences", s.getJsonObject("preferences").getJsonArray("other"), e.getJsonArray("preferencesMentions"));
    inOne(misses, "medications", s.getJsonArray("medications"), e.getJsonArray("medicationsMentions"));
    inOne(misses, "alsoMentioned", s.getJsonArray("alsoMentioned", new JsonArray()), e.getJsonArray("alsoMentionedMentions"));
    if (e.containsKey("decisionRole") && !java.util.Objects.equals(e.getValue("decisionRole"),
        s.getJsonObject("preferences").getValue("decisionRole"))) {
      misses.add("decisionRole: expected " + e.getValue("decisionRole") + ", got " + s.getJsonObject("preferences").getValue("decisionRole"));
    }
    if (e.containsKey("redFlags")) {
      List<String> got = s.getJsonArray("redFlags").stream().map(o -> ((JsonObject) o).getString("category")).distinct().sorted().toList();
      List<String> exp = strings(e.getJsonArray("redFlags")).stream().distinct().sorted().toList();
      if (!got.equals(exp)) misses.add("redFlags: expected " + exp + ", got " + got);
    }
    return misses;
  }

  private static void has(List<String> misses, String field, String text, JsonArray mentions) {
    if (mentions != null && !all(text, mentions)) misses.add(field + ": '" + text + "' lacks " + mentions.encode());
  }

  /** Each inner list of words must be found together in one of the items. */
  private static void inOne(List<String> misses, String field, JsonArray items, JsonArray wanted) {
    if (wanted == null) return;
    for (Object w : wanted) {
      JsonArray words = (JsonArray) w;
      if (items.stream().noneMatch(i -> all(String.valueOf(i), words))) misses.add(field + ": none has " + words.encode());
    }
  }

  private static boolean all(String text, JsonArray words) {
    if (words == null) return true;
    if (text == null) return false;
    String t = text.toLowerCase(Locale.ROOT);
    return words.stream().allMatch(w -> t.contains(String.valueOf(w).toLowerCase(Locale.ROOT)));
  }

  private static List<String> strings(JsonArray a) {
    List<String> out = new ArrayList<>();
    a.forEach(o -> out.add(String.valueOf(o)));
    return out;
  }
}
