package app.previsit.store;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Emergency alerts for the practice: raised once each, open until a member of staff acknowledges them. */
public interface AlertStore {
  /** Stores the alert (kept for {@code keep}) unless one with its id exists; true when it is new. */
  Future<Boolean> raise(Alert alert, Duration keep);

  /** Alerts not yet acknowledged, oldest first. */
  Future<List<Alert>> open();

  /** Alerts raised at or after {@code from}, acknowledged or not, oldest first. */
  Future<List<Alert>> since(Instant from);

  /** Marks the alert acknowledged (the first acknowledgement stands); empty when there is no such alert. */
  Future<Optional<Alert>> acknowledge(String id, String who, Instant at);
}
