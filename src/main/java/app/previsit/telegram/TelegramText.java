package app.previsit.telegram;

import java.util.ArrayList;
import java.util.List;

/**
 * Our plain text made safe for Telegram's HTML parse mode, and cut to Telegram's 4,096-character
 * message limit at the most natural place: a paragraph, else a sentence, else a word.
 */
public final class TelegramText {
  /** Telegram's limit counts the text after entity parsing, i.e. the plain text. */
  public static final int MAX_CHARS = 4096;

  private TelegramText() {}

  /** Escapes the three characters HTML parse mode gives meaning to; everything else is literal. */
  public static String html(String plain) {
    StringBuilder b = new StringBuilder(plain.length() + 16);
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** The text in pieces of at most {@code max} characters; never an empty piece, never a split surrogate pair. */
  /**
   * Pieces of plain text whose HTML-escaped form fits one Telegram message: escaping makes "&" five
   * characters, so a piece of 4,000 plain characters full of "&" would be refused.
   */
  public static List<String> splitForHtml(String text, int max) {
    List<String> out = new ArrayList<>();
    for (String piece : split(text, max)) addFitting(out, piece, max);
    return out;
  }

  private static void addFitting(List<String> out, String piece, int max) {
    int escaped = html(piece).length();
    if (escaped <= max) {
      out.add(piece);
      return;
    }
    // Scale the plain budget down by how much escaping grew this piece; always strictly shorter.
    int budget = Math.max(1, (int) ((long) piece.length() * max / escaped) - 8);
    for (String p : split(piece, budget)) addFitting(out, p, max);
  }

  public static List<String> split(String text, int max) {
    List<String> out = new ArrayList<>();
    String rest = text == null ? "" : text.strip();
    while (rest.length() > max) {
      int cut = cutPoint(rest, max);
      String piece = rest.substring(0, cut).strip();
      if (!piece.isEmpty()) out.add(piece);
      rest = rest.substring(cut).strip();
    }
    if (!rest.isEmpty() || out.isEmpty()) out.add(rest.isEmpty() ? "…" : rest);
    return out;
  }

  private static int cutPoint(String s, int max) {
    int paragraph = s.lastIndexOf("\n\n", max);
    if (paragraph > max / 3) return paragraph;
    int line = s.lastIndexOf('\n', max);
    if (line > max / 2) return line;
    for (int i = max - 1; i > max / 2; i--) {
      char c = s.charAt(i - 1);
      if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(s.charAt(i))) return i;
    }
    int space = s.lastIndexOf(' ', max);
    if (space > max / 2) return space;
    int cut = max;
    if (Character.isLowSurrogate(s.charAt(cut)) && Character.isHighSurrogate(s.charAt(cut - 1))) cut--;
    return cut;
  }
}
