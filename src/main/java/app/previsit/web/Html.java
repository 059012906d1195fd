package app.previsit.web;

/** HTML escaping for server-rendered pages: every piece of patient or staff text goes through it. */
public final class Html {
  private Html() {}

  public static String esc(Object value) {
    if (value == null) return "";
    String s = value.toString();
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** A whole page with the shared stylesheet and an optional script (never inline). */
  public static String page(String title, String body, String script) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + esc(title) + " · Previsit</title><link rel=\"stylesheet\" href=\"/static/previsit.css\">"
        + (script == null ? "" : "<script src=\"/static/" + script + "\" defer></script>")
        + "</head><body>" + body + "</body></html>";
  }
}
