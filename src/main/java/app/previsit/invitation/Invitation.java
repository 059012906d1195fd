package app.previsit.invitation;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One patient's invitation to prepare for one appointment. The {@code token} is the secret
 * in the patient's link (at least 128 random bits); the {@code id} is what staff see.
 * {@code appointmentAt} is the practice's local time. A null {@code telegramChatId} means
 * no Telegram chat is bound yet.
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
    Instant completedAt) {

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
        s == InvitationStatus.COMPLETED ? at : completedAt);
  }

  public Invitation withTelegramChat(Long chatId) {
    return new Invitation(id, token, patientName, appointmentAt, clinician, reference, status, createdAt, expiresAt,
        chatId, startedAt, completedAt);
  }
}
