package app.previsit.dialogue;

import app.previsit.invitation.Invitation;
import app.previsit.invitation.InvitationStatus;
import app.previsit.summary.SummaryBuilder;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A conversation's summary JSON without its transcript, as text: what the GP would read. */
final class SummaryOf {
  private SummaryOf() {}

  static String text(Conversation c) {
    Instant now = Instant.parse("2026-12-02T10:00:00Z");
    Invitation inv = new Invitation("t", "t", "Test", LocalDateTime.of(2026, 12, 9, 10, 0), "Dr T", null,
        InvitationStatus.STARTED, now, now.plusSeconds(86_400), null, null, null);
    JsonObject s = SummaryBuilder.build(inv, c, ZoneId.of("Europe/London"), now);
    s.remove("transcript");
    return s.encode();
  }
}
