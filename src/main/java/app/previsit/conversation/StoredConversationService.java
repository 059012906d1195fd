package app.previsit.conversation;

import app.previsit.config.Config;
import app.previsit.dialogue.Conversation;
import app.previsit.dialogue.ConversationCodec;
import app.previsit.dialogue.Dialogue;
import app.previsit.dialogue.Line;
import app.previsit.dialogue.Next;
import app.previsit.dialogue.PatientInput;
import app.previsit.dialogue.Reply;
import app.previsit.invitation.Invitation;
import app.previsit.invitation.InvitationStatus;
import app.previsit.invitation.Tokens;
import app.previsit.store.Stores;
import app.previsit.store.Versioned;
import app.previsit.summary.SummaryBuilder;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Load, apply the pure core, save with compare-and-set; retry when another writer got there
 * first. Each turn with a message id is applied at most once: the ids of recent turns and their
 * replies are saved in the same atomic write as the state, so a repeat gets the first answer back.
 */
public final class StoredConversationService implements ConversationService {
  /** More writers than this racing for one conversation means something is wrong; give up loudly. */
  private static final int MAX_ATTEMPTS = 32;

  private final Stores stores;
  private final Dialogue dialogue;
  private volatile io.vertx.core.WorkerExecutor workers;
  private final Clock clock;
  private final Config config;
  private final RedFlagAlarm alarm;

  public StoredConversationService(Stores stores, Dialogue dialogue, Clock clock, Config config) {
    this(stores, dialogue, clock, config, RedFlagAlarm.NONE);
  }

  public StoredConversationService(Stores stores, Dialogue dialogue, Clock clock, Config config, RedFlagAlarm alarm) {
    this.stores = stores;
    this.dialogue = dialogue;
    this.clock = clock;
    this.config = config;
    this.alarm = alarm;
  }

  @Override
  public Future<Turn> open(Invitation invitation) {
    return stores.sessions().load(invitation.id()).compose(stored -> {
      if (stored.isPresent()) {
        SessionEnvelope e = SessionEnvelope.parse(stored.get().value());
        return Future.succeededFuture(turn(List.of(), e.conversation(), false));
      }
      Next next = dialogue.start(invitation.patientName(), clock.instant());
      Write w = write(null, next.conversation(), null, List.of());
      return stores.sessions().compareAndSet(invitation.id(), 0, w.envelope().toJson(), w.append(), w.reset(), ttl(invitation))
          .compose(won -> stores.replicated().map(v -> turn(won ? next.replies() : List.of(), next.conversation(), false)));
    });
  }

  @Override
  public Future<Turn> handle(Invitation invitation, PatientInput input, String messageId) {
    // A message without an id still gets one: if Redis executes our write but its answer is lost
    // (a timeout, or Lettuce re-sending after a reconnect), the retry then finds this id applied.
    String id = messageId != null ? messageId : "gen:" + Tokens.random(12);
    // Answered only once the turn (its state, transcript, alert and invitation writes) would survive a failover;
    // a repeat answered from what is stored waits too: its first attempt may have failed before this point.
    return attempt(invitation, input, id, 1).compose(turn -> stores.replicated().map(turn));
  }

  private Future<Turn> attempt(Invitation invitation, PatientInput input, String messageId, int attempt) {
    return stores.sessions().load(invitation.id()).compose(stored -> {
      Instant now = clock.instant();
      long version = stored.map(Versioned::version).orElse(0L);
      SessionEnvelope before;
      List<Reply> greeting = List.of();
      if (stored.isPresent()) {
        before = SessionEnvelope.parse(stored.get().value());
        Optional<SessionEnvelope.Applied> earlier = before.earlier(messageId);
        if (earlier.isPresent()) {
          Conversation c = before.conversation();
          // The first time may have failed after its write (a timeout, a crash): bring the invitation up to date now.
          // And the practice may not have heard of a red flag it raised: telling again raises nothing twice.
          return repliesOf(invitation, earlier.get()).compose(replies -> reconcile(invitation, c, now)
              .compose(v -> alarm(invitation, 0, c))
              .map(v -> turn(replies, c, true)));
        }
        if (before.conversation().forgotten()) {
          // Forgotten a moment ago by another message: write nothing, not even this message's text.
          return Future.succeededFuture(new Turn(dialogue.erased(), true, false));
        }
      } else if (attempt > 1) {
        // It was there a moment ago and has been erased since (forget me, or the practice deleted it): never recreate it.
        return Future.succeededFuture(new Turn(dialogue.erased(), true, false));
      } else {
        Next start = dialogue.start(invitation.patientName(), now);
        before = new SessionEnvelope(start.conversation(), List.of(), 0);
        greeting = start.replies();
      }
      boolean startOnly = input instanceof PatientInput.Command c && "start".equals(c.name()) && stored.isEmpty();
      SessionEnvelope prior = before;
      List<Reply> hello = greeting;
      Future<Next> turnDone = startOnly ? Future.succeededFuture(new Next(before.conversation(), greeting))
          : update(before.conversation(), input, now);
      return turnDone.compose(next -> save(invitation, input, messageId, attempt, stored, version, prior, hello, startOnly,
          next, now));
    });
  }

