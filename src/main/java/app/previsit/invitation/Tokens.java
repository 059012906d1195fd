package app.previsit.invitation;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable identifiers: 160 random bits for patient link tokens, 96 for ids staff see. */
public final class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private Tokens() {}

  public static String linkToken() {
    return random(20);
  }

  public static String id() {
    return random(12);
  }

  public static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return URL.encodeToString(b);
  }
}
