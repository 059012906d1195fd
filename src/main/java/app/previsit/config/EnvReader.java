package app.previsit.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/** Reads typed values out of an environment map; every failure names the variable. */
final class EnvReader {
  private final Map<String, String> env;

  EnvReader(Map<String, String> env) {
    this.env = env;
  }

  Optional<String> optional(String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  String string(String name, String fallback) {
    return optional(name).orElse(fallback);
  }

  int port(String name, int fallback) {
    Optional<String> v = optional(name);
    if (v.isEmpty()) return fallback;
    try {
      int p = Integer.parseInt(v.get());
      if (p < 0 || p > 65535) throw new NumberFormatException();
      return p;
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be a port number 0-65535, got \"" + v.get() + "\"");
    }
  }

  int nonNegativeInt(String name, int fallback) {
    Optional<String> v = optional(name);
    if (v.isEmpty()) return fallback;
    try {
      int n = Integer.parseInt(v.get());
      if (n < 0) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be a whole number, 0 or more, got \"" + v.get() + "\"");
    }
  }

  int positiveInt(String name, int fallback) {
    Optional<String> v = optional(name);
    if (v.isEmpty()) return fallback;
    try {
      int n = Integer.parseInt(v.get());
      if (n <= 0) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be a positive whole number, got \"" + v.get() + "\"");
    }
  }

  Optional<String> httpUrl(String name) {
    Optional<String> v = optional(name);
    v.ifPresent(url -> {
      URI u = parse(name, url);
      if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
        throw new ConfigException(name + " must be an http(s) URL like https://host:port, got \"" + url + "\"");
      }
    });
    return v;
  }

  /**
   * REDIS_URL in one of three forms: one node ({@code redis://host:6379/0}, {@code rediss://}), a
   * cluster by its seed nodes ({@code redis-cluster://h1:p1,h2:p2,h3:p3}) or a primary found through
   * its sentinels ({@code redis-sentinel://h1:p1,h2:p2,h3:p3#mymaster}, Lettuce's syntax). Nodes of a
   * list are named by host name or IPv4 address (java.net.URI cannot parse a list of IPv6 literals).
   */
  Optional<URI> redisUrl(String name) {
    Optional<String> v = optional(name);
    if (v.isEmpty()) return Optional.empty();
    URI u = parse(name, v.get());
    String scheme = u.getScheme() == null ? "" : u.getScheme();
    String hint = " must look like redis://host:6379/0, redis-cluster://h1:p1,h2:p2,h3:p3 or "
        + "redis-sentinel://h1:p1,h2:p2,h3:p3#mymaster, got \"" + redact(v.get()) + "\"";
    boolean ok = switch (scheme) {
      case "redis", "rediss" -> u.getHost() != null;
      case "redis-cluster", "rediss-cluster" -> hostList(u) && u.getFragment() == null;
      case "redis-sentinel", "rediss-sentinel" -> hostList(u) && u.getFragment() != null && !u.getFragment().isBlank();
      default -> false;
    };
    if (!ok) throw new ConfigException(name + hint);
    return Optional.of(u);
  }

  /** {@code [user:password@]host:port[,host:port…]}: every node with its port. */
  private static boolean hostList(URI u) {
    String authority = u.getRawAuthority();
    if (authority == null) return false;
    String hosts = authority.substring(authority.lastIndexOf('@') + 1);
    for (String node : hosts.split(",", -1)) {
      if (!node.matches("[A-Za-z0-9._-]+:\\d{1,5}")) return false;
      if (Integer.parseInt(node.substring(node.lastIndexOf(':') + 1)) > 65535) return false;
    }
    return true;
  }

  ZoneId zone(String name, String fallback) {
    String v = string(name, fallback);
    try {
      return ZoneId.of(v);
    } catch (DateTimeException e) {
      throw new ConfigException(name + " must be a time zone such as Europe/London, got \"" + v + "\"");
    }
  }

  private static URI parse(String name, String value) {
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      throw new ConfigException(name + " is not a valid URL: \"" + redact(value) + "\"");
    }
  }

  /**
   * Never echo a password that may be inside a URL: everything between {@code //} and the last {@code @} is
   * hidden (a password may hold {@code /} or an unencoded {@code @}).
   */
  private static String redact(String url) {
    int start = url.indexOf("//");
    int at = url.lastIndexOf('@');
    return start >= 0 && at > start ? url.substring(0, start + 2) + "***" + url.substring(at) : url;
  }
}