  /**
   * One turn of the pure core. Typed text goes through the NLU (the sentence encoder: milliseconds of
   * CPU), so it runs on a worker pool sized to the cores, never on an event loop; buttons and commands
   * stay where they are. Order per conversation is kept by the caller waiting for this turn and by the
   * compare-and-set on the stored version.
   */
  private Future<Next> update(Conversation c, PatientInput input, Instant now) {
    io.vertx.core.Context ctx = io.vertx.core.Vertx.currentContext();
    boolean typed = input instanceof PatientInput.Text || input instanceof PatientInput.Correction
        || input instanceof PatientInput.ReviewEdit e && !e.removes();
    if (ctx == null || !typed) return Future.succeededFuture(dialogue.update(c, input, now));
    return nluWorkers(ctx.owner()).executeBlocking(() -> dialogue.update(c, input, now), false);
  }

  /** A turn with where the conversation now is, and its review as items while it is at the review. */
  private Turn turn(List<Reply> replies, Conversation c, boolean duplicate) {
    return new Turn(replies, c.done(), duplicate, app.previsit.dialogue.Progress.of(c), dialogue.reviewSheet(c));
  }

  private io.vertx.core.WorkerExecutor nluWorkers(io.vertx.core.Vertx vertx) {
    io.vertx.core.WorkerExecutor w = workers;
    if (w == null) {
      synchronized (this) {
        w = workers;
        if (w == null) {
          workers = w = vertx.createSharedWorkerExecutor("previsit-nlu", Runtime.getRuntime().availableProcessors());
        }
      }
    }
    return w;
  }

  private Future<Turn> save(Invitation invitation, PatientInput input, String messageId, int attempt,
      Optional<Versioned> stored, long version, SessionEnvelope before, List<Reply> greeting, boolean startOnly,
      Next next, Instant now) {
    List<Reply> replies = startOnly ? greeting : concat(greeting, next.replies());
    Write w = write(stored.isPresent() ? before : null, next.conversation(), messageId, replies);
    Duration ttl = next.conversation().forgotten() ? Duration.ofMinutes(5) : ttl(invitation);
    Future<Boolean> saved = stores.sessions().compareAndSet(invitation.id(), version, w.envelope().toJson(), w.append(),
        w.reset(), ttl);
    return saved.compose(won -> {
      if (!won) {
        if (attempt >= MAX_ATTEMPTS) {
          return Future.failedFuture(new IllegalStateException("conversation " + invitation.id() + " kept changing"));
        }
        return attempt(invitation, input, messageId, attempt + 1);
      }
      Turn turn = turn(replies, next.conversation(), false);
      // Saved first, then the practice is told, before the patient has the emergency reply.
      Future<Void> told = alarm(invitation, before.conversation().redFlags().size(), next.conversation());
      if (version == 0) {
        return told.compose(v -> keepOnlyIfInvited(invitation, before.conversation(), next.conversation(), turn, now));
      }
      return told.compose(v -> followInvitation(invitation.id(), before.conversation(), next.conversation(), now))
          .compose(v -> touch(invitation, now))
          .compose(v -> dropUnreferencedUploads(invitation.id(), before.conversation(), next.conversation()))
          .map(turn);
    });
  }

  /**
   * A printout's photo no answer refers to any more, not even one "go back" can return to (removed at the
   * review, undone and then out of reach), is deleted: nothing is kept that the GP will never see. A failure
   * here never fails the turn (the file expires with the conversation anyway).
   */
  private Future<Void> dropUnreferencedUploads(String invitationId, Conversation before, Conversation after) {
    java.util.Set<String> gone = uploads(before);
    gone.removeAll(uploads(after));
    Future<Void> all = Future.succeededFuture();
    for (String ref : gone) {
      all = all.compose(v -> stores.attachments().delete(invitationId, ref.substring(UPLOAD.length()))
          .recover(e -> Future.succeededFuture()));
    }
    return all;
  }

