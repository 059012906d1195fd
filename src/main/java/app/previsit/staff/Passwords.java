package app.previsit.staff;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/** bcrypt hashing of staff passwords (cost 10: about 50–100 ms, run off the event loop). */
public final class Passwords {
  private static final int COST = 10;
  /** Compared against when the user does not exist, so timing does not reveal usernames. */
  private static final String DUMMY = hash("not-a-real-password");

  private Passwords() {}

  public static String hash(String password) {
    return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
  }

  public static boolean matches(String password, String hash) {
    String h = hash == null ? DUMMY : hash;
    return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8), h.getBytes(StandardCharsets.UTF_8)).verified
        && hash != null;
  }
}
