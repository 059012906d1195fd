package app.previsit.staff;

import app.previsit.store.Counters;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * Slows password guessing without letting an outsider lock a member of staff out. Failures are
 * counted per user *and* address: after 5 from one address for one user, that pair waits 1 s, then 2,
 * 4 … up to 15 minutes per try (back-off, no lock). A correct password from an address that has not
 * been failing always gets in, even while the account is under attack from elsewhere; only while the
 * account has many failures does an address with 3 or more recent failures for it need to wait (so
 * one typo of the real user's does not shut them out). IPv6 addresses count by their /64. Every attempt also
 * counts towards a per-address limit. Counters live in the store, so the limits hold across event
 * loops and (with Redis) across instances.
 */
final class LoginGuard {
  static final int FREE_FAILURES = 5;
  static final int ATTEMPTS_PER_ADDRESS_PER_MINUTE = 30;
  /** Failures of one account (all addresses) in 15 minutes that count as an attack on it. */
  static final int ACCOUNT_UNDER_ATTACK = 20;
  static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
  /** While the account is under attack, addresses with this many recent failures for it wait (one typo does not). */
  static final int SUSPECT_FAILURES = 3;

  /** Go ahead, or wait this many seconds. */
  record Decision(boolean allowed, long retryAfterSeconds) {
    static final Decision GO = new Decision(true, 0);
  }

  private final Counters counters;

  LoginGuard(Counters counters) {
    this.counters = counters;
  }

  Future<Decision> before(String username, String from) {
    String user = keyPart(username);
    String address = app.previsit.security.ClientAddress.forLimits(from);
    return counters.increment("login:addr:" + address, Duration.ofMinutes(1)).compose(attempts -> {
      if (attempts > ATTEMPTS_PER_ADDRESS_PER_MINUTE) return Future.succeededFuture(new Decision(false, 60));
      return counters.heldFor(pairWait(user, address)).compose(waitMs -> {
        if (waitMs > 0) return Future.succeededFuture(new Decision(false, Math.max(1, (waitMs + 999) / 1000)));
        return counters.count("login:user:" + user).compose(accountFailures -> {
          if (accountFailures < ACCOUNT_UNDER_ATTACK) return Future.succeededFuture(Decision.GO);
          return counters.count(pairFailures(user, address))
              .map(mine -> mine < SUSPECT_FAILURES ? Decision.GO : new Decision(false, 60));
        });
      });
    });
  }

  Future<Void> failed(String username, String from) {
    String user = keyPart(username);
    String address = app.previsit.security.ClientAddress.forLimits(from);
    return counters.increment("login:user:" + user, Duration.ofMinutes(15))
        .compose(n -> counters.increment(pairFailures(user, address), Duration.ofHours(1)))
        .compose(n -> n < FREE_FAILURES ? Future.<Void>succeededFuture()
            : counters.hold(pairWait(user, address), backOff(n)));
  }

  Future<Void> succeeded(String username, String from) {
    String user = keyPart(username);
    String address = app.previsit.security.ClientAddress.forLimits(from);
    return counters.reset(pairFailures(user, address)).compose(v -> counters.reset(pairWait(user, address)));
  }

  /** 1 s after the 5th failure, doubling with each one after, never more than 15 minutes. */
  static Duration backOff(long failures) {
    long exponent = Math.min(20, failures - FREE_FAILURES);
    return Duration.ofSeconds(Math.min(LONGEST_WAIT.toSeconds(), 1L << exponent));
  }

  private static String pairFailures(String user, String address) {
    return "login:fail:" + user + ":" + address;
  }

  private static String pairWait(String user, String address) {
    return "login:wait:" + user + ":" + address;
  }

  /** Usernames are typed by anyone: only the characters an account can have go into a key. */
  static String keyPart(String username) {
    return username.matches("[A-Za-z0-9._-]{1,64}") ? username : "(not a username)";
  }
}