  private static final String UPLOAD = "upload:";

  /** Every upload the answers refer to, and the answers "go back" can return to. */
  private static java.util.Set<String> uploads(Conversation c) {
    java.util.Set<String> refs = new java.util.HashSet<>();
    java.util.List<app.previsit.dialogue.Answers> all = new java.util.ArrayList<>(c.undo());
    all.add(c.answers());
    for (app.previsit.dialogue.Answers a : all) {
      for (app.previsit.dialogue.Research r : a.research()) {
        for (String ref : r.attachments()) if (ref.startsWith(UPLOAD)) refs.add(ref);
      }
    }
    return refs;
  }

  /**
   * Tells the alarm of the conversation's red flags from {@code from} on. A failure to tell never fails
   * the patient's turn (the emergency reply matters most); the flag is still in the summary, and a
   * repeat of the message tells again.
   */
  private Future<Void> alarm(Invitation invitation, int from, Conversation after) {
    List<app.previsit.dialogue.RedFlag> flags = after.redFlags();
    Future<Void> all = Future.succeededFuture();
    for (int i = from; i < flags.size(); i++) {
      int index = i;
      all = all.compose(v -> alarm.raised(invitation, flags.get(index), index).recover(e -> Future.succeededFuture()));
    }
    return all;
  }

  /**
   * A conversation just created for an invitation that was cancelled or deleted while this turn was
   * on its way is removed again at once, so no patient text outlives its invitation.
   */
  private Future<Turn> keepOnlyIfInvited(Invitation invitation, Conversation before, Conversation after, Turn turn, Instant now) {
    return stores.invitations().byId(invitation.id()).compose(found -> {
      if (found.isPresent() && found.get().status() != InvitationStatus.CANCELLED) {
        return moveTo(found.get(), target(before, after), now).map(turn);
      }
      return erase(invitation.id()).map(v -> new Turn(dialogue.erased(), true, false));
    });
  }

  /** The invitation's status as the stored conversation says it should be (for a repeated message). */
  private Future<Void> reconcile(Invitation invitation, Conversation stored, Instant now) {
    return followInvitation(invitation.id(), Conversation.begin(invitation.patientName()), stored, now);
  }

  /**
   * Keeps the invitation's status in step with the conversation (started, completed, cancelled) and
   * notes when the patient stopped, so reception reads "stopped by patient", not "started".
   */
  private Future<Void> followInvitation(String id, Conversation before, Conversation after, Instant now) {
    InvitationStatus target = target(before, after);
    boolean stoppedNow = after.stopped() && !before.stopped() && !after.forgotten();
    if (target == null && !stoppedNow) return Future.succeededFuture();
    return stores.invitations().byId(id).compose(found -> {
      if (found.isEmpty()) return Future.succeededFuture();
      Invitation inv = found.get();
      if (stoppedNow && inv.outcome() == null) {
        return stores.invitations().update(inv.withOutcome(Invitation.Outcome.STOPPED).withActivity(now))
            .compose(updated -> moveTo(updated, target, now));
      }
      return moveTo(inv, target, now);
    });
  }

  /** How long the invitation's "last activity" may lag: written at most once a minute per conversation. */
  private static final Duration ACTIVITY_STEP = Duration.ofMinutes(1);

  /** Records the patient's last activity for reception, read-modify-write so no newer status is undone. */
  private Future<Void> touch(Invitation seen, Instant now) {
    if (seen.lastActivityAt() != null && seen.lastActivityAt().plus(ACTIVITY_STEP).isAfter(now)) return Future.succeededFuture();
    return stores.invitations().byId(seen.id()).compose(found -> {
      if (found.isEmpty() || found.get().status() == InvitationStatus.CANCELLED) return Future.succeededFuture();
      return stores.invitations().update(found.get().withActivity(now)).mapEmpty();
    });
  }

  /** The status a turn from {@code before} to {@code after} calls for, or null when it changes none. */
  private static InvitationStatus target(Conversation before, Conversation after) {
    if (after.forgotten()) return InvitationStatus.CANCELLED;
    if (after.confirmed() && !before.confirmed()) return InvitationStatus.COMPLETED;
    if (after.started() && !before.started()) return InvitationStatus.STARTED;
    return null;
  }

