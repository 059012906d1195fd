package app.previsit.invitation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One patient's invitation to prepare for one appointment. The {@code token} is the secret
 * in the patient's link (at least 128 random bits); the {@code id} is what staff see.
 * {@code appointmentAt} is the practice's local time. A null {@code telegramChatId} means
 * no Telegram chat is bound yet. {@code devices} are the browsers that hold the link (keyed hashes of
 * their device cookies, never the cookies); the first browser or Telegram chat to open the link
 * holds it, and another device gets in only by confirming {@code dateOfBirth} (when the practice
 * entered one). A new link (new token) frees it again.
 */
public record Invitation(
    String id,
    String token,
    String patientName,
    LocalDateTime appointmentAt,
    String clinician,
    String reference,
    InvitationStatus status,
    Instant createdAt,
    Instant expiresAt,
    Long telegramChatId,
    Instant startedAt,
    Instant completedAt,
    LocalDate dateOfBirth,
    List<String> devices,
    Outcome outcome,
    Instant lastActivityAt,
    String nhsNumber,
    String reviewedBy,
    Instant reviewedAt) {

  /** How an invitation ended other than by completing: the patient stopped, the patient erased it, the practice cancelled. */
  public enum Outcome {
    STOPPED, FORGOTTEN, CANCELLED_BY_PRACTICE;

    public String json() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Outcome fromJson(String s) {
      return s == null ? null : valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** Most browsers that may hold one link at once (the patient's phone, tablet, computer). */
  public static final int MAX_DEVICES = 3;

  public Invitation {
    devices = devices == null ? List.of() : List.copyOf(devices);
  }

  /** An invitation without a date of birth whose link no browser holds yet. */
  public Invitation(String id, String token, String patientName, LocalDateTime appointmentAt, String clinician,
      String reference, InvitationStatus status, Instant createdAt, Instant expiresAt, Long telegramChatId,
      Instant startedAt, Instant completedAt) {
    this(id, token, patientName, appointmentAt, clinician, reference, status, createdAt, expiresAt, telegramChatId,
        startedAt, completedAt, null, List.of(), null, null, null, null, null);
  }

  /** Compatibility: an invitation with a date of birth and holders, no outcome or activity yet. */
  public Invitation(String id, String token, String patientName, LocalDateTime appointmentAt, String clinician,
      String reference, InvitationStatus status, Instant createdAt, Instant expiresAt, Long telegramChatId,
      Instant startedAt, Instant completedAt, LocalDate dateOfBirth, List<String> devices) {
    this(id, token, patientName, appointmentAt, clinician, reference, status, createdAt, expiresAt, telegramChatId,
        startedAt, completedAt, dateOfBirth, devices, null, null, null, null, null);
  }

  /** True once a browser or a Telegram chat has opened the link (reception no longer sees it). */
  public boolean linkHeld() {
    return !devices.isEmpty() || telegramChatId != null;
  }

  /** The status staff see now: a stored invited/started past its expiry reads as expired. */
  public InvitationStatus statusAt(Instant now) {
    if ((status == InvitationStatus.INVITED || status == InvitationStatus.STARTED) && now.isAfter(expiresAt)) {
      return InvitationStatus.EXPIRED;
    }
    return status;
  }

  public boolean usableAt(Instant now) {
    InvitationStatus s = statusAt(now);
    return s == InvitationStatus.INVITED || s == InvitationStatus.STARTED || s == InvitationStatus.COMPLETED;
  }

  public Invitation withStatus(InvitationStatus s, Instant at) {
    return new Invitation(id, token, patientName, appointmentAt, clinician, reference, s, createdAt, expiresAt,
        telegramChatId,
        s == InvitationStatus.STARTED && startedAt == null ? at : startedAt,
        s == InvitationStatus.COMPLETED ? at : completedAt, dateOfBirth, devices, outcome, lastActivityAt, nhsNumber, reviewedBy, reviewedAt);
  }

  public Invitation withTelegramChat(Long chatId) {
    return new Invitation(id, token, patientName, appointmentAt, clinician, reference, status, createdAt, expiresAt,
        chatId, startedAt, completedAt, dateOfBirth, devices, outcome, lastActivityAt, nhsNumber, reviewedBy, reviewedAt);
  }

  public Invitation withOutcome(Outcome o) {
    return new Invitation(id, token, patientName, appointmentAt, clinician, reference, status, createdAt, expiresAt,
        telegramChatId, startedAt, completedAt, dateOfBirth, devices, o, lastActivityAt, nhsNumber, reviewedBy, reviewedAt);
  }

  public Invitation withActivity(Instant at) {
    return new Invitation(id, token, patientName, appointmentAt, clinician, reference, status, createdAt, expiresAt,
        telegramChatId, startedAt, completedAt, dateOfBirth, devices, outcome, at, nhsNumber, reviewedBy, reviewedAt);
  }

  public Invitation withExpiry(Instant at) {
    return new Invitation(id, token, patientName, appointmentAt, clinician, reference, status, createdAt, at,
        telegramChatId, startedAt, completedAt, dateOfBirth, devices, outcome, lastActivityAt, nhsNumber, reviewedBy, reviewedAt);
  }

  /** A GP read the summary (the first review stands; a later one by someone else replaces it). */
  public Invitation withReview(String by, Instant at) {
    return new Invitation(id, token, patientName, appointmentAt, clinician, reference, status, createdAt, expiresAt,
        telegramChatId, startedAt, completedAt, dateOfBirth, devices, outcome, lastActivityAt, nhsNumber, by, at);
  }

  public Invitation withDevices(List<String> held) {
    return new Invitation(id, token, patientName, appointmentAt, clinician, reference, status, createdAt, expiresAt,
        telegramChatId, startedAt, completedAt, dateOfBirth, held, outcome, lastActivityAt, nhsNumber, reviewedBy, reviewedAt);
  }

  /** The same invitation behind a new link: nobody holds it until it is opened again. */
  public Invitation withNewLink(String newToken) {
    return new Invitation(id, newToken, patientName, appointmentAt, clinician, reference, status, createdAt, expiresAt,
        null, startedAt, completedAt, dateOfBirth, List.of(), outcome, lastActivityAt, nhsNumber, reviewedBy, reviewedAt);
  }
}
