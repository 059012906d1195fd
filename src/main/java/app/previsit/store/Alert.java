package app.previsit.store;

import java.time.Instant;

/**
 * An emergency a patient described, raised for the practice to see at once. It names the patient
 * (staff need to know whom to call) but holds none of their words; {@code acknowledgedBy} is null
 * while it is open.
 */
public record Alert(String id, String invitationId, String patientName, String reference, String category,
    Instant raisedAt, String acknowledgedBy, Instant acknowledgedAt) {

  public boolean open() {
    return acknowledgedBy == null;
  }

  public Alert acknowledged(String who, Instant at) {
    return new Alert(id, invitationId, patientName, reference, category, raisedAt, who, at);
  }
}
