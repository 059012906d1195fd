package app.previsit.store;

/** The backing store (Redis) cannot be reached; callers answer 503 and try again later. */
public final class StoreUnavailableException extends RuntimeException {
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
