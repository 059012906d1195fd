package app.previsit.store;

import static app.previsit.testing.RunningServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.invitation.Invitation;
import app.previsit.invitation.InvitationStatus;
import app.previsit.invitation.Tokens;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One contract, run unchanged against every Stores implementation. */
abstract class StoreContractTest {
  abstract Stores stores();

  static Invitation invitation(String name, LocalDateTime at) {
    Instant now = Instant.now();
    return new Invitation(Tokens.id(), Tokens.linkToken(), name, at, "Dr Who", null, InvitationStatus.INVITED, now,
        now.plus(Duration.ofDays(2)), null, null, null);
  }

  @Test
  void compareAndSetCreatesThenRequiresTheCurrentVersion() throws Exception {
    SessionStore s = stores().sessions();
    String id = Tokens.id();
    assertTrue(await(s.load(id)).isEmpty());
    assertTrue(await(s.compareAndSet(id, 0, "one", Duration.ofHours(1))));
    assertFalse(await(s.compareAndSet(id, 0, "stale", Duration.ofHours(1))), "a second creator must lose");
    assertEquals(new Versioned(1, "one"), await(s.load(id)).orElseThrow());
    assertTrue(await(s.compareAndSet(id, 1, "two", Duration.ofHours(1))));
    assertFalse(await(s.compareAndSet(id, 1, "stale writer", Duration.ofHours(1))));
    assertEquals(new Versioned(2, "two"), await(s.load(id)).orElseThrow());
    await(s.delete(id));
    assertTrue(await(s.load(id)).isEmpty());
  }

  @Test
  void theLogIsAppendedInTheSameStepAsTheStateAndNotAtAllByALosingWriter() throws Exception {
    SessionStore s = stores().sessions();
    String id = Tokens.id();
    assertEquals(List.of(), await(s.log(id)));
    assertTrue(await(s.compareAndSet(id, 0, "one", List.of("a", "b"), false, Duration.ofHours(1))));
    assertTrue(await(s.compareAndSet(id, 1, "two", List.of("c"), false, Duration.ofHours(1))));
    assertFalse(await(s.compareAndSet(id, 1, "stale", List.of("stale line"), true, Duration.ofHours(1))));
    assertEquals(List.of("a", "b", "c"), await(s.log(id)));
    assertEquals(List.of("b", "c"), await(s.log(id, 1, 2)), "a range of the log");
    assertEquals(List.of("c"), await(s.log(id, 2, 5)), "a range past the end is cut short");
    assertEquals(List.of(), await(s.log(id, 7, 2)));
    assertEquals(new Versioned(2, "two"), await(s.load(id)).orElseThrow());
    assertTrue(await(s.compareAndSet(id, 2, "three", List.of(), false, Duration.ofHours(1))), "nothing to append is fine");
    assertEquals(List.of("a", "b", "c"), await(s.log(id)));
    assertTrue(await(s.compareAndSet(id, 3, "erased", List.of("z"), true, Duration.ofHours(1))));
    assertEquals(List.of("z"), await(s.log(id)), "reset empties the log first");
    await(s.delete(id));
    assertEquals(List.of(), await(s.log(id)));
    assertTrue(await(s.load(id)).isEmpty());
  }

  @Test
  void ofManyConcurrentWritersExactlyOneWins() throws Exception {
    SessionStore s = stores().sessions();
    String id = Tokens.id();
    await(s.compareAndSet(id, 0, "start", Duration.ofHours(1)));
    List<Future<Boolean>> racers = new ArrayList<>();
    for (int i = 0; i < 20; i++) racers.add(s.compareAndSet(id, 1, "writer " + i, Duration.ofHours(1)));
    await(Future.join(racers));
    assertEquals(1, racers.stream().filter(Future::result).count());
    assertEquals(2, await(s.load(id)).orElseThrow().version());
  }

  @Test
  void invitationsAreFoundByIdTokenAndDayInAppointmentOrder() throws Exception {
    InvitationStore store = stores().invitations();
    LocalDate day = LocalDate.of(2031, 3, (int) (Math.random() * 27) + 1);
    Invitation late = await(store.create(invitation("Late", day.atTime(15, 0))));
    Invitation early = await(store.create(invitation("Early", day.atTime(8, 30))));
    assertEquals(late, await(store.byId(late.id())).orElseThrow());
    assertEquals(early, await(store.byToken(early.token())).orElseThrow());
    assertEquals(List.of("Early", "Late"), await(store.byDate(day)).stream().map(Invitation::patientName).toList());
    assertTrue(await(store.byToken("no-such-token")).isEmpty());
    Invitation cancelled = early.withStatus(InvitationStatus.CANCELLED, Instant.now());
    await(store.update(cancelled));
    assertEquals(InvitationStatus.CANCELLED, await(store.byId(early.id())).orElseThrow().status());
    await(store.delete(early.id()));
    assertTrue(await(store.byId(early.id())).isEmpty());
    assertTrue(await(store.byToken(early.token())).isEmpty());
    assertEquals(List.of("Late"), await(store.byDate(day)).stream().map(Invitation::patientName).toList());
  }

  @Test
  void aTelegramChatBindsOnceAndOnlyToOneChat() throws Exception {
    InvitationStore store = stores().invitations();
    Invitation inv = await(store.create(invitation("Tg", LocalDateTime.of(2031, 4, 1, 10, 0))));
    assertTrue(await(store.bindTelegramChat(inv.id(), 4242L)));
    assertTrue(await(store.bindTelegramChat(inv.id(), 4242L)), "the same chat again is fine");
    assertFalse(await(store.bindTelegramChat(inv.id(), 777L)), "another chat is refused");
    assertEquals(inv.id(), await(store.byTelegramChat(4242L)).orElseThrow().id());
    assertEquals(4242L, await(store.byId(inv.id())).orElseThrow().telegramChatId());
    assertTrue(await(store.byTelegramChat(777L)).isEmpty());
    assertFalse(await(store.bindTelegramChat("no-such-id", 1L)));
  }

  @Test
  void usersAndAuditLogWork() throws Exception {
    UserStore users = stores().users();
    await(users.put(new StaffUser("zed", "$2a$hash", StaffUser.Role.GP)));
    assertEquals(StaffUser.Role.GP, await(users.find("zed")).orElseThrow().role());
    assertTrue(await(users.all()).stream().anyMatch(u -> u.username().equals("zed")));
    assertTrue(await(users.delete("zed")));
    assertTrue(await(users.find("zed")).isEmpty());
    AuditLog audit = stores().audit();
    await(audit.record(new AuditEvent(Instant.parse("2030-01-01T00:00:00Z"), "gp", "view-summary", "a")));
    await(audit.record(new AuditEvent(Instant.parse("2030-01-01T00:00:01Z"), "gp", "view-summary", "b")));
    assertEquals("b", await(audit.recent(10)).get(0).target(), "newest first");
  }

  @Test
  void pingAnswers() throws Exception {
    await(stores().ping());
  }
}
