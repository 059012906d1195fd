package app.previsit.web;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Pebble templates from templates/ on the class path, HTML auto-escaping on: every value put into
 * a page is escaped unless a template says otherwise (none does). Compiled once and cached.
 */
public final class Templates {
  private static final PebbleEngine ENGINE = new PebbleEngine.Builder()
      .loader(loader())
      .autoEscaping(true)
      .defaultEscapingStrategy("html")
      .strictVariables(false)
      .build();

  private Templates() {}

  private static ClasspathLoader loader() {
    ClasspathLoader l = new ClasspathLoader();
    l.setPrefix("templates");
    l.setSuffix(".peb");
    return l;
  }

  public static String render(String name, Map<String, Object> model) {
    StringWriter out = new StringWriter(4096);
    try {
      ENGINE.getTemplate(name).evaluate(out, model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** A plain message page ("Sorry", "Not allowed"…). */
  public static String notice(String title, String heading, String message, String back, boolean error) {
    Map<String, Object> m = new HashMap<>();
    m.put("title", title);
    m.put("heading", heading);
    m.put("message", message);
    m.put("back", back);
    m.put("error", error);
    return render("notice", m);
  }
}
