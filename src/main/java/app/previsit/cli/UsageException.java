package app.previsit.cli;

/** The command line is wrong; Main prints the message and the command's usage, exit 2. */
public final class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
