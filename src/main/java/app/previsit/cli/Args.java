package app.previsit.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses {@code --flag value} and {@code --switch} arguments against a known set of names. */
public final class Args {
  private final Map<String, String> values = new HashMap<>();
  private final List<String> positional = new ArrayList<>();

  private Args() {}

  /**
   * @param withValue flags that take a value ("--name")
   * @param switches flags without a value ("--demo")
   */
  public static Args parse(List<String> args, Set<String> withValue, Set<String> switches) {
    Args a = new Args();
    for (int i = 0; i < args.size(); i++) {
      String s = args.get(i);
      if (s.startsWith("--")) {
        String name = s;
        String inline = null;
        int eq = s.indexOf('=');
        if (eq > 0) {
          name = s.substring(0, eq);
          inline = s.substring(eq + 1);
        }
        if (switches.contains(name) && inline == null) {
          a.values.put(name, "true");
        } else if (withValue.contains(name)) {
          if (inline == null) {
            if (i + 1 >= args.size()) throw new UsageException(name + " needs a value");
            inline = args.get(++i);
          }
          a.values.put(name, inline);
        } else {
          throw new UsageException("unknown option " + name);
        }
      } else {
        a.positional.add(s);
      }
    }
    return a;
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  public int intValue(String name, int fallback) {
    String v = values.get(name);
    if (v == null) return fallback;
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be a whole number, got \"" + v + "\"");
    }
  }

  public List<String> positional() {
    return positional;
  }
}
