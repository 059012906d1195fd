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
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** One contract, run unchanged against every Stores implementation. */
abstract class StoreContractTest {
  abstract Stores stores();

  static Invitation invitation(String name, LocalDateTime at) {
    Instant now = Instant.now();
    return new Invitation(Tokens.id(), Tokens.linkToken(), name, at, "Dr Who", null, InvitationStatus.INVITED, now,
        now.plus(Duration.ofDays(2)), null, null, null);
  }

  /**
   * More than the 100,000 events the old list kept, over three days: none is lost, a day's range comes back
   * whole, oldest first, in pages; the newest come first in recent().
   */
  @Test
  void theAuditTrailKeepsEveryEventAndExportsADateRangeOldestFirst() throws Exception {
    AuditLog audit = stores().audit();
    // Three past days within the retention period, unique to this run (the store is shared by the class's tests).
    Instant day0 = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(10 + ThreadLocalRandom.current().nextInt(900) * 3L)
        .atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    int perDay = 34_000; // 102,000 in all
    String run = Tokens.id();
    for (int d = 0; d < 3; d++) {
      List<Future<Void>> batch = new ArrayList<>();
      for (int i = 0; i < perDay; i++) {
        // Two seconds apart from 00:00:01, so that every event of a day falls inside it.
        Instant at = day0.plus(Duration.ofDays(d)).plusSeconds(1 + 2L * i);
        batch.add(audit.record(new AuditEvent(at, "gp-" + run, "view-summary", d + ":" + i)));
        if (batch.size() == 5_000) {
          await(Future.all(batch));
          batch.clear();
        }
      }
      await(Future.all(batch));
    }
    List<Integer> pages = new ArrayList<>();
    List<AuditEvent> got = new ArrayList<>();
    await(audit.export(day0.plus(Duration.ofDays(1)), day0.plus(Duration.ofDays(2)), page -> {
      pages.add(page.size());
      got.addAll(page.stream().filter(e -> ("gp-" + run).equals(e.actor())).toList());
      return Future.succeededFuture();
    }));
    assertEquals(perDay, got.size(), "every event of the day, no other day's");
    assertEquals("1:0", got.get(0).target());
    assertEquals("1:" + (perDay - 1), got.get(perDay - 1).target());
    for (int i = 1; i < got.size(); i++) assertFalse(got.get(i).at().isBefore(got.get(i - 1).at()), "oldest first");
    assertTrue(pages.stream().allMatch(n -> n <= AuditLog.PAGE), "handed over in pages: " + pages.size());
    List<AuditEvent> all = new ArrayList<>();
    await(audit.export(day0, day0.plus(Duration.ofDays(3)), page -> {
      page.stream().filter(e -> ("gp-" + run).equals(e.actor())).forEach(all::add);
      return Future.succeededFuture();
    }));
    assertEquals(3 * perDay, all.size(), "more than 100,000 kept");
  }

  @Test
  void recentAuditEventsComeNewestFirst() throws Exception {
    AuditLog audit = stores().audit();
    Instant now = Instant.now().plusSeconds(10); // after anything another test of the class wrote
    String run = Tokens.id();
    for (int i = 0; i < 3; i++) await(audit.record(new AuditEvent(now.plusMillis(i), "admin-" + run, "view", "t" + i)));
    List<AuditEvent> recent = await(audit.recent(3));
    assertEquals(List.of("t2", "t1", "t0"), recent.stream().map(AuditEvent::target).toList(), "the newest three");
  }

