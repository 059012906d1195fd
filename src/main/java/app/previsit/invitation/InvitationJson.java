package app.previsit.invitation;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;

/** An invitation as stored: every field, times as ISO text. */
public final class InvitationJson {
  private InvitationJson() {}

  public static String encode(Invitation i) {
    return new JsonObject()
        // devices right after the token: the store's scripts find both fields by pattern (see RedisInvitationStore).
        .put("id", i.id()).put("token", i.token()).put("devices", String.join(",", i.devices()))
        .put("patientName", i.patientName())
        .put("appointmentAt", i.appointmentAt().toString()).put("clinician", i.clinician()).put("reference", i.reference())
        .put("status", i.status().json()).put("createdAt", text(i.createdAt())).put("expiresAt", text(i.expiresAt()))
        .put("telegramChatId", i.telegramChatId()).put("startedAt", text(i.startedAt()))
        .put("completedAt", text(i.completedAt()))
        .put("dateOfBirth", i.dateOfBirth() == null ? null : i.dateOfBirth().toString())
        .put("outcome", i.outcome() == null ? null : i.outcome().json())
        .put("lastActivityAt", text(i.lastActivityAt())).put("nhsNumber", i.nhsNumber())
        .put("reviewedBy", i.reviewedBy()).put("reviewedAt", text(i.reviewedAt())).encode();
  }

  public static Invitation decode(String json) {
    JsonObject j = new JsonObject(json);
    return new Invitation(j.getString("id"), j.getString("token"), j.getString("patientName"),
        LocalDateTime.parse(j.getString("appointmentAt")), j.getString("clinician"), j.getString("reference"),
        InvitationStatus.fromJson(j.getString("status")), instant(j.getString("createdAt")),
        instant(j.getString("expiresAt")), j.getLong("telegramChatId"), instant(j.getString("startedAt")),
        instant(j.getString("completedAt")),
        j.getString("dateOfBirth") == null ? null : java.time.LocalDate.parse(j.getString("dateOfBirth")),
        devices(j.getString("devices")), Invitation.Outcome.fromJson(j.getString("outcome")),
        instant(j.getString("lastActivityAt")), j.getString("nhsNumber"), j.getString("reviewedBy"),
        instant(j.getString("reviewedAt")));
  }

  private static java.util.List<String> devices(String joined) {
    return joined == null || joined.isEmpty() ? java.util.List.of() : java.util.List.of(joined.split(","));
  }

  private static String text(Instant i) {
    return i == null ? null : i.toString();
  }

  private static Instant instant(String s) {
    return s == null ? null : Instant.parse(s);
  }
}
