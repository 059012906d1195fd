package app.previsit.store;

import java.time.Instant;

/** Who did what to which record, and when. Never holds patient text. */
public record AuditEvent(Instant at, String actor, String action, String target) {}