  @Test
  void uploadsAreKeptPerInvitationReadBackExactlyAndErasedTogether() throws Exception {
    AttachmentStore a = stores().attachments();
    String inv = Tokens.id();
    String other = Tokens.id();
    byte[] photo = new byte[300_000];
    ThreadLocalRandom.current().nextBytes(photo);
    await(a.put(inv, "p1", "image/jpeg", photo, Duration.ofHours(1)));
    await(a.put(inv, "p2", "application/pdf", new byte[] {'%', 'P', 'D', 'F'}, Duration.ofHours(1)));
    await(a.put(other, "p1", "image/png", new byte[] {1, 2, 3}, Duration.ofHours(1)));
    AttachmentStore.StoredFile back = await(a.get(inv, "p1")).orElseThrow();
    assertEquals("image/jpeg", back.contentType());
    assertTrue(java.util.Arrays.equals(photo, back.bytes()), "every byte comes back");
    assertTrue(await(a.get(inv, "nope")).isEmpty());
    assertEquals(2, await(a.count(inv)));
    await(a.delete(inv, "p2"));
    assertTrue(await(a.get(inv, "p2")).isEmpty(), "one file deleted");
    assertEquals(1, await(a.count(inv)));
    await(a.deleteAll(inv));
    assertTrue(await(a.get(inv, "p1")).isEmpty(), "erased");
    assertTrue(await(a.get(inv, "p2")).isEmpty(), "erased");
    assertEquals("image/png", await(a.get(other, "p1")).orElseThrow().contentType(), "another invitation's uploads stay");
    await(a.deleteAll(other));
    await(a.deleteAll(Tokens.id())); // nothing kept: nothing to do, no error
  }

