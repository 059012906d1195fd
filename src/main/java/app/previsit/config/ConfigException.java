package app.previsit.config;

/** A setting is missing or malformed; the message names the variable and is shown as it is. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
