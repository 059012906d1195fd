package app.previsit.security;

import static app.previsit.testing.RunningServer.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.staff.StaffSessions;
import app.previsit.store.StaffUser;
import app.previsit.store.memory.MemoryStaffSessionStore;
import app.previsit.store.memory.MemoryUserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The server decides how long a login lasts, whatever the client keeps; a password change ends it. */
class StaffSessionLifetimeTest {
  /** A clock the test moves on. */
  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-12-02T08:00:00Z");

    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }

  @Test
  void aLoginEndsAfterTwelveHoursAndWithAChangedPassword() throws Exception {
    MovableClock clock = new MovableClock();
    MemoryUserStore users = new MemoryUserStore();
    await(users.put(new StaffUser("gp", "$2a$10$hash-one", StaffUser.Role.GP)));
    StaffSessions sessions = new StaffSessions(new MemoryStaffSessionStore(clock), users, Secret.of(Optional.empty()), clock);
    String token = await(sessions.start(await(users.find("gp")).orElseThrow()));
    clock.now = clock.now.plus(Duration.ofHours(11).plusMinutes(59));
    assertTrue(await(sessions.check(token)).isPresent());
    clock.now = clock.now.plus(Duration.ofMinutes(2));
    assertTrue(await(sessions.check(token)).isEmpty(), "12 hours at most");

    String again = await(sessions.start(await(users.find("gp")).orElseThrow()));
    assertTrue(await(sessions.check(again)).isPresent());
    // A password change written straight to the accounts (a users file edited, a login racing the change).
    await(users.put(new StaffUser("gp", "$2a$10$hash-two", StaffUser.Role.GP)));
    assertTrue(await(sessions.check(again)).isEmpty(), "a session does not outlive the password it was made with");
  }
}
