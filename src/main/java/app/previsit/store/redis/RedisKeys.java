package app.previsit.store.redis;

/**
 * Every Redis key Previsit writes, in one place. All live under {@code previsit:}.
 *
 * <p>Key layout 2 (this release) is made for Redis Cluster: every script touches keys of one hash
 * slot only. What belongs to one invitation shares the tag {@code {inv:ID}}; alerts share
 * {@code {alerts}}, staff sessions {@code {staff}}, and the Telegram inbox is eight shards
 * {@code {tg:0}} … {@code {tg:7}}. The indexes from a token, a day or a chat to an invitation are
 * plain keys written beside the record, never in its script; whoever reads one checks the record
 * it points at (a stale index entry finds nothing).
 * <pre>
 * previsit:layout                      string  "2": the key layout this data is in
 * previsit:{inv:ID}:invitation         string  invitation JSON                           expires retention after the appointment
 * previsit:{inv:ID}:session            hash    v = version, data = conversation state JSON (no transcript)   expires like the invitation
 * previsit:{inv:ID}:log                list    transcript lines (JSON), appended by the same script          same expiry
 * previsit:{inv:ID}:upload:X           hash    a printout's photo or PDF                 expires with the conversation
 * previsit:{inv:ID}:uploads            set     ids of that invitation's uploads
 * previsit:token:TOKEN                 string  invitation id (index; the record's token is checked on read)
 * previsit:day:YYYY-MM-DD              zset    invitation ids by appointment (index; the record's date is checked)
 * previsit:chat:CHATID                 string  invitation id bound to a Telegram chat (index; the binding is checked)
 * previsit:user:USERNAME               string  staff user JSON (bcrypt hash, role)
 * previsit:users                       set     usernames
 * previsit:audit:YYYY-MM-DD:0..3       stream  audit events of a UTC day, four shards     kept PREVISIT_AUDIT_DAYS after the day
 * previsit:audit                       list    audit events of releases before streams (read, never written)
 * previsit:{tg:S}:inbox                hash    Telegram update id -> update JSON, until processed (S = update id mod 8)
 * previsit:{tg:S}:seen:UPDATEID        string  update already taken in (redelivery guard)  7 days
 * previsit:tg:chat:CHATID              string  channel state of a chat (keyboard, last answer id), no patient text
 * previsit:tg:ref:REFERENCE            string  chat id where that practice reference last used Telegram  400 days
 * previsit:tg:lease:CHATID             string  the instance applying that chat's updates right now  lapses after 2 minutes
 * previsit:{staff}:session:KEY         string  staff session JSON; key = hash of the cookie's secret  expires with it (12 h)
 * previsit:{staff}:sessions:USERNAME   set     keys of that user's sessions (ended together)  lives as long as the newest
 * previsit:count:NAME                  string  a rate-limit counter or back-off marker     expires with its window
 * previsit:{alerts}:alert:ID           string  an emergency alert (invitation, patient name, category, acknowledgement)  retention
 * previsit:{alerts}:all                zset    alert ids by time raised (trimmed to the retention period)
 * previsit:{alerts}:open               set     ids of alerts nobody has acknowledged yet
 * previsit:ack:INSTANCE                string  a probe written before each WAIT for the replicas (Sentinel)  1 minute
 * </pre>
 * Patient data lives only under {@code {inv:ID}} (the token, day and chat indexes point at it);
 * forgetting a patient deletes the session and cancels the invitation. {@link LegacyKeys} names the
 * layout before this one, which {@code previsit migrate-keys} moves from.
 */
final class RedisKeys {
  static final String PREFIX = "previsit:";
  /** The layout this release reads and writes. */
  static final String LAYOUT = "2";
  /** How many shards the Telegram inbox has (a hash and its seen markers per shard). */
  static final int TELEGRAM_SHARDS = 8;

  private RedisKeys() {}

  static String layout() { return PREFIX + "layout"; }

  private static String ofInvitation(String id) { return PREFIX + "{inv:" + id + "}:"; }
  static String invitation(String id) { return ofInvitation(id) + "invitation"; }
  static String session(String id) { return ofInvitation(id) + "session"; }
  static String log(String id) { return ofInvitation(id) + "log"; }
  /** An upload and the set of an invitation's uploads, under the invitation's hash tag (one Cluster slot). */
  static String upload(String invitationId, String attachmentId) { return ofInvitation(invitationId) + "upload:" + attachmentId; }
  static String uploads(String invitationId) { return ofInvitation(invitationId) + "uploads"; }

  static String token(String token) { return PREFIX + "token:" + token; }
  static String day(String date) { return PREFIX + "day:" + date; }
  static String chat(long chatId) { return PREFIX + "chat:" + chatId; }

  static String user(String username) { return PREFIX + "user:" + username; }
  static String users() { return PREFIX + "users"; }
  static String audit() { return PREFIX + "audit"; }

  static int telegramShard(long updateId) { return (int) Math.floorMod(updateId, (long) TELEGRAM_SHARDS); }
  static String telegramInbox(int shard) { return PREFIX + "{tg:" + shard + "}:inbox"; }
  static String telegramSeen(long updateId) { return PREFIX + "{tg:" + telegramShard(updateId) + "}:seen:" + updateId; }
  static String telegramChat(long chatId) { return PREFIX + "tg:chat:" + chatId; }
  static String telegramReference(String reference) { return PREFIX + "tg:ref:" + reference; }
  static String telegramLease(long chatId) { return PREFIX + "tg:lease:" + chatId; }

  static String staffSession(String key) { return PREFIX + "{staff}:session:" + key; }
  static String staffSessionsOf(String username) { return PREFIX + "{staff}:sessions:" + username; }

  static String counter(String name) { return PREFIX + "count:" + name; }

  static String alert(String id) { return PREFIX + "{alerts}:alert:" + id; }
  static String alerts() { return PREFIX + "{alerts}:all"; }
  static String openAlerts() { return PREFIX + "{alerts}:open"; }

  static String replicaProbe(String instance) { return PREFIX + "ack:" + instance; }
}
