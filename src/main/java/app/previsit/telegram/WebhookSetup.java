package app.previsit.telegram;

import app.previsit.config.Config;
import io.vertx.core.Future;
import java.net.URI;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;

/** Webhook mode: where Telegram posts updates, and registering that address with the secret it must send. */
public final class WebhookSetup {
  public static final String DEFAULT_PATH = "/telegram/webhook";

  private WebhookSetup() {}

  /** The path of TELEGRAM_WEBHOOK_URL, which is where our HTTP server listens for Telegram. */
  public static String path(Config config) {
    String p = config.telegramWebhookUrl().map(u -> URI.create(u).getPath()).orElse("");
    return p == null || p.isEmpty() || p.equals("/") ? DEFAULT_PATH : p;
  }

  static Future<Void> register(TelegramCalls calls, Config config) {
    String url = config.telegramWebhookUrl().orElseThrow();
    if (URI.create(url).getPath() == null || URI.create(url).getPath().isEmpty() || URI.create(url).getPath().equals("/")) {
      url = url.replaceAll("/$", "") + DEFAULT_PATH;
    }
    SetWebhook set = SetWebhook.builder().url(url).secretToken(config.telegramWebhookSecret().orElseThrow())
        .allowedUpdates(java.util.List.of("message", "edited_message", "callback_query"))
        // One request at a time: Telegram then sends the next update only after we have stored this one,
        // so the inbox holds them in Telegram's order (we answer in about a millisecond, so this costs little).
        .maxConnections(1).build();
    return calls.setWebhook(set).mapEmpty();
  }
}
