package app.previsit.printout;

/** A file Previsit will not read or keep, with the reason in words a patient can act on. */
public final class PrintoutRefused extends Exception {
  /** Why, for the HTTP status: too big (413), a type we cannot read (415), a broken file (422). */
  public enum Why { TOO_BIG, UNSUPPORTED, UNREADABLE }

  private final Why why;

  public PrintoutRefused(Why why, String message) {
    super(message, null, false, false);
    this.why = why;
  }

  public Why why() {
    return why;
  }
}
