package app.previsit.printout;

/**
 * What a printed page says about itself, read from its text: the kind of source (nhs, nhs_leaflet, charity,
 * newspaper, forum, other), who published it as a patient would say it, the page's own title, the address
 * printed on it and a short excerpt of its body. Any of them may be null when the page does not show it.
 */
public record PageFacts(String kind, String publisher, String title, String url, String excerpt) {
  public static final PageFacts NOTHING = new PageFacts("other", null, null, null, null);

  /** How the bot names the source in a sentence: "an NHS web page", "an article from The Guardian"… */
  public String described() {
    String p = publisher;
    return switch (kind == null ? "other" : kind) {
      case "nhs" -> "an NHS web page";
      case "nhs_leaflet" -> p == null ? "an NHS leaflet" : "a leaflet from " + p;
      case "charity" -> p == null ? "a page from a health charity" : "a page from " + p;
      case "newspaper" -> p == null ? "a newspaper article" : "an article from " + p;
      case "forum" -> p == null ? "a post on a forum" : "a post on " + p;
      default -> p == null ? "a printed page" : "a page from " + p;
    };
  }
}
