package app.previsit.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifyCommandTest {
  @Test
  void oneJsonLinePerInputLineInOrderEvenForBadBytes() throws Exception {
    byte[] input = ("crushing pain in my chest\n\nno chest pain\n" + "x".repeat(100_000) + "\n")
        .getBytes(StandardCharsets.UTF_8);
    byte[] withBadBytes = new byte[input.length + 3];
    System.arraycopy(input, 0, withBadBytes, 0, input.length);
    withBadBytes[input.length] = (byte) 0xff;
    withBadBytes[input.length + 1] = (byte) 0xfe;
    withBadBytes[input.length + 2] = '\n';
    String out = run(withBadBytes, "classify");
    String[] lines = out.split("\n");
    assertEquals(5, lines.length);
    ObjectMapper json = new ObjectMapper();
    JsonNode first = json.readTree(lines[0]);
    assertEquals("crushing pain in my chest", first.get("text").asText());
    assertEquals("emergency", first.get("intent").asText());
    assertTrue(first.get("redFlag").asBoolean());
    assertEquals("cardiac", first.get("redFlagCategory").asText());
    assertTrue(json.readTree(lines[1]).get("redFlagCategory").isNull());
    assertEquals(false, json.readTree(lines[2]).get("redFlag").asBoolean());
    for (String l : lines) assertTrue(json.readTree(l).has("entities"));
  }

  @Test
  void everyKindOfBadInputStillGetsOneJsonLine() throws Exception {
    String[] odd = {"", "\u0000\u0007\u001b[31mred\u001b[0m", "😀😀😀", "مرحبا، عندي ألم في صدري", "\u202eevil\u202c",
        "x".repeat(100_000), "a\tb"};
    String out = run((String.join("\n", odd) + "\n").getBytes(StandardCharsets.UTF_8), "classify");
    String[] lines = out.split("\n");
    assertEquals(odd.length, lines.length);
    ObjectMapper json = new ObjectMapper();
    for (String l : lines) {
      JsonNode n = json.readTree(l);
      for (String field : List.of("text", "intent", "confidence", "redFlag", "redFlagCategory", "entities", "parts")) {
        assertTrue(n.has(field), field + " missing in " + l.substring(0, Math.min(200, l.length())));
      }
    }
  }

  @Test
  void evalPrintsTheOwnAndTheBlindFigures() throws Exception {
    String out = run(new byte[0], "eval");
    assertTrue(out.contains("accuracy="), out);
    assertTrue(out.contains("emergency_recall=1.000"), out);
    assertTrue(out.contains("red_flag_recall="), out);
    assertTrue(out.contains("recall suicide"), out);
    assertTrue(out.contains("false alarms idiom"), out);
    assertTrue(!out.contains("missed\t"), "the blind report must not print the blind lines");
  }

  @Test
  void safetyFoldsCheckEveryOwnLineOnceWithAHeadThatNeverSawIt() {
    SafetyEvaluation cv = SafetyEvaluation.crossValidate(2, TrainingData.emergencies(), TrainingData.nearMissesByKind(),
        TrainingData.training());
    assertEquals(TrainingData.emergencies().size(), cv.recall().total(), "each emergency line is checked once");
    assertEquals(TrainingData.nearMissesByKind().size(), cv.falseAlarms().total(), "each near-miss once");
    assertTrue(cv.ordinaryFalseAlarms().total() > 1000, "the other intents' lines are checked too");
    // Floors below today's figures (0.964 recall, 9.9% and 3.1% false alarms on 2026-12-07, once 900 long
    // near-misses written blind were added): a broken head or fold split fails.
    assertTrue(cv.recall().rate() >= 0.95, cv.report(false));
    assertTrue(cv.falseAlarms().rate() <= 0.13 && cv.ordinaryFalseAlarms().rate() <= 0.04, cv.report(false));
    String out = run(new byte[0], "eval", "--safety-folds", "2");
    assertTrue(out.contains("red_flag_recall=") && out.contains("ordinary_false_alarm_rate="), out);
  }

  private static String run(byte[] stdin, String... args) {
    InputStream oldIn = System.in;
    PrintStream oldOut = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setIn(new ByteArrayInputStream(stdin));
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      assertEquals(0, Main.run(List.of(args)));
    } finally {
      System.setIn(oldIn);
      System.setOut(oldOut);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
