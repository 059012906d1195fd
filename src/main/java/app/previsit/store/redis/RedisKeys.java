package app.previsit.store.redis;

/**
 * Every Redis key Previsit writes, in one place. All live under {@code previsit:}.
 * <pre>
 * previsit:inv:{id}          string  invitation JSON              expires retention after the appointment
 * previsit:token:{token}     string  invitation id                same expiry
 * previsit:day:{yyyy-mm-dd}  zset    invitation ids by appointment same expiry
 * previsit:chat:{chatId}     string  invitation id bound to a Telegram chat
 * previsit:session:{id}      hash    v = version, data = conversation state JSON (no transcript)   expires like the invitation
 * previsit:log:{id}          list    transcript lines (JSON), appended by the same script   same expiry
 * previsit:user:{username}   string  staff user JSON (bcrypt hash, role)
 * previsit:users             set     usernames
 * previsit:audit             list    audit events, newest first (trimmed to 100,000)
 * previsit:tg:inbox          hash    Telegram update id -> update JSON, until processed
 * previsit:tg:seen:{updateId} string update already taken in (redelivery guard)  expires after 7 days
 * previsit:tg:chat:{chatId}  string  channel state of a chat (keyboard, last answer id), no patient text
 * previsit:tg:ref:{reference} string chat id where that practice reference last used Telegram  400 days
 * previsit:tg:lease:{chatId} string the instance applying that chat's updates right now  lapses after 2 minutes
 * previsit:staff:session:{key} string staff session JSON (user, role, times); key = hash of the cookie's secret  expires with it (12 h)
 * previsit:staff:sessions:{username} set keys of that user's sessions (ended together)  lives as long as the newest
 * previsit:count:{name}      string  a rate-limit counter or back-off marker  expires with its window
 * previsit:alert:{id}        string  an emergency alert (invitation, patient name, category, acknowledgement)  retention
 * previsit:alerts            zset    alert ids by time raised (trimmed to the retention period)
 * previsit:alerts:open       set     ids of alerts nobody has acknowledged yet
 * </pre>
 * Patient data lives only in inv, session, log (and the token/day/chat indexes point at it);
 * forgetting a patient deletes the session and cancels the invitation.
 */
final class RedisKeys {
  static final String PREFIX = "previsit:";

  private RedisKeys() {}

  static String invitation(String id) { return PREFIX + "inv:" + id; }
  static String token(String token) { return PREFIX + "token:" + token; }
  static String day(String date) { return PREFIX + "day:" + date; }
  static String chat(long chatId) { return chatPrefix() + chatId; }
  static String chatPrefix() { return PREFIX + "chat:"; }
  static String session(String id) { return PREFIX + "session:" + id; }
  static String log(String id) { return PREFIX + "log:" + id; }
  static String user(String username) { return PREFIX + "user:" + username; }
  static String users() { return PREFIX + "users"; }
  static String audit() { return PREFIX + "audit"; }
  static String telegramInbox() { return PREFIX + "tg:inbox"; }
  static String telegramSeen(long updateId) { return PREFIX + "tg:seen:" + updateId; }
  static String telegramChat(long chatId) { return PREFIX + "tg:chat:" + chatId; }
  static String telegramReference(String reference) { return PREFIX + "tg:ref:" + reference; }
  static String telegramLease(long chatId) { return PREFIX + "tg:lease:" + chatId; }
  static String staffSession(String key) { return PREFIX + "staff:session:" + key; }
  static String staffSessionsOf(String username) { return PREFIX + "staff:sessions:" + username; }
  static String counter(String name) { return PREFIX + "count:" + name; }
  static String alert(String id) { return PREFIX + "alert:" + id; }
  /** An upload and the set of an invitation's uploads, under the invitation's hash tag (one Cluster slot). */
  static String upload(String invitationId, String attachmentId) { return PREFIX + "{inv:" + invitationId + "}:upload:" + attachmentId; }
  static String uploads(String invitationId) { return PREFIX + "{inv:" + invitationId + "}:uploads"; }
  static String alerts() { return PREFIX + "alerts"; }
  static String openAlerts() { return PREFIX + "alerts:open"; }
}
