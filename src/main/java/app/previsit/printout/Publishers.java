package app.previsit.printout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who publishes a page, from its web address or, when none is printed, from a publisher's name in its text.
 * The table is {@code printout/publishers.tsv}: data, so that a practice's local papers and trusts can be
 * added without code.
 */
final class Publishers {
  /** One row of the table: a domain (and optional path) with its kind and name. */
  record Publisher(String domain, String path, String kind, String name, Pattern nameInText) {}

  private final List<Publisher> rows;

  private Publishers(List<Publisher> rows) {
    // Longest domain and path first, so that bbc.co.uk/news wins over bbc.co.uk and www.nhs.uk over nhs.uk.
    this.rows = rows.stream()
        .sorted(Comparator.comparingInt((Publisher p) -> -(p.domain().length() + p.path().length()))).toList();
  }

  static Publishers shipped() {
    try (InputStream in = Publishers.class.getResourceAsStream("/printout/publishers.tsv")) {
      if (in == null) throw new IllegalStateException("printout/publishers.tsv missing from the class path");
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Publishers parse(List<String> lines) {
    List<Publisher> rows = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] f = line.split("\t");
      if (f.length < 3) throw new IllegalArgumentException("publishers.tsv: want domain, kind, name: " + line);
      String where = f[0].strip().toLowerCase(Locale.ROOT);
      int slash = where.indexOf('/');
      String domain = slash < 0 ? where : where.substring(0, slash);
      String path = slash < 0 ? "" : where.substring(slash);
      String name = f[2].strip();
      // A name of two words or more is found in capitals too (a masthead: "DAILY EXPRESS"); a one-word name
      // only as written, so that "patient" is not Patient.info.
      int flags = name.contains(" ") ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
      Pattern inText = f.length > 3 && f[3].strip().equals("*")
          ? Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])", flags) : null;
      rows.add(new Publisher(domain, path, f[1].strip(), name, inText));
    }
    return new Publishers(rows);
  }

  /** The publisher of a web address's host and path, or null when the table does not know it. */
  Publisher byAddress(String host, String path) {
    String h = host.toLowerCase(Locale.ROOT);
    String p = path == null ? "" : path.toLowerCase(Locale.ROOT);
    for (Publisher r : rows) {
      boolean domainMatches = h.equals(r.domain()) || h.endsWith("." + r.domain());
      if (domainMatches && (r.path().isEmpty() || p.startsWith(r.path()))) return r;
    }
    return null;
  }

  /** The publisher whose name appears earliest in the text (names marked for it in the table only). */
  Publisher byName(String text) {
    Publisher best = null;
    int at = Integer.MAX_VALUE;
    for (Publisher r : rows) {
      if (r.nameInText() == null) continue;
      var m = r.nameInText().matcher(text);
      if (m.find() && m.start() < at) {
        at = m.start();
        best = r;
      }
    }
    return best;
  }
}
