package app.previsit.store;

import java.time.Instant;

/**
 * A signed-in member of staff, held server-side. {@code key} is a hash of the secret the browser
 * holds (never the secret itself), so reading the store does not let anyone sign in. {@code credential}
 * is a keyed fingerprint of the password hash at login: a session made by a login that raced a
 * password change does not outlive it.
 */
public record StaffSession(String key, String username, StaffUser.Role role, String credential, Instant createdAt,
    Instant expiresAt) {}
