package app.previsit.nlu;

/**
 * Turns one patient utterance into an {@link Analysis}. Pure CPU work, deterministic, and
 * safe to call from many threads at once. Never throws for any input string.
 */
public interface Understanding {
  Analysis analyse(String text);
}
