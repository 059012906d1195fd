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
    Optional<String> sessionSecret,
    int chatMessagesPerMinute) {

  public static final String DEFAULT_TELEGRAM_API_URL = "https://api.telegram.org";

  public static Config fromEnvironment() {
    return from(System.getenv());
  }

  public static Config from(Map<String, String> env) {
    EnvReader r = new EnvReader(env);
    String host = r.string("PREVISIT_HTTP_HOST", "127.0.0.1");
    int port = r.port("PREVISIT_HTTP_PORT", 8080);
    String publicUrl = r.httpUrl("PREVISIT_PUBLIC_URL").orElse("http://" + host + ":" + port);
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
        r.redisUrl("REDIS_URL"),
        r.optional("TELEGRAM_BOT_TOKEN"),
        stripTrailingSlash(r.httpUrl("TELEGRAM_API_URL").orElse(DEFAULT_TELEGRAM_API_URL)),
        webhook,
        webhookSecret,
        r.optional("TELEGRAM_BOT_USERNAME"),
        r.optional("PREVISIT_MESSAGES_FILE").map(Path::of),
        r.zone("PREVISIT_TIMEZONE", "Europe/London"),
        Duration.ofDays(r.positiveInt("PREVISIT_RETENTION_DAYS", 30)),
        Duration.ofDays(r.positiveInt("PREVISIT_INVITATION_DAYS", 14)),
        r.string("PREVISIT_PRACTICE_PHONE", "the practice"),
        r.optional("PREVISIT_SESSION_SECRET"),
        r.positiveInt("PREVISIT_CHAT_MESSAGES_PER_MINUTE", 600));
  }

  /** The same settings with another HTTP address; used by tests and {@code bench}. */
  public Config withHttp(String host, int port) {
    return new Config(host, port, "http://" + host + ":" + port, usersFile, redisUrl, telegramBotToken,
        telegramApiUrl, telegramWebhookUrl, telegramWebhookSecret, telegramBotUsername, messagesFile,
        timeZone, retentionAfterAppointment, invitationLifetime, practicePhone, sessionSecret,
        chatMessagesPerMinute);
  }

  public Config withRedis(Optional<URI> redis) {
    return new Config(httpHost, httpPort, publicUrl, usersFile, redis, telegramBotToken,
        telegramApiUrl, telegramWebhookUrl, telegramWebhookSecret, telegramBotUsername, messagesFile,
        timeZone, retentionAfterAppointment, invitationLifetime, practicePhone, sessionSecret,
        chatMessagesPerMinute);
  }

  private static String stripTrailingSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
