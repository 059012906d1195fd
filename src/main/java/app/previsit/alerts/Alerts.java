package app.previsit.alerts;

import app.previsit.config.Config;
import app.previsit.conversation.RedFlagAlarm;
import app.previsit.dialogue.RedFlag;
import app.previsit.invitation.Invitation;
import app.previsit.store.Alert;
import app.previsit.store.AlertStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.Optional;

/**
 * The practice hears of every red flag: each becomes an alert in the store (once, whatever retries
 * happen), open on every staff page until acknowledged, counted in /metrics, and posted to the
 * practice's webhook when one is configured.
 */
public final class Alerts implements RedFlagAlarm {
  private final AlertStore store;
  private final Config config;
  private final MeterRegistry metrics;
  private final Optional<AlertWebhook> webhook;
  private final AlertFeed feed;

  public Alerts(Vertx vertx, AlertStore store, Config config, MeterRegistry metrics, AlertFeed feed) {
    this.store = store;
    this.config = config;
    this.metrics = metrics;
    this.feed = feed;
    this.webhook = config.alertWebhookUrl().map(url -> new AlertWebhook(vertx, url, config.alertWebhookSecret().orElseThrow(),
        metrics, 1000));
  }

  @Override
  public Future<Void> raised(Invitation inv, RedFlag flag, int index) {
    Alert alert = new Alert(inv.id() + "-" + index, inv.id(), inv.patientName(), inv.reference(), flag.category(),
        Instant.ofEpochMilli(flag.at()), null, null);
    return store.raise(alert, config.retentionAfterAppointment()).map(isNew -> {
      if (isNew) {
        metrics.counter("previsit_alerts_raised_total", "category", String.valueOf(flag.category())).increment();
        webhook.ifPresent(w -> w.send(alert));
        feed.refresh();
      }
      return null;
    });
  }
}
