package app.previsit.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting Previsit reads from the environment, read and validated in one place.
 * A bad value fails with a {@link ConfigException} naming the variable, never a stack trace.
 */
public record Config(
    String httpHost,
    int httpPort,
    String publicUrl,
    Optional<Path> usersFile,
    Optional<URI> redisUrl,
    Optional<String> telegramBotToken,
    String telegramApiUrl,
    Optional<String> telegramWebhookUrl,
    Optional<String> telegramWebhookSecret,
    Optional<String> telegramBotUsername,
    Optional<Path> messagesFile,
    ZoneId timeZone,
    Duration retentionAfterAppointment,
    Duration invitationLifetime,
    String practicePhone,
    String practiceName,
    Optional<String> sessionSecret,
    int chatMessagesPerMinute,
    boolean publicUrlExplicit,
    Bounds bounds,
    Optional<String> alertWebhookUrl,
    Optional<String> alertWebhookSecret,
    int reminderHours,
    int auditDays,
    ReplicaAcks replicaAcks) {

  /**
   * How the practice is named when patients are told to call it: with its number when
   * PREVISIT_PRACTICE_PHONE is set, else wording that does not pretend to be a number.
   */
  public String practiceContact() {
    return practicePhone.isBlank() ? "your GP practice" : "your GP practice on " + practicePhone;
  }

  /** Smallest accepted PREVISIT_SESSION_SECRET: as long as 32 random bytes written in hex would be half of. */
  public static final int MIN_SECRET_CHARS = 32;

  /**
   * Limits on what the service accepts: the appointment window for invitations, how long an idle
   * connection and one request may take, and which proxies' X-Forwarded-For is believed.
   */
  public record Bounds(Duration appointmentsFrom, Duration appointmentsAhead, Duration idleTimeout,
      Duration requestTimeout, java.util.List<String> trustedProxies) {
    public static Bounds defaults() {
      return new Bounds(Duration.ofDays(1), Duration.ofDays(365), Duration.ofSeconds(30), Duration.ofSeconds(15),
          java.util.List.of());
    }
  }

  /**
   * How many replicas must hold a conversation's write before the patient sees its answer
   * (PREVISIT_REDIS_REPLICA_ACKS; Redis WAIT), and how long to wait for them
   * (PREVISIT_REDIS_REPLICA_WAIT_MS). With Sentinel the default is 1: replication is asynchronous, and
   * a primary killed before its replica had a turn would otherwise lose a turn the patient saw answered.
   */
  public record ReplicaAcks(int replicas, Duration timeout) {}

  public static final String DEFAULT_TELEGRAM_API_URL = "https://api.telegram.org";

  public static Config fromEnvironment() {
    return from(System.getenv());
  }

  public static Config from(Map<String, String> env) {
    EnvReader r = new EnvReader(env);
    String host = r.string("PREVISIT_HTTP_HOST", "127.0.0.1");
    int port = r.port("PREVISIT_HTTP_PORT", 8080);
    Optional<String> explicitUrl = r.httpUrl("PREVISIT_PUBLIC_URL");
    String publicUrl = explicitUrl.orElse("http://" + host + ":" + port);
    Optional<URI> redis = r.redisUrl("REDIS_URL");
    Optional<String> secret = r.optional("PREVISIT_SESSION_SECRET");
    // One secret signs every staff session and patient device of a deployment; a short one can be guessed,
    // and without one each instance (and each restart) would sign with its own.
    if (secret.isPresent() && (secret.get().length() < MIN_SECRET_CHARS || secret.get().chars().distinct().count() < 8)) {
      throw new ConfigException("PREVISIT_SESSION_SECRET is too weak: use " + MIN_SECRET_CHARS
          + "+ random characters, e.g. the output of `openssl rand -hex 32`");
    }
    Optional<String> alertHook = r.httpUrl("PREVISIT_ALERT_WEBHOOK_URL");
    Optional<String> alertSecret = r.optional("PREVISIT_ALERT_WEBHOOK_SECRET");
    // The receiver must be able to tell our alerts from anyone else's posts.
    if (alertHook.isPresent() && alertSecret.filter(x -> x.length() >= 16).isEmpty()) {
      throw new ConfigException("PREVISIT_ALERT_WEBHOOK_SECRET must be set (16+ characters) with PREVISIT_ALERT_WEBHOOK_URL");
    }
    if (redis.isPresent() && secret.isEmpty()) {
      throw new ConfigException("PREVISIT_SESSION_SECRET is required with REDIS_URL (every instance must share it): "
          + "set it to the output of `openssl rand -hex 32`");
    }
    Optional<String> webhook = r.httpUrl("TELEGRAM_WEBHOOK_URL");
    Optional<String> webhookSecret = r.optional("TELEGRAM_WEBHOOK_SECRET");
    // Without the secret anyone who learns the address could post fake patient messages.
    if (webhook.isPresent() && webhookSecret.filter(s -> s.matches("[A-Za-z0-9_-]{16,256}")).isEmpty()) {
      throw new ConfigException("TELEGRAM_WEBHOOK_SECRET must be set with TELEGRAM_WEBHOOK_URL: 16-256 characters of A-Z a-z 0-9 _ -");
    }
    return new Config(
        host,
        port,
        stripTrailingSlash(publicUrl),
        r.optional("PREVISIT_USERS_FILE").map(Path::of),
        redis,
        r.optional("TELEGRAM_BOT_TOKEN"),
        stripTrailingSlash(r.httpUrl("TELEGRAM_API_URL").orElse(DEFAULT_TELEGRAM_API_URL)),
        webhook,
        webhookSecret,
        r.optional("TELEGRAM_BOT_USERNAME"),
        r.optional("PREVISIT_MESSAGES_FILE").map(Path::of),
        r.zone("PREVISIT_TIMEZONE", "Europe/London"),
        Duration.ofDays(r.positiveInt("PREVISIT_RETENTION_DAYS", 30)),
        Duration.ofDays(r.positiveInt("PREVISIT_INVITATION_DAYS", 14)),
        r.string("PREVISIT_PRACTICE_PHONE", ""),
        r.string("PREVISIT_PRACTICE_NAME", ""),
        secret,
        r.positiveInt("PREVISIT_CHAT_MESSAGES_PER_MINUTE", 600),
        explicitUrl.isPresent(),
        new Bounds(
            Duration.ofDays(r.positiveInt("PREVISIT_APPOINTMENT_PAST_DAYS", 1)),
            Duration.ofDays(r.positiveInt("PREVISIT_APPOINTMENT_AHEAD_DAYS", 365)),
            Duration.ofSeconds(r.positiveInt("PREVISIT_HTTP_IDLE_TIMEOUT_SECONDS", 30)),
            Duration.ofSeconds(r.positiveInt("PREVISIT_HTTP_REQUEST_TIMEOUT_SECONDS", 15)),
            r.optional("PREVISIT_TRUSTED_PROXIES").map(v -> java.util.Arrays.stream(v.split(","))
                .map(String::strip).filter(x -> !x.isEmpty()).toList()).orElse(java.util.List.of())),
        alertHook,
        alertSecret,
        r.nonNegativeInt("PREVISIT_REMINDER_HOURS", 24),
        // An NHS audit trail is kept for years: 8 years by default, and never trimmed by count.
        r.positiveInt("PREVISIT_AUDIT_DAYS", 2922),
        replicaAcks(r, redis));
  }

  private static ReplicaAcks replicaAcks(EnvReader r, Optional<URI> redis) {
    String scheme = redis.map(URI::getScheme).orElse("");
    boolean sentinel = scheme.endsWith("-sentinel");
    int replicas = r.nonNegativeInt("PREVISIT_REDIS_REPLICA_ACKS", sentinel ? 1 : 0);
    // WAIT counts the replicas of the node a connection writes to; Lettuce's cluster client spreads one
    // logical connection over every primary, so there is no connection whose writes WAIT would cover.
    if (replicas > 0 && scheme.endsWith("-cluster")) {
      throw new ConfigException("PREVISIT_REDIS_REPLICA_ACKS is not supported with redis-cluster:// (leave it unset); "
          + "use redis-sentinel:// where a turn must be on a replica before it is answered");
    }
    int waitMs = r.positiveInt("PREVISIT_REDIS_REPLICA_WAIT_MS", 500);
    // Every Redis command gives up after 2 s; a longer WAIT would be cut short by that.
    if (waitMs > 1500) throw new ConfigException("PREVISIT_REDIS_REPLICA_WAIT_MS must be at most 1500, got " + waitMs);
    return new ReplicaAcks(replicas, Duration.ofMillis(waitMs));
  }

  /**
   * The same settings listening on {@code port}: patient links follow the port unless
   * PREVISIT_PUBLIC_URL names the address patients use.
   */
  public Config withPort(int port) {
    return new Config(httpHost, port, publicUrlExplicit ? publicUrl : "http://" + httpHost + ":" + port, usersFile,
        redisUrl, telegramBotToken, telegramApiUrl, telegramWebhookUrl, telegramWebhookSecret, telegramBotUsername,
        messagesFile, timeZone, retentionAfterAppointment, invitationLifetime, practicePhone, practiceName, sessionSecret,
        chatMessagesPerMinute, publicUrlExplicit, bounds, alertWebhookUrl, alertWebhookSecret, reminderHours, auditDays, replicaAcks);
  }

  /** The same settings with another HTTP address; used by tests and {@code bench}. */
  public Config withHttp(String host, int port) {
    return new Config(host, port, "http://" + host + ":" + port, usersFile, redisUrl, telegramBotToken,
        telegramApiUrl, telegramWebhookUrl, telegramWebhookSecret, telegramBotUsername, messagesFile,
        timeZone, retentionAfterAppointment, invitationLifetime, practicePhone, practiceName, sessionSecret,
        chatMessagesPerMinute, false, bounds, alertWebhookUrl, alertWebhookSecret, reminderHours, auditDays, replicaAcks);
  }

  public Config withRedis(Optional<URI> redis) {
    return new Config(httpHost, httpPort, publicUrl, usersFile, redis, telegramBotToken,
        telegramApiUrl, telegramWebhookUrl, telegramWebhookSecret, telegramBotUsername, messagesFile,
        timeZone, retentionAfterAppointment, invitationLifetime, practicePhone, practiceName, sessionSecret,
        chatMessagesPerMinute, publicUrlExplicit, bounds, alertWebhookUrl, alertWebhookSecret, reminderHours, auditDays, replicaAcks);
  }

  private static String stripTrailingSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
