package app.previsit.printout;

/**
 * What was read from one photo or PDF of a printout. {@code readable} is false when too few words came out
 * (a blurred photo, a picture of something else); the file is kept all the same. {@code kept} is the copy to
 * store for the GP (re-encoded without metadata; for a PDF a picture of its first page), or null when nothing is to be kept.
 */
public record PrintoutReading(boolean readable, String text, PageFacts facts, int confidence, byte[] kept,
    String keptType, long millis) {
  /**
   * Text longer than this is cut: the GP reads the photo for the rest (and the words travel in the conversation's
   * state, which is written on every turn).
   */
  public static final int MAX_TEXT_CHARS = 8_000;

  /** What the conversation is told of it. */
  public app.previsit.dialogue.PrintedPage asPage() {
    if (!readable) return app.previsit.dialogue.PrintedPage.unreadable();
    return new app.previsit.dialogue.PrintedPage(true, text, facts.kind(), facts.publisher(), facts.title(), facts.url(),
        facts.excerpt(), facts.described());
  }
}
