package app.previsit.dialogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * All the bot's wording, from messages_en.properties on the class path, with any lines of a
 * practice's own file laid over it. Placeholders look like {name}; a missing key fails loudly
 * at start-up rather than showing a patient a blank message.
 */
public final class Messages {
  private final Properties texts;
  private final Map<String, String> defaults;

  private Messages(Properties texts, Map<String, String> defaults) {
    this.texts = texts;
    this.defaults = defaults;
  }

  /**
   * @param overrides a practice's file whose lines replace the built-in ones
   * @param defaults values for placeholders used everywhere, e.g. phone and days
   */
  public static Messages load(Optional<Path> overrides, Map<String, String> defaults) {
    Properties p = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream("/messages_en.properties")) {
      if (in == null) throw new IllegalStateException("messages_en.properties missing from the class path");
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      if (overrides.isPresent()) {
        try (Reader r = Files.newBufferedReader(overrides.get(), StandardCharsets.UTF_8)) {
          p.load(r);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read messages file " + overrides.map(Path::toString).orElse(""), e);
    }
    return new Messages(p, Map.copyOf(defaults));
  }

  /** The built-in wording with the placeholders a test or the console needs. */
  public static Messages defaults() {
    return load(Optional.empty(), Map.of("phone", "the practice", "days", "30"));
  }

  /** The text for key with placeholders filled: args are name, value pairs. */
  public String text(String key, String... args) {
    String t = texts.getProperty(key);
    if (t == null) throw new IllegalStateException("no message for key '" + key + "'");
    for (int i = 0; i + 1 < args.length; i += 2) t = t.replace("{" + args[i] + "}", args[i + 1]);
    for (Map.Entry<String, String> d : defaults.entrySet()) t = t.replace("{" + d.getKey() + "}", d.getValue());
    return t;
  }

  /** A '|'-separated list of button labels. */
  public List<String> buttons(String key) {
    return Arrays.asList(text(key).split("\\|"));
  }
}
