package app.previsit.alerts;

import app.previsit.store.Alert;
import app.previsit.store.AlertStore;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The open alerts of the whole deployment, read from the store every second (and at once when this
 * process raises or acknowledges one) and published on the local event bus whenever they change, so
 * that every open staff page on any instance shows a new emergency within about a second.
 */
public final class AlertFeed {
  /** Local event-bus address carrying the open alerts (a JSON array) each time they change. */
  public static final String ADDRESS = "previsit.alerts.open";
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.UK);

  private final Vertx vertx;
  private final AlertStore store;
  private final ZoneId zone;
  private volatile String current = "[]";
  private long timer = -1;

  public AlertFeed(Vertx vertx, AlertStore store, ZoneId zone) {
    this.vertx = vertx;
    this.store = store;
    this.zone = zone;
  }

  public void start() {
    refresh();
    timer = vertx.setPeriodic(1000, t -> refresh());
  }

  public void stop() {
    if (timer >= 0) vertx.cancelTimer(timer);
  }

  /** The open alerts as last read: a JSON array of {@link #view}s. */
  public String current() {
    return current;
  }

  /** Reads the store now and publishes when something changed; a store outage keeps the last known list. */
  public void refresh() {
    store.open().onSuccess(open -> {
      String next = views(open).encode();
      if (!next.equals(current)) {
        current = next;
        vertx.eventBus().publish(ADDRESS, next);
      }
    });
  }

  JsonArray views(List<Alert> alerts) {
    JsonArray out = new JsonArray();
    for (Alert a : alerts) out.add(view(a, zone));
    return out;
  }

  /** What a staff page shows of an alert: who, what in words, when in the practice's time. */
  public static JsonObject view(Alert a, ZoneId zone) {
    return new JsonObject().put("id", a.id()).put("invitationId", a.invitationId()).put("patientName", a.patientName())
        .put("reference", a.reference()).put("category", a.category()).put("categoryText", RedFlagWords.of(a.category()))
        .put("raisedAt", a.raisedAt().toString()).put("raisedAtText", WHEN.format(a.raisedAt().atZone(zone)))
        .put("acknowledgedBy", a.acknowledgedBy())
        .put("acknowledgedAtText", a.acknowledgedAt() == null ? null : WHEN.format(a.acknowledgedAt().atZone(zone)));
  }
}
