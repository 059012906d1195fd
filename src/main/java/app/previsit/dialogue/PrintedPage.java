package app.previsit.dialogue;

/**
 * What was read from a printout, in the terms the conversation needs. {@code readable} false means too few
 * words came out of the photo; the rest are then null. {@code described} names the source in a sentence ("an
 * NHS web page", "an article from The Guardian"); {@code publisher} and {@code title} may each be null.
 */
public record PrintedPage(boolean readable, String text, String sourceKind, String publisher, String title, String url,
    String excerpt, String described) {
  public static PrintedPage unreadable() {
    return new PrintedPage(false, null, null, null, null, null, null, null);
  }
}
