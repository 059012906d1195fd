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
import java.time.LocalDate;
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
    this(store, config, clock, channels, null);
  }

  public InvitationDesk(InvitationStore store, Config config, Clock clock, PatientChannels channels,
      app.previsit.store.TelegramStore telegram) {
    this.store = store;
    this.config = config;
    this.clock = clock;
    this.channels = channels;
    this.telegram = telegram;
  }

  /** Telegram's reference-to-chat memory, when the desk should make a new link shut out an old chat; may be null. */
  private final app.previsit.store.TelegramStore telegram;

  public Future<Invitation> create(String patientName, String appointmentAt, String clinician, String reference) {
    return create(patientName, appointmentAt, clinician, reference, null);
  }

  public Future<Invitation> create(String patientName, String appointmentAt, String clinician, String reference,
      String dateOfBirth) {
    return create(patientName, appointmentAt, clinician, reference, dateOfBirth, null);
  }

  /** Validates the fields and creates the invitation; fails with {@link Invalid} naming a bad field. */
  public Future<Invitation> create(String patientName, String appointmentAt, String clinician, String reference,
      String dateOfBirth, String nhsNumber) {
    try {
      Invitation inv = prepare(patientName, appointmentAt, clinician, reference, dateOfBirth, nhsNumber);
      // A returning Telegram patient hears of it at once; reception's answer does not wait for that.
      return store.create(inv).onSuccess(channels::invited);
    } catch (Invalid e) {
      return Future.failedFuture(e);
    }
  }

  /** The invitation these fields make, not yet stored; throws {@link Invalid} naming a bad field. */
  public Invitation prepare(String patientName, String appointmentAt, String clinician, String reference, String dateOfBirth,
      String nhsNumber) {
    {
      String nhs = nhsNumber == null || nhsNumber.isBlank() ? null : app.previsit.invitation.NhsNumber.parse(nhsNumber)
          .orElseThrow(() -> new Invalid("field 'nhsNumber' is not a valid NHS number (10 digits with a correct check digit)"));
      String name = text("patientName", patientName, 200);
      String who = text("clinician", clinician, 100);
      String ref = reference == null || reference.isBlank() ? null : text("reference", reference, 64);
      LocalDate born = dateOfBirth == null || dateOfBirth.isBlank() ? null : dateOfBirth(dateOfBirth);
      LocalDateTime at = appointment(appointmentAt);
      Instant now = clock.instant();
      Instant appointmentInstant = at.atZone(config.timeZone()).toInstant();
      Instant expires = linkExpiry(appointmentInstant, now);
      return new Invitation(Tokens.id(), Tokens.linkToken(), name, at, who, ref, InvitationStatus.INVITED, now,
          expires, null, null, null, born, java.util.List.of(), null, null, nhs, null, null);
    }
  }

  public Future<Optional<Invitation>> cancel(String id) {
    return store.byId(id).compose(found -> {
      if (found.isEmpty()) return Future.succeededFuture(Optional.<Invitation>empty());
      // The time of the cancel is kept as the last activity: an undo is allowed on that day only.
      Invitation cancelled = found.get().withStatus(InvitationStatus.CANCELLED, clock.instant())
          .withOutcome(Invitation.Outcome.CANCELLED_BY_PRACTICE).withActivity(clock.instant());
      return store.update(cancelled).map(Optional::of);
    });
  }

  /**
   * A new link for the invitation: the old one stops working, nobody holds the new one. A link that
   * has lapsed lives again for up to PREVISIT_INVITATION_DAYS (not past 12 h after the appointment).
   */
  public Future<Optional<Invitation>> newLink(String id) {
    return store.byId(id).compose(found -> {
      if (found.isEmpty()) return Future.succeededFuture(Optional.<Invitation>empty());
      InvitationStatus status = found.get().statusAt(clock.instant());
      if (status == InvitationStatus.CANCELLED) {
        return Future.failedFuture(new Invalid("this invitation was cancelled; create a new one instead"));
      }
      Instant end = found.get().appointmentAt().atZone(config.timeZone()).toInstant().plus(java.time.Duration.ofHours(12));
      if (!end.isAfter(clock.instant())) return Future.failedFuture(new Invalid("the appointment has passed"));
      return store.newLink(id, Tokens.linkToken()).compose(fresh -> forgetOldChat(found.get()).map(fresh)).compose(fresh -> {
        if (fresh.isEmpty()) return Future.succeededFuture(fresh);
        Invitation inv = fresh.get();
        Instant expires = linkExpiry(inv.appointmentAt().atZone(config.timeZone()).toInstant(), clock.instant());
        if (expires.equals(inv.expiresAt())) return Future.succeededFuture(fresh);
        return store.update(inv.withExpiry(expires)).map(Optional::of);
      });
    });
  }

  /**
   * A new link means the old device is not trusted (a lost phone): its Telegram chat must not get the
   * invitation back through an old "Begin" button, which works for the chat known for the reference.
   */
  private Future<Void> forgetOldChat(Invitation before) {
    if (telegram == null || before.telegramChatId() == null || before.reference() == null) return Future.succeededFuture();
    return telegram.chatOfReference(before.reference()).compose(chat -> chat.isPresent() && chat.get().equals(before.telegramChatId())
        ? telegram.forgetReference(before.reference()) : Future.succeededFuture());
  }

  /**
   * A link lives until 12 h after the appointment, but never longer than PREVISIT_INVITATION_DAYS from
   * now: for an appointment further ahead, reception sends a new link nearer the day.
   */
  private Instant linkExpiry(Instant appointment, Instant now) {
    Instant expires = appointment.plus(java.time.Duration.ofHours(12));
    Instant cap = now.plus(config.invitationLifetime());
    return expires.isAfter(cap) ? cap : expires;
  }

  public String webLink(Invitation inv) {
    return config.publicUrl() + "/chat/" + inv.token();
  }

  public String telegramLink(Invitation inv) {
    return channels.telegramLink(inv.token()).orElse(null);
  }

  /** The JSON reception sees: no clinical content, and the links only until a device has opened them. */
  public JsonObject json(Invitation inv) {
    return json(inv, false);
  }

  /**
   * The JSON reception sees. Once a patient's device (or Telegram chat) holds the link, the links are
   * no longer shown ({@code linkOpened} says so): whoever had them could otherwise read the conversation.
   * {@code freshLink}: this answer hands out a link just made (creation, a new link), shown once.
   */
  public JsonObject json(Invitation inv, boolean freshLink) {
    boolean show = freshLink || !inv.linkHeld();
    return new JsonObject()
        .put("id", inv.id())
        .put("patientName", inv.patientName())
        .put("appointmentAt", inv.appointmentAt().atZone(config.timeZone()).toOffsetDateTime().toString())
        .put("clinician", inv.clinician())
        .put("reference", inv.reference())
        .put("status", inv.statusAt(clock.instant()).json())
        .put("expiresAt", inv.expiresAt().toString())
        .put("telegramLink", show ? telegramLink(inv) : null)
        .put("webLink", show ? webLink(inv) : null)
        .put("linkOpened", inv.linkHeld())
        .put("dateOfBirthGiven", inv.dateOfBirth() != null)
        .put("nhsNumberGiven", inv.nhsNumber() != null)
        .put("statusDetail", detail(inv))
        .put("statusText", STATUS_WORDS.get(detail(inv)))
        .put("lastActivityAt", inv.lastActivityAt() == null ? null : inv.lastActivityAt().toString());
  }

  private static final java.util.Map<String, String> STATUS_WORDS = java.util.Map.of(
      "invited", "Invited", "opened", "Opened", "in_progress", "In progress", "stopped", "Stopped by patient",
      "completed", "Completed", "deleted_by_patient", "Deleted by patient", "cancelled_by_practice", "Cancelled by practice",
      "expired", "Expired");

  /**
   * Where the invitation stands in more detail than {@code status} (whose values the API keeps):
   * invited, opened, in_progress, stopped, completed, deleted_by_patient, cancelled_by_practice, expired.
   */
  public String detail(Invitation inv) {
    return switch (inv.statusAt(clock.instant())) {
      case CANCELLED -> inv.outcome() == Invitation.Outcome.FORGOTTEN ? "deleted_by_patient" : "cancelled_by_practice";
      case EXPIRED -> "expired";
      case COMPLETED -> "completed";
      case STARTED -> inv.outcome() == Invitation.Outcome.STOPPED ? "stopped" : "in_progress";
      case INVITED -> inv.linkHeld() ? "opened" : "invited";
    };
  }

  /**
   * Undoes a cancel by the practice made today (the practice's day): the invitation goes back to where
   * it was. Fails with {@link Invalid} for anything else (a patient's erasure cannot be undone).
   */
  public Future<Optional<Invitation>> restore(String id) {
    return store.byId(id).compose(found -> {
      if (found.isEmpty()) return Future.succeededFuture(Optional.<Invitation>empty());
      Invitation inv = found.get();
      if (inv.status() != InvitationStatus.CANCELLED || inv.outcome() != Invitation.Outcome.CANCELLED_BY_PRACTICE) {
        return Future.failedFuture(new Invalid("only an invitation cancelled by the practice can be restored"));
      }
      java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(config.timeZone()));
      Instant cancelledAt = inv.lastActivityAt() == null ? inv.createdAt() : inv.lastActivityAt();
      if (!cancelledAt.atZone(config.timeZone()).toLocalDate().equals(today)) {
        return Future.failedFuture(new Invalid("a cancel can be undone only on the day it was made"));
      }
      InvitationStatus back = inv.completedAt() != null ? InvitationStatus.COMPLETED
          : inv.startedAt() != null ? InvitationStatus.STARTED : InvitationStatus.INVITED;
      Invitation restored = new Invitation(inv.id(), inv.token(), inv.patientName(), inv.appointmentAt(), inv.clinician(),
          inv.reference(), back, inv.createdAt(), inv.expiresAt(), inv.telegramChatId(), inv.startedAt(), inv.completedAt(),
          inv.dateOfBirth(), inv.devices(), null, clock.instant(), inv.nhsNumber(), inv.reviewedBy(), inv.reviewedAt());
      return store.update(restored).map(Optional::of);
    });
  }

  private LocalDateTime appointment(String value) {
    if (value == null || value.isBlank()) throw new Invalid("field 'appointmentAt' is required (e.g. 2026-11-23T09:30)");
    String v = value.strip();
    LocalDateTime at;
    try {
      if (v.length() > 40) throw new DateTimeException("too long");
      if (v.matches(".*([+-]\\d\\d:?\\d\\d|Z)$")) {
        at = OffsetDateTime.parse(v).atZoneSameInstant(config.timeZone()).toLocalDateTime();
      } else {
        at = LocalDateTime.parse(v.length() == 16 && v.charAt(10) == ' ' ? v.replace(' ', 'T') : v);
      }
    } catch (DateTimeException | ArithmeticException e) {
      throw new Invalid("field 'appointmentAt' must be a date and time like 2026-11-23T09:30");
    }
    // Compared as local times, before any arithmetic: a year like +999999999 must not reach the store.
    LocalDateTime now = LocalDateTime.now(clock.withZone(config.timeZone()));
    Config.Bounds b = config.bounds();
    if (at.isBefore(now.minus(b.appointmentsFrom())) || at.isAfter(now.plus(b.appointmentsAhead()))) {
      throw new Invalid("field 'appointmentAt' must be between " + b.appointmentsFrom().toDays() + " day(s) ago and "
          + b.appointmentsAhead().toDays() + " days ahead");
    }
    return at;
  }

  private LocalDate dateOfBirth(String value) {
    LocalDate d;
    try {
      d = LocalDate.parse(value.strip());
    } catch (DateTimeException e) {
      throw new Invalid("field 'dateOfBirth' must be a date like 1956-03-14");
    }
    if (d.isAfter(LocalDate.now(clock.withZone(config.timeZone()))) || d.getYear() < 1890) {
      throw new Invalid("field 'dateOfBirth' must be a real date of birth");
    }
    return d;
  }

  /**
   * A name or reference as shown to staff and patients: invisible formatting characters (bidi
   * overrides, zero-width joiners and spaces, BOM) removed, since they can make one name look like
   * another or reorder what the screen shows; control and line-separator characters refused.
   */
  static String text(String field, String value, int max) {
    if (value == null) throw new Invalid("field '" + field + "' is required");
    String v = INVISIBLE.matcher(value).replaceAll("").strip();
    if (v.isEmpty()) throw new Invalid("field '" + field + "' is required");
    if (v.length() > max) throw new Invalid("field '" + field + "' is longer than " + max + " characters");
    if (v.codePoints().anyMatch(ch -> ch < 0x20 || ch == 0x7f || Character.getType(ch) == Character.LINE_SEPARATOR
        || Character.getType(ch) == Character.PARAGRAPH_SEPARATOR || (ch >= 0x80 && ch < 0xa0))) {
      throw new Invalid("field '" + field + "' contains control characters");
    }
    return v;
  }

  /** Unicode format characters (Cf): bidi controls, zero-width space/joiners, soft hyphen, BOM. */
  private static final java.util.regex.Pattern INVISIBLE = java.util.regex.Pattern.compile("\\p{Cf}");
}
