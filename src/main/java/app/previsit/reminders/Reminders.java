package app.previsit.reminders;

import app.previsit.invitation.Invitation;
import app.previsit.invitation.InvitationStatus;
import app.previsit.server.Services;
import app.previsit.store.AuditEvent;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminders to finish preparing, for patients whose Telegram chat holds their invitation (the web
 * chat has no way to reach a patient). Reception can remind by hand; and once, automatically,
 * PREVISIT_REMINDER_HOURS before the appointment (0 turns that off). Never for a patient who stopped
 * the chat, finished, or whose invitation is cancelled or has lapsed. A once-marker in the store keeps
 * the automatic reminder to one even with several instances sweeping.
 */
public final class Reminders {
  private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);
  /** How often each instance looks for invitations due a reminder. */
  private static final long SWEEP_MS = 60_000;

  private final Services services;
  private final Duration before;
  private long timer = -1;

  public Reminders(Services services) {
    this.services = services;
    this.before = Duration.ofHours(services.config().reminderHours());
  }

  /** True when reception may remind this patient now. */
  public boolean remindable(Invitation inv) {
    InvitationStatus s = inv.statusAt(services.clock().instant());
    return (s == InvitationStatus.INVITED || s == InvitationStatus.STARTED) && inv.outcome() == null
        && services.channels().canRemind(inv);
  }

  /** Reception's reminder: sent and audited, or false when this patient cannot be reminded. */
  public Future<Boolean> remindNow(Invitation inv, String who) {
    if (!remindable(inv)) return Future.succeededFuture(false);
    return services.channels().remind(inv).compose(sent -> sent
        ? services.stores().audit().record(new AuditEvent(services.clock().instant(), who, "remind", inv.id())).map(true)
        : Future.succeededFuture(false));
  }

  /** Starts the automatic reminders: a first sweep soon after start, then one a minute. */
  public void start() {
    if (before.isZero()) return;
    services.vertx().setTimer(2000, t -> sweep());
    timer = services.vertx().setPeriodic(SWEEP_MS, t -> sweep());
  }

  public void stop() {
    if (timer >= 0) services.vertx().cancelTimer(timer);
  }

  /** Reminds, once each, the patients whose appointment is now within the reminder time. */
  Future<Integer> sweep() {
    if (services.channels().telegram() == null) return Future.succeededFuture(0);
    Instant now = services.clock().instant();
    LocalDate today = LocalDate.now(services.clock().withZone(services.config().timeZone()));
    List<Future<List<Invitation>>> days = new ArrayList<>();
    for (long d = 0; d <= before.toDays() + 1; d++) days.add(services.stores().invitations().byDate(today.plusDays(d)));
    return Future.all(days).compose(all -> {
      Future<Integer> sent = Future.succeededFuture(0);
      for (Future<List<Invitation>> day : days) {
        for (Invitation inv : day.result()) {
          Instant at = inv.appointmentAt().atZone(services.config().timeZone()).toInstant();
          if (!at.isAfter(now) || at.minus(before).isAfter(now) || !remindable(inv)) continue;
          sent = sent.compose(n -> once(inv, at).map(ok -> ok ? n + 1 : n));
        }
      }
      return sent;
    }).onFailure(e -> LOG.warn("reminder sweep failed: {}", e.getClass().getSimpleName()));
  }

  private Future<Boolean> once(Invitation inv, Instant appointment) {
    Duration keep = Duration.between(services.clock().instant(), appointment).plusDays(1);
    return services.stores().counters().increment("reminded:" + inv.id(), keep).compose(n -> n == 1
        ? services.channels().remind(inv).compose(sent -> services.stores().audit()
            .record(new AuditEvent(services.clock().instant(), "previsit", "remind-automatic", inv.id())).map(sent))
        : Future.succeededFuture(false));
  }
}
