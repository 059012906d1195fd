package app.previsit.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TelegramTextTest {
  @Test
  void htmlEscapesOnlyWhatHtmlParseModeReads() {
    assertEquals("a &lt;b&gt; &amp; c_d*e `f` [g](h)", TelegramText.html("a <b> & c_d*e `f` [g](h)"));
    assertEquals("🙂 ok", TelegramText.html("🙂 ok"));
  }

  @Test
  void shortTextIsOnePiece() {
    assertEquals(List.of("hello"), TelegramText.split("hello", 4096));
    assertEquals(List.of("…"), TelegramText.split("   ", 4096), "never an empty message: Telegram refuses those");
  }

  @Test
  void longTextSplitsAtParagraphsThenSentencesAndLosesNothing() {
    String para = "Sentence one is here. ".repeat(100).strip();
    String text = para + "\n\n" + para + "\n\n" + para;
    List<String> pieces = TelegramText.split(text, 4096);
    assertTrue(pieces.size() >= 2);
    pieces.forEach(p -> assertTrue(p.length() <= 4096, "piece of " + p.length()));
    assertEquals(text.replaceAll("\\s+", ""), String.join("", pieces).replaceAll("\\s+", ""));
    assertTrue(pieces.get(0).endsWith("here."), "cut at a paragraph or sentence end");

    String oneSentence = "word ".repeat(2000);
    List<String> words = TelegramText.split(oneSentence, 4096);
    words.forEach(p -> assertTrue(p.length() <= 4096 && !p.startsWith(" ") && p.endsWith("word")));
  }

  @Test
  void aCutNeverSplitsAnEmojiInHalf() {
    String emoji = "😀".repeat(3000); // 6,000 UTF-16 chars, no spaces
    List<String> pieces = TelegramText.split(emoji, 4096);
    pieces.forEach(p -> {
      assertTrue(p.length() <= 4096);
      assertTrue(!Character.isLowSurrogate(p.charAt(0)), "piece starts inside a surrogate pair");
    });
    assertEquals(emoji, String.join("", pieces));
  }

  @Test
  void piecesFitOneMessageOnceEscaped() {
    String text = "knees & hips & elbows. ".repeat(250);
    List<String> pieces = TelegramText.splitForHtml(text, TelegramText.MAX_CHARS);
    assertTrue(pieces.size() >= 2, "escaping makes this longer than one message");
    for (String p : pieces) assertTrue(TelegramText.html(p).length() <= TelegramText.MAX_CHARS, p.length() + " chars");
    assertEquals(text.replaceAll("\\s+", ""), String.join("", pieces).replaceAll("\\s+", ""), "nothing lost");
  }
}