  /** Moves the invitation on (never back: a cancelled one stays cancelled, a completed one is not "started" again). */
  private Future<Void> moveTo(Invitation inv, InvitationStatus target, Instant now) {
    if (target == null || inv.status() == target || inv.status() == InvitationStatus.CANCELLED) return Future.succeededFuture();
    if (target == InvitationStatus.STARTED && inv.status() == InvitationStatus.COMPLETED) return Future.succeededFuture();
    Future<Void> erase = target == InvitationStatus.CANCELLED ? erase(inv.id()) : Future.succeededFuture();
    Invitation moved = inv.withStatus(target, now).withActivity(now);
    if (target == InvitationStatus.CANCELLED) moved = moved.withOutcome(Invitation.Outcome.FORGOTTEN);
    Invitation next = moved;
    return erase.compose(v -> stores.invitations().update(next)).mapEmpty();
  }

  /** What one turn writes: the envelope (its conversation holding only this turn's lines) and the log entries to append. */
  private record Write(SessionEnvelope envelope, List<String> append, boolean reset) {}

  /**
   * Splits the conversation after a turn into the small envelope and the new transcript lines.
   * {@code before} is the stored envelope (null when nothing was stored): its conversation holds
   * the lines of the previous turn, and the core only ever appends to them, so what follows them is
   * new. When the core rewrote the transcript (forget me) or the stored envelope still carried the
   * whole transcript (schema 1-2), the log is rewritten from scratch.
   */
  private static Write write(SessionEnvelope before, Conversation after, String messageId, List<Reply> replies) {
    List<Line> all = after.transcript();
    List<Line> previous = before == null || before.transcriptInside() ? null : before.conversation().transcript();
    boolean appends = previous != null && all.size() >= previous.size() && all.subList(0, previous.size()).equals(previous);
    List<Line> fresh = appends ? all.subList(previous.size(), all.size()) : all;
    List<Line> tail = fresh.isEmpty() && previous != null ? previous : fresh;
    List<String> append = new ArrayList<>(fresh.size());
    for (Line l : fresh) append.add(SessionEnvelope.lineJson(l));
    Conversation small = SessionEnvelope.withTranscript(after, List.copyOf(tail));
    int logSize = (appends ? before.logSize() : 0) + fresh.size();
    SessionEnvelope.Applied applied = null;
    if (messageId != null) {
      boolean lastLinesAreTheReplies = replies.size() <= fresh.size();
      for (int i = 0; lastLinesAreTheReplies && i < replies.size(); i++) {
        Line l = fresh.get(fresh.size() - replies.size() + i);
        Reply r = replies.get(i);
        lastLinesAreTheReplies = l.from().equals("bot") && l.text().equals(r.text()) && l.buttons().equals(r.buttons());
      }
      applied = lastLinesAreTheReplies && !replies.isEmpty()
          ? new SessionEnvelope.Applied(messageId, null, logSize - replies.size(), replies.size())
          : new SessionEnvelope.Applied(messageId, replies);
    }
    SessionEnvelope base = before == null ? new SessionEnvelope(small, List.of(), 0) : before;
    return new Write(base.next(small, messageId, applied, !appends, logSize), append, !appends);
  }

  /** The replies a message id got the first time: kept in the state, or read back from the log. */
  private Future<List<Reply>> repliesOf(Invitation invitation, SessionEnvelope.Applied a) {
    if (!a.inLog()) return Future.succeededFuture(a.replies());
    if (a.from() < 0) return Future.succeededFuture(List.of());
    return stores.sessions().log(invitation.id(), a.from(), a.n()).map(entries -> {
      // The log only grows, except when forget-me empties it (then there is nothing to repeat).
      if (entries.size() != a.n()) return List.<Reply>of();
      List<Reply> replies = new ArrayList<>(a.n());
      for (String e : entries) {
        Line l = SessionEnvelope.parseLine(e);
        replies.add(new Reply(l.text(), l.buttons(), l.emergency() ? Reply.Kind.EMERGENCY : Reply.Kind.NORMAL));
      }
      return replies;
    });
  }

