package app.previsit.store.memory;

import app.previsit.store.Alert;
import app.previsit.store.AlertStore;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Alerts in process memory (lost on restart, as everything in the memory store). */
public final class MemoryAlertStore implements AlertStore {
  private final Map<String, Alert> alerts = new ConcurrentHashMap<>();

  @Override
  public Future<Boolean> raise(Alert alert, Duration keep) {
    alerts.values().removeIf(a -> a.raisedAt().plus(keep).isBefore(Instant.now()));
    return Future.succeededFuture(alerts.putIfAbsent(alert.id(), alert) == null);
  }

  @Override
  public Future<List<Alert>> open() {
    return Future.succeededFuture(sorted(alerts.values().stream().filter(Alert::open).toList()));
  }

  @Override
  public Future<List<Alert>> since(Instant from) {
    return Future.succeededFuture(sorted(alerts.values().stream().filter(a -> !a.raisedAt().isBefore(from)).toList()));
  }

  @Override
  public Future<Optional<Alert>> acknowledge(String id, String who, Instant at) {
    Alert a = alerts.computeIfPresent(id, (k, old) -> old.open() ? old.acknowledged(who, at) : old);
    return Future.succeededFuture(Optional.ofNullable(a));
  }

  private static List<Alert> sorted(List<Alert> list) {
    return list.stream().sorted(Comparator.comparing(Alert::raisedAt).thenComparing(Alert::id)).toList();
  }
}
