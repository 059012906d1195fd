package app.previsit.staff;

import app.previsit.store.StaffUser;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless staff session tokens: username, role and expiry signed with HMAC-SHA256. Instances
 * that share PREVISIT_SESSION_SECRET accept each other's tokens; without it each start makes a
 * new secret (everyone logs in again after a restart).
 */
public final class StaffTokens {
  /** A signed-in member of staff. */
  public record Session(String username, StaffUser.Role role, Instant expires) {}

  private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DEC = Base64.getUrlDecoder();

  private final byte[] secret;
  private final Duration lifetime;

  public StaffTokens(byte[] secret, Duration lifetime) {
    this.secret = secret.clone();
    this.lifetime = lifetime;
  }

  public String issue(StaffUser user, Instant now) {
    String payload = ENC.encodeToString((user.username() + "\n" + user.role().json() + "\n"
        + now.plus(lifetime).getEpochSecond()).getBytes(StandardCharsets.UTF_8));
    return payload + "." + sign(payload);
  }

  public Optional<Session> verify(String token, Instant now) {
    if (token == null || token.length() > 600) return Optional.empty();
    int dot = token.indexOf('.');
    if (dot <= 0) return Optional.empty();
    String payload = token.substring(0, dot);
    if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
        token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    try {
      String[] parts = new String(DEC.decode(payload), StandardCharsets.UTF_8).split("\n");
      Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[2]));
      if (!now.isBefore(expires)) return Optional.empty();
      return Optional.of(new Session(parts[0], StaffUser.Role.fromJson(parts[1]), expires));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** A CSRF form token bound to one session: useless to anyone without that session's cookie. */
  public String formToken(Session s) {
    return sign("csrf\n" + s.username() + "\n" + s.expires().getEpochSecond());
  }

  private String sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return ENC.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