  @Test
  void anUploadExpiresWithItsConversation() throws Exception {
    AttachmentStore a = stores().attachments();
    String inv = Tokens.id();
    await(a.put(inv, "short", "image/jpeg", new byte[] {9}, Duration.ofMillis(1200)));
    assertTrue(await(a.get(inv, "short")).isPresent());
    Thread.sleep(1500);
    assertTrue(await(a.get(inv, "short")).isEmpty(), "gone after its time");
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
  void theFirstBrowserHoldsALinkAndOnlyItUntilAnotherIsAddedOrANewLinkIsMade() throws Exception {
    InvitationStore store = stores().invitations();
    Invitation inv = await(store.create(invitation("Held", LocalDateTime.of(2031, 4, 2, 10, 0))));
    assertTrue(await(store.holdLink(inv.id(), "deviceA")));
    assertTrue(await(store.holdLink(inv.id(), "deviceA")), "the holder again is fine");
    assertFalse(await(store.holdLink(inv.id(), "deviceB")), "a second browser is refused");
    assertFalse(await(store.bindTelegramChat(inv.id(), 991L)), "and so is a Telegram chat");
    assertEquals(List.of("deviceA"), await(store.byId(inv.id())).orElseThrow().devices());
    // A writer holding an old copy (taken before the link was held) cannot undo the binding.
    await(store.update(inv.withStatus(InvitationStatus.STARTED, Instant.now())));
    Invitation started = await(store.byId(inv.id())).orElseThrow();
    assertEquals(InvitationStatus.STARTED, started.status());
    assertEquals(List.of("deviceA"), started.devices());
    assertTrue(await(store.addDevice(inv.id(), "deviceB")), "a browser that proved itself is added");
    assertTrue(await(store.holdLink(inv.id(), "deviceB")));
    assertTrue(await(store.addDevice(inv.id(), "deviceC")));
    assertFalse(await(store.addDevice(inv.id(), "deviceD")), "at most three");
    assertEquals(List.of("deviceA", "deviceB", "deviceC"), await(store.byId(inv.id())).orElseThrow().devices(),
        "none of the patient's devices is pushed out");

    Invitation renewed = await(store.newLink(inv.id(), Tokens.linkToken())).orElseThrow();
    assertTrue(renewed.devices().isEmpty());
    assertTrue(await(store.byToken(inv.token())).isEmpty(), "the old link stops at once");
    assertEquals(inv.id(), await(store.byToken(renewed.token())).orElseThrow().id());
    assertEquals(InvitationStatus.STARTED, await(store.byId(inv.id())).orElseThrow().status(), "the conversation is kept");
    // A stale writer still holding the old token cannot bring the old link back.
    await(store.update(started));
    assertTrue(await(store.byToken(inv.token())).isEmpty());
    assertEquals(renewed.token(), await(store.byId(inv.id())).orElseThrow().token());
    assertTrue(await(store.holdLink(inv.id(), "deviceZ")), "the new link is free for the next browser");
    assertTrue(await(store.newLink("no-such-id", Tokens.linkToken())).isEmpty());
    assertFalse(await(store.holdLink("no-such-id", "x")));
  }

  @Test
  void aNewLinkLeavesAChatThatHasMovedOnToAnotherInvitationAlone() throws Exception {
    InvitationStore store = stores().invitations();
    Invitation old = await(store.create(invitation("Old", LocalDateTime.of(2031, 4, 4, 10, 0))));
    Invitation later = await(store.create(invitation("Later", LocalDateTime.of(2031, 4, 5, 10, 0))));
    assertTrue(await(store.bindTelegramChat(old.id(), 6262L)));
    assertTrue(await(store.bindTelegramChat(later.id(), 6262L)), "the chat moves on to the next appointment");
    await(store.newLink(old.id(), Tokens.linkToken()));
    assertEquals(later.id(), await(store.byTelegramChat(6262L)).orElseThrow().id());
  }

  @Test
  void aNewLinkFreesALinkHeldByATelegramChat() throws Exception {
    InvitationStore store = stores().invitations();
    Invitation inv = await(store.create(invitation("TgHeld", LocalDateTime.of(2031, 4, 3, 10, 0))));
    assertTrue(await(store.bindTelegramChat(inv.id(), 5151L)));
    assertFalse(await(store.holdLink(inv.id(), "browser")), "a chat holds it");
    Invitation renewed = await(store.newLink(inv.id(), Tokens.linkToken())).orElseThrow();
    assertEquals(null, renewed.telegramChatId());
    assertTrue(await(store.byTelegramChat(5151L)).isEmpty(), "the old chat no longer reaches it");
    assertTrue(await(store.holdLink(inv.id(), "browser")));
  }

  @Test
  void staffSessionsAreFoundEndedAndEndedTogether() throws Exception {
    StaffSessionStore s = stores().staffSessions();
    String user = "u" + freshId();
    Instant now = Instant.now();
    StaffSession one = new StaffSession("k1" + user, user, StaffUser.Role.GP, "cred", now, now.plusSeconds(3600));
    StaffSession two = new StaffSession("k2" + user, user, StaffUser.Role.GP, "cred", now, now.plusSeconds(3600));
    StaffSession other = new StaffSession("k3" + user, user + "x", StaffUser.Role.ADMIN, "cred", now, now.plusSeconds(3600));
    await(s.create(one));
    await(s.create(two));
    await(s.create(other));
    assertEquals(one, await(s.find(one.key())).orElseThrow());
    await(s.end(one.key()));
    assertTrue(await(s.find(one.key())).isEmpty(), "logout");
    assertEquals(1, await(s.endAllOf(user)));
    assertTrue(await(s.find(two.key())).isEmpty(), "ended with its user");
    assertTrue(await(s.find(other.key())).isPresent(), "another user's session stays");
    StaffSession expired = new StaffSession("k4" + user, user, StaffUser.Role.GP, "cred", now.minusSeconds(10), now.plusMillis(300));
    await(s.create(expired));
    Thread.sleep(400);
    assertTrue(await(s.find(expired.key())).isEmpty(), "expired");
  }

  @Test
  void countersCountInAWindowAndHoldsLapse() throws Exception {
    Counters c = stores().counters();
    String key = "t" + freshId();
    assertEquals(0L, await(c.count(key)));
    assertEquals(1L, await(c.increment(key, Duration.ofMillis(400))));
    assertEquals(2L, await(c.increment(key, Duration.ofMillis(400))));
    assertEquals(2L, await(c.count(key)));
    Thread.sleep(500);
    assertEquals(0L, await(c.count(key)), "the window lapsed");
    assertEquals(1L, await(c.increment(key, Duration.ofSeconds(5))), "a new window");
    await(c.reset(key));
    assertEquals(0L, await(c.count(key)));
    await(c.hold(key + "h", Duration.ofSeconds(3)));
    long left = await(c.heldFor(key + "h"));
    assertTrue(left > 2000 && left <= 3000, "held for " + left);
    await(c.hold(key + "h", Duration.ofMillis(200)));
    assertTrue(await(c.heldFor(key + "h")) <= 200, "a new hold replaces the old");
    Thread.sleep(300);
    assertEquals(0L, await(c.heldFor(key + "h")));
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
    // Events as they are written: now (the trail is kept by the day of each event, so recent() reads back from today).
    Instant now = Instant.now();
    String gp = "gp-" + Tokens.id(); // the class's other tests write events too
    await(audit.record(new AuditEvent(now, gp, "view-summary", "a")));
    await(audit.record(new AuditEvent(now.plusMillis(1), gp, "view-summary", "b")));
    assertEquals(List.of("b", "a"), await(audit.recent(50)).stream().filter(e -> gp.equals(e.actor()))
        .map(AuditEvent::target).toList(), "newest first");
  }

  @Test
  void pingAnswers() throws Exception {
    await(stores().ping());
  }

  // ---- the Telegram inbox and chat state

  private TelegramStore telegram() {
    return stores().telegram();
  }

  /** Update ids are unique per test so the contract runs on one shared Redis. */
  static long freshId() {
    return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
  }

  @Test
  void anUpdateIsQueuedOnceAndARepeatIsRefusedEvenAfterItWasDone() throws Exception {
    long id = freshId();
    assertTrue(await(telegram().enqueue(id, "{\"update_id\":1}")));
    assertFalse(await(telegram().enqueue(id, "{\"update_id\":1}")), "a redelivered update must not be queued again");
    assertTrue(await(telegram().pending(10_000)).stream().anyMatch(q -> q.updateId() == id));
    assertTrue(await(telegram().isPending(id)));
    await(telegram().done(id));
    assertFalse(await(telegram().isPending(id)));
    assertFalse(await(telegram().pending(10_000)).stream().anyMatch(q -> q.updateId() == id));
    assertFalse(await(telegram().enqueue(id, "{}")), "done updates stay remembered as seen");
  }

  @Test
  void pendingUpdatesComeBackInUpdateOrderWithTheirJson() throws Exception {
    long base = freshId();
    await(telegram().enqueue(base + 2, "two"));
    await(telegram().enqueue(base, "zero"));
    await(telegram().enqueue(base + 1, "one"));
    List<TelegramStore.QueuedUpdate> mine = await(telegram().pending(10_000)).stream()
        .filter(q -> q.updateId() >= base && q.updateId() <= base + 2).toList();
    assertEquals(List.of("zero", "one", "two"), mine.stream().map(TelegramStore.QueuedUpdate::json).toList());
    for (long i = 0; i < 3; i++) await(telegram().done(base + i));
  }

  @Test
  void chatStateAndReferencesRoundTrip() throws Exception {
    long chat = freshId();
    assertTrue(await(telegram().chat(chat)).isEmpty());
    TelegramChat c = TelegramChat.fresh(chat).withLastAnswer(17).withKeyboard(42, List.of("Yes", "No, that's all")).applied(9_000_000_001L).applied(12L);
    await(telegram().saveChat(c));
    assertEquals(c, await(telegram().chat(chat)).orElseThrow());
    assertTrue(c.hasApplied(12L) && c.hasApplied(9_000_000_001L) && !c.hasApplied(13L));
    TelegramChat many = c;
    for (long i = 0; i < 100; i++) many = many.applied(1000 + i);
    assertEquals(TelegramChat.REMEMBERED_UPDATES, many.appliedUpdates().size());
    assertTrue(many.hasApplied(1099) && !many.hasApplied(12L));
    String ref = "REF-" + chat;
    assertTrue(await(telegram().chatOfReference(ref)).isEmpty());
    await(telegram().rememberReference(ref, chat));
    assertEquals(chat, await(telegram().chatOfReference(ref)).orElseThrow());
    await(telegram().forgetReference(ref));
    assertTrue(await(telegram().chatOfReference(ref)).isEmpty());
  }

  @Test
  void aChatLeaseHasOneOwnerAtATimeAndLapses() throws Exception {
    long chat = freshId();
    java.time.Duration minute = java.time.Duration.ofMinutes(1);
    assertTrue(await(telegram().leaseChat(chat, "a", minute)));
    assertFalse(await(telegram().leaseChat(chat, "b", minute)), "held by a");
    assertTrue(await(telegram().leaseChat(chat, "a", minute)), "the owner renews");
    await(telegram().releaseChat(chat, "b"));
    assertFalse(await(telegram().leaseChat(chat, "b", minute)), "only the owner can release");
    await(telegram().releaseChat(chat, "a"));
    assertTrue(await(telegram().leaseChat(chat, "b", java.time.Duration.ofMillis(50))));
    Thread.sleep(120);
    assertTrue(await(telegram().leaseChat(chat, "a", minute)), "a dead owner's lease lapses");
  }
}
