package app.previsit.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The deployment's one secret (PREVISIT_SESSION_SECRET), made once per process and shared by every
 * verticle: it signs staff session tokens, CSRF tokens and patient device cookies. Each use names its
 * purpose, so a value signed for one can never pass as another.
 */
public final class Secret {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] key;

  private Secret(byte[] key) {
    this.key = key.clone();
  }

  /** The configured secret, or (memory store only, checked by Config) a random one for this process. */
  public static Secret of(java.util.Optional<String> configured) {
    return configured.map(s -> new Secret(s.getBytes(StandardCharsets.UTF_8))).orElseGet(() -> new Secret(randomBytes(32)));
  }

  /** HMAC-SHA256 of {@code purpose} and {@code value}, URL-safe base64. */
  public String sign(String purpose, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(purpose.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return B64.encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** Constant-time check that {@code signature} is {@link #sign}{@code (purpose, value)}. */
  public boolean verify(String purpose, String value, String signature) {
    return signature != null && MessageDigest.isEqual(sign(purpose, value).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }

  /** {@code bytes} random bytes as URL-safe base64: a fresh unguessable value. */
  public static String randomToken(int bytes) {
    return B64.encodeToString(randomBytes(bytes));
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
