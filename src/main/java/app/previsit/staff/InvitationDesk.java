package app.previsit.staff;

import app.previsit.config.Config;
import app.previsit.invitation.Invitation;
import app.previsit.invitation.InvitationStatus;
import app.previsit.invitation.Tokens;
import app.previsit.server.PatientChannels;
import app.previsit.store.InvitationStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Optional;

/** What reception does with invitations, shared by the JSON API and the pages: validate, create, cancel. */
public final class InvitationDesk {
  /** A request that cannot be accepted; the message names the field. */
  public static final class Invalid extends RuntimeException {
    public Invalid(String message) {
      super(message);
    }
  }

  private final InvitationStore store;
  private final Config config;
  private final Clock clock;
  private final PatientChannels channels;

  /** A desk whose invitations reach no channel but their links (bench, tests). */
  public InvitationDesk(InvitationStore store, Config config, Clock clock) {
    this(store, config, clock, new PatientChannels(config.telegramBotUsername()));
  }

  public InvitationDesk(InvitationStore store, Config config, Clock clock, PatientChannels channels) {
    this.store = store;
    this.config = config;
    this.clock = clock;
    this.channels = channels;
  }

  /** Validates the fields and creates the invitation; fails with {@link Invalid} naming a bad field. */
  public Future<Invitation> create(String patientName, String appointmentAt, String clinician, String reference) {
    try {
      String name = text("patientName", patientName, 200);
      String who = text("clinician", clinician, 100);
      String ref = reference == null || reference.isBlank() ? null : text("reference", reference, 64);
      LocalDateTime at = appointment(appointmentAt);
      Instant now = clock.instant();
      Instant appointmentInstant = at.atZone(config.timeZone()).toInstant();
      if (appointmentInstant.isBefore(now.minusSeconds(3600))) throw new Invalid("field 'appointmentAt' is in the past");
      Instant expires = appointmentInstant.plus(java.time.Duration.ofHours(12));
      Instant cap = now.plus(config.invitationLifetime());
      if (expires.isAfter(cap)) expires = cap.isAfter(appointmentInstant) ? cap : expires;
      Invitation inv = new Invitation(Tokens.id(), Tokens.linkToken(), name, at, who, ref, InvitationStatus.INVITED, now,
          expires, null, null, null);
      // A returning Telegram patient hears of it at once; reception's answer does not wait for that.
      return store.create(inv).onSuccess(channels::invited);
    } catch (Invalid e) {
      return Future.failedFuture(e);
    }
  }

  public Future<Optional<Invitation>> cancel(String id) {
    return store.byId(id).compose(found -> {
      if (found.isEmpty()) return Future.succeededFuture(Optional.<Invitation>empty());
      Invitation cancelled = found.get().withStatus(InvitationStatus.CANCELLED, clock.instant());
      return store.update(cancelled).map(Optional::of);
    });
  }

  public String webLink(Invitation inv) {
    return config.publicUrl() + "/chat/" + inv.token();
  }

  public String telegramLink(Invitation inv) {
    return channels.telegramLink(inv.token()).orElse(null);
  }

  /** The JSON reception sees: no clinical content. */
  public JsonObject json(Invitation inv) {
    return new JsonObject()
        .put("id", inv.id())
        .put("patientName", inv.patientName())
        .put("appointmentAt", inv.appointmentAt().atZone(config.timeZone()).toOffsetDateTime().toString())
        .put("clinician", inv.clinician())
        .put("reference", inv.reference())
        .put("status", inv.statusAt(clock.instant()).json())
        .put("expiresAt", inv.expiresAt().toString())
        .put("telegramLink", telegramLink(inv))
        .put("webLink", webLink(inv));
  }

  private LocalDateTime appointment(String value) {
    if (value == null || value.isBlank()) throw new Invalid("field 'appointmentAt' is required (e.g. 2026-11-23T09:30)");
    String v = value.strip();
    try {
      if (v.matches(".*([+-]\\d\\d:?\\d\\d|Z)$")) {
        return OffsetDateTime.parse(v).atZoneSameInstant(config.timeZone()).toLocalDateTime();
      }
      return LocalDateTime.parse(v.length() == 16 && v.charAt(10) == ' ' ? v.replace(' ', 'T') : v);
    } catch (DateTimeException e) {
      throw new Invalid("field 'appointmentAt' must be a date and time like 2026-11-23T09:30");
    }
  }

  private static String text(String field, String value, int max) {
    if (value == null || value.isBlank()) throw new Invalid("field '" + field + "' is required");
    String v = value.strip();
    if (v.length() > max) throw new Invalid("field '" + field + "' is longer than " + max + " characters");
    if (v.chars().anyMatch(ch -> ch < 0x20)) throw new Invalid("field '" + field + "' contains control characters");
    return v;
  }
}