  /** The stored conversation with its whole transcript (from the log), if any. */
  private Future<Optional<Conversation>> whole(Invitation invitation) {
    return stores.sessions().load(invitation.id()).compose(stored -> {
      if (stored.isEmpty()) return Future.succeededFuture(Optional.<Conversation>empty());
      SessionEnvelope e = SessionEnvelope.parse(stored.get().value());
      if (e.transcriptInside()) return Future.succeededFuture(Optional.of(e.conversation()));
      return stores.sessions().log(invitation.id()).map(entries -> {
        List<Line> lines = new ArrayList<>(entries.size());
        for (String entry : entries) lines.add(SessionEnvelope.parseLine(entry));
        return Optional.of(SessionEnvelope.withTranscript(e.conversation(), lines));
      });
    });
  }

  @Override
  public Future<List<TranscriptLine>> history(Invitation invitation) {
    return whole(invitation).map(found -> found
        .map(c -> c.transcript().stream().map(StoredConversationService::line).toList())
        .orElse(List.of()));
  }

  @Override
  public Future<Optional<JsonObject>> summary(Invitation invitation) {
    return whole(invitation).map(found ->
        Optional.of(SummaryBuilder.build(invitation, found.orElse(null), config.timeZone(), clock.instant())));
  }

  @Override
  public Future<Optional<String>> section(Invitation invitation) {
    return stores.sessions().load(invitation.id()).map(stored -> stored.map(v -> {
      Conversation c = SessionEnvelope.parse(v.value()).conversation();
      app.previsit.dialogue.Stage stage = c.stage();
      boolean holding = stage == app.previsit.dialogue.Stage.STOPPED || stage == app.previsit.dialogue.Stage.EMERGENCY
          || stage == app.previsit.dialogue.Stage.CONFIRM_FORGET;
      return sectionOf(holding && c.resume() != null ? c.resume() : stage);
    }));
  }

  private static String sectionOf(app.previsit.dialogue.Stage s) {
    return switch (s) {
      case WELCOME, SAFETY -> "welcome";
      case AGENDA, CONCERN_DURATION, CONCERN_IMPACT, CONCERN_IDEA, CONCERN_WORRY, CONCERN_EXPECTATION, AGENDA_MORE, PRIORITY -> "agenda";
      case RESEARCH, RESEARCH_QUESTION, RESEARCH_MORE, PRINTOUT_CHECK, PRINTOUT_ABOUT -> "research";
      case QUESTIONS -> "questions";
      case GOALS, GOALS_MORE -> "goals";
      case DECISION -> "decision";
      case PREFERENCES, PREFERENCES_MORE -> "preferences";
      case MEDICATIONS, MEDICATIONS_MORE -> "medicines";
      case REVIEW, REVIEW_CHANGE -> "review";
      case DONE -> "done";
      case EMERGENCY, STOPPED, CONFIRM_FORGET -> "welcome";
      case FORGOTTEN -> "erased";
    };
  }

  /** Kept until the retention period after the appointment has passed. */
  /** The conversation, its transcript and the printouts sent with it: all of it, at once. */
  private Future<Void> erase(String invitationId) {
    return stores.sessions().delete(invitationId).compose(v -> stores.attachments().deleteAll(invitationId));
  }

  @Override
  public Duration retention(Invitation invitation) {
    return ttl(invitation);
  }

  private Duration ttl(Invitation invitation) {
    Instant appointment = invitation.appointmentAt().atZone(config.timeZone()).toInstant();
    Duration left = Duration.between(clock.instant(), appointment.plus(config.retentionAfterAppointment()));
    return left.compareTo(Duration.ofHours(1)) < 0 ? Duration.ofHours(1) : left;
  }

  private static TranscriptLine line(Line l) {
    return new TranscriptLine(l.from(), l.text(), l.buttons(), Instant.ofEpochMilli(l.at()), l.emergency());
  }

  private static List<Reply> concat(List<Reply> a, List<Reply> b) {
    if (a.isEmpty()) return b;
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  /** Builds the service's dialogue from configuration: wording file and confidence threshold. */
  public static Dialogue dialogueFor(Config config, app.previsit.nlu.Understanding nlu) {
    var messages = app.previsit.dialogue.Messages.load(config.messagesFile(), java.util.Map.of(
        "phone", config.practiceContact(), "days", Long.toString(config.retentionAfterAppointment().toDays())));
    return new Dialogue(nlu, messages, app.previsit.nlu.OpenNlpUnderstanding.CONFIDENCE_THRESHOLD);
  }
}
