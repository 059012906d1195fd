package app.previsit.staff;

import app.previsit.security.Secret;
import app.previsit.store.StaffSession;
import app.previsit.store.StaffSessionStore;
import app.previsit.store.StaffUser;
import app.previsit.store.UserStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Staff sessions held in the store. The browser (or API client) holds {@code random.signature}; the
 * store holds the session under a key derived from the random part with the deployment secret, so a
 * token is worth nothing once its session is ended (logout, account deleted, role or password changed)
 * or 12 hours after login, whatever the token says, and a guessed token is refused without a lookup.
 */
public final class StaffSessions {
  /** The longest a login lasts, however active the user. */
  public static final Duration LIFETIME = Duration.ofHours(12);

  private final StaffSessionStore store;
  private final UserStore users;
  private final Secret secret;
  private final Clock clock;

  public StaffSessions(StaffSessionStore store, UserStore users, Secret secret, Clock clock) {
    this.store = store;
    this.users = users;
    this.secret = secret;
    this.clock = clock;
  }

  /** Starts a session for {@code user}; the token to hand to the client. */
  public Future<String> start(StaffUser user) {
    String random = Secret.randomToken(32);
    Instant now = clock.instant();
    StaffSession s = new StaffSession(key(random), user.username(), user.role(), credential(user), now, now.plus(LIFETIME));
    return store.create(s).map(v -> random + "." + secret.sign("staff-token", random));
  }

  /**
   * The live session behind {@code token}: signed by this deployment, still in the store, not past its
   * lifetime, and its account still there with the same role and password (a users file edited by hand
   * counts too).
   */
  public Future<Optional<StaffSession>> check(String token) {
    Optional<String> random = randomPart(token);
    if (random.isEmpty()) return Future.succeededFuture(Optional.empty());
    return store.find(key(random.get())).compose(found -> {
      if (found.isEmpty() || !clock.instant().isBefore(found.get().expiresAt())) {
        return Future.succeededFuture(Optional.<StaffSession>empty());
      }
      StaffSession s = found.get();
      return users.find(s.username()).map(user -> user
          .filter(u -> u.role() == s.role() && credential(u).equals(s.credential())).map(u -> s));
    });
  }

  /** Ends the session behind {@code token} (logout); nothing happens for a token that names none. */
  public Future<Void> end(String token) {
    return randomPart(token).map(r -> store.end(key(r))).orElse(Future.succeededFuture());
  }

  public Future<Integer> endAllOf(String username) {
    return store.endAllOf(username);
  }

  /** The CSRF token of a session: useless to anyone who does not also hold the session. */
  public String formToken(StaffSession s) {
    return secret.sign("csrf", s.key());
  }

  private Optional<String> randomPart(String token) {
    if (token == null || token.length() > 200) return Optional.empty();
    int dot = token.indexOf('.');
    if (dot <= 0) return Optional.empty();
    String random = token.substring(0, dot);
    return secret.verify("staff-token", random, token.substring(dot + 1)) ? Optional.of(random) : Optional.empty();
  }

  private String credential(StaffUser u) {
    return secret.sign("staff-credential", u.passwordHash());
  }

  private String key(String random) {
    return secret.sign("staff-session-key", random);
  }
}
