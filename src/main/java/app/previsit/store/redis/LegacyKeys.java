package app.previsit.store.redis;

import java.util.Optional;

/**
 * The key layout of releases before Cluster support (layout 1: plain keys, no hash tags), and where
 * each of its keys lives now. Keys not named here (token, day and chat indexes, users, audit, counters,
 * Telegram chat state, references and leases, uploads) kept their names.
 */
final class LegacyKeys {
  private static final String P = RedisKeys.PREFIX;
  /** The old Telegram inbox: one hash for every update in flight. */
  static final String TELEGRAM_INBOX = P + "tg:inbox";

  private LegacyKeys() {}

  static boolean isLegacy(String key) {
    return key.equals(TELEGRAM_INBOX) || renamed(key).isPresent();
  }

  /** The layout-2 name of an old key that is moved whole; empty for keys that stay (and for the inbox). */
  static Optional<String> renamed(String key) {
    if (key.equals(P + "alerts")) return Optional.of(RedisKeys.alerts());
    if (key.equals(P + "alerts:open")) return Optional.of(RedisKeys.openAlerts());
    String id;
    if ((id = after(key, P + "inv:")) != null) return Optional.of(RedisKeys.invitation(id));
    if ((id = after(key, P + "session:")) != null) return Optional.of(RedisKeys.session(id));
    if ((id = after(key, P + "log:")) != null) return Optional.of(RedisKeys.log(id));
    if ((id = after(key, P + "alert:")) != null) return Optional.of(RedisKeys.alert(id));
    if ((id = after(key, P + "staff:session:")) != null) return Optional.of(RedisKeys.staffSession(id));
    if ((id = after(key, P + "staff:sessions:")) != null) return Optional.of(RedisKeys.staffSessionsOf(id));
    if ((id = after(key, P + "tg:seen:")) != null && id.matches("-?\\d{1,19}")) {
      return Optional.of(RedisKeys.telegramSeen(Long.parseLong(id)));
    }
    return Optional.empty();
  }

  private static String after(String key, String prefix) {
    return key.startsWith(prefix) && key.length() > prefix.length() ? key.substring(prefix.length()) : null;
  }
}
