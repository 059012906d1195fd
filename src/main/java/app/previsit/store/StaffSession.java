package app.previsit.store;

import java.time.Instant;

/**
 * A signed-in member of staff, held server-side. {@code key} is a hash of the secret the browser
 * holds (never the secret itself), so reading the store does not let anyone sign in.
 */
public record StaffSession(String key, String username, StaffUser.Role role, Instant createdAt, Instant expiresAt) {}
