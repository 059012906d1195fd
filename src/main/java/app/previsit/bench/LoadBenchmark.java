package app.previsit.bench;

import app.previsit.invitation.Invitation;
import app.previsit.server.PrevisitServer;
import app.previsit.staff.InvitationDesk;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * N simulated patients, each holding a whole conversation through the patient chat HTTP API and
 * starting a fresh invitation when one ends. A patient never has more than one message in flight.
 *
 * <p>Load model. With a rate R (turns/s in total) each patient "types" between messages: its
 * think times are drawn from an exponential distribution with mean N/R seconds, so the N patients
 * together offer about R turns/s as a Poisson stream (an open model, like real people). Each
 * message has a <em>scheduled</em> send time; when the service is slow the patient sends late, and
 * its latency is still counted from the scheduled time (no coordinated omission: a stall shows up
 * in p99 instead of silently lowering the offered load). With R = 0 there is no think time: each
 * patient sends its next message as soon as the answer arrives (closed loop, a capacity test where
 * latency is about N / throughput).
 *
 * <p>Like the web page, a patient whose message failed (an error, a timeout) sends the same message
 * again with the same id after {@link #RETRY_DELAY_MS}, up to {@link #MAX_ATTEMPTS} times; its latency
 * counts from when it was first due. What each conversation had answered can be kept in order
 * ({@link #answered()}), so a test can hold it against the stored transcripts.
 *
 * <p>Nothing hangs unseen. A request unanswered after {@link #REQUEST_TIMEOUT_MS} is reset and
 * counted as an error, and its wait is a latency sample. At {@link #stop()} every patient whose
 * message was due and not yet answered (in flight, or overdue because the service is behind)
 * contributes now minus the scheduled time, so a stall near the end shows in p99.
 */
final class LoadBenchmark {
  /** A request with no answer after this long is given up: an error, not a turn. */
  static final long REQUEST_TIMEOUT_MS = 5000;
  /** A failed message is sent again after this long, with the same id. */
  static final long RETRY_DELAY_MS = 100;
  /** After this many attempts a message is given up and the patient goes on with the next. */
  static final int MAX_ATTEMPTS = 100;
  /** In {@link #due}: the patient has no message due (not started yet, or stopped). */
  private static final long NOTHING_DUE = Long.MIN_VALUE;

  private final int conversations;
  private final double meanThinkNanos;
  private final Vertx clientVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
  private final HttpClient client;
  private final InvitationDesk desk;
  private final LatencyRecorder latency = new LatencyRecorder();
  final AtomicLong turns = new AtomicLong();
  final AtomicLong errors = new AtomicLong();
  final AtomicLong completed = new AtomicLong();
  final AtomicLong timeouts = new AtomicLong();
  final AtomicLong givenUp = new AtomicLong();
  /** System.nanoTime() of the first and the last failed request (0: none yet). */
  final AtomicLong firstError = new AtomicLong();
  final AtomicLong lastError = new AtomicLong();
  /** Invitation id to the bodies of its messages answered with 200, in order; kept only when asked for. */
  private final java.util.Map<String, List<JsonObject>> answered = new java.util.concurrent.ConcurrentHashMap<>();
  /** Invitation id to the message sent and not (yet) answered with 200; kept only when asked for. */
  private final java.util.Map<String, JsonObject> unanswered = new java.util.concurrent.ConcurrentHashMap<>();
  private final boolean keepAnswered;
  /** Per patient, the scheduled time of its next message until that message is answered. */
  private final AtomicLongArray due;
  /**
   * The simulated patients chat from one browser: its device cookie holds every link they open, as one
   * family computer would, so each message passes the same holder check a patient's does.
   */
  private static final String DEVICE_COOKIE = "previsit_device=" + app.previsit.security.Secret.randomToken(32);

  private volatile boolean running = true;
  /** Messages scheduled before this (the warm-up) are not measured, and their lateness is forgiven. */
  private volatile long measureFrom = Long.MAX_VALUE;

  /** @param rate total offered turns per second; 0 = closed loop without think time */
  LoadBenchmark(PrevisitServer server, int conversations, int rate) {
    this(server, conversations, rate, false);
  }

  LoadBenchmark(PrevisitServer server, int conversations, int rate, boolean keepAnswered) {
    this.keepAnswered = keepAnswered;
    this.conversations = conversations;
    this.meanThinkNanos = rate <= 0 ? 0 : conversations * 1e9 / rate;
    this.due = new AtomicLongArray(conversations);
    for (int i = 0; i < conversations; i++) due.set(i, NOTHING_DUE);
    this.client = clientVertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(server.port()).setKeepAlive(true).setPipelining(false),
        new PoolOptions().setHttp1MaxSize(Math.min(conversations, 256)).setMaxWaitQueueSize(-1));
    this.desk = new InvitationDesk(server.services().stores().invitations(), server.services().config(), server.services().clock());
  }

  void start() {
    long now = System.nanoTime();
    for (int i = 0; i < conversations; i++) {
      Random r = new Random(i);
      // Spread the first messages over one mean think time so the patients do not all start at once.
      long first = now + (long) (r.nextDouble() * meanThinkNanos);
      int p = i;
      clientVertx.runOnContext(v -> newConversation(p, r, first));
    }
  }

  /**
   * Starts measuring: latencies of messages scheduled from now on. A patient that fell behind its
   * schedule during the warm-up (the JIT was still compiling) starts a fresh schedule from its next
   * answer instead of carrying the backlog into the measured period.
   */
  void measureFromNow() {
    latency.reset();
    measureFrom = System.nanoTime();
  }

  /**
   * Stops the patients, on the client's event loop so that no answer is counted after this: each
   * message that was due and is unanswered (in flight or overdue) goes into the latency recorder
   * with its wait so far.
   */
  void stop() {
    java.util.concurrent.CompletableFuture<Void> stopped = new java.util.concurrent.CompletableFuture<>();
    clientVertx.runOnContext(v -> {
      running = false;
      long now = System.nanoTime();
      for (int p = 0; p < conversations; p++) {
        long scheduled = due.getAndSet(p, NOTHING_DUE);
        if (scheduled != NOTHING_DUE && scheduled >= measureFrom && scheduled <= now) latency.record(now - scheduled);
      }
      stopped.complete(null);
    });
    stopped.join();
  }

  LatencyRecorder latency() {
    return latency;
  }

  /** Per invitation id, the messages answered with 200, in the order they were sent (when kept). */
  java.util.Map<String, List<JsonObject>> answered() {
    return answered;
  }

  /** Per invitation id, the message sent and not answered with 200 by the stop (when kept). */
  java.util.Map<String, JsonObject> unanswered() {
    return unanswered;
  }

  void close() {
    clientVertx.close().toCompletionStage().toCompletableFuture().join();
  }

  private void newConversation(int p, Random r, long scheduled) {
    if (!running) return;
    // The first message is due at the scheduled time even while its invitation is still being made.
    due.set(p, scheduled);
    LocalDateTime at = LocalDateTime.now().plusDays(1).withSecond(0).withNano(0);
    desk.create("Bench Patient", at.toString(), "Dr Bench", null)
        .onSuccess(inv -> clientVertx.runOnContext(v -> at(scheduled, () -> step(p, inv, PatientScript.next(r), 0, r, scheduled, 1))))
        .onFailure(e -> clientVertx.runOnContext(v -> {
          if (!running) return;
          errors.incrementAndGet();
          clientVertx.setTimer(100, t -> newConversation(p, r, System.nanoTime()));
        }));
  }

  /** Runs {@code action} at the scheduled time (at once when that has passed). */
  private void at(long scheduled, Runnable action) {
    long waitMs = (scheduled - System.nanoTime()) / 1_000_000;
    if (waitMs < 1) action.run();
    else clientVertx.setTimer(waitMs, t -> action.run());
  }

  private long think(Random r) {
    if (meanThinkNanos == 0) return 0;
    return (long) (-Math.log(1 - r.nextDouble()) * meanThinkNanos);
  }

  private void step(int p, Invitation inv, List<JsonObject> script, int i, Random r, long scheduled, int attempt) {
    if (!running) return;
    if (i >= script.size()) {
      newConversation(p, r, System.nanoTime());
      return;
    }
    due.set(p, scheduled);
    // Like the web page, every message carries an id: a retry is applied once.
    JsonObject body = script.get(i);
    if (keepAnswered) unanswered.put(inv.id(), body);
    send(inv, body.copy().put("id", "b" + i)).onComplete(ar -> {
      // After stop() this message was counted as outstanding already.
      if (!running) return;
      long now = System.nanoTime();
      boolean measured = scheduled >= measureFrom;
      if (ar.succeeded() && ar.result().status == 200) {
        turns.incrementAndGet();
        if (keepAnswered) {
          answered.computeIfAbsent(inv.id(), k -> java.util.Collections.synchronizedList(new java.util.ArrayList<>())).add(body);
          unanswered.remove(inv.id());
        }
        if (measured) latency.record(now - scheduled);
        // The next message is due one think time after this one was due (closed loop: now).
        long next = meanThinkNanos == 0 ? now : (measured ? scheduled : Math.max(scheduled, now)) + think(r);
        due.set(p, next);
        if (ar.result().done) {
          completed.incrementAndGet();
          at(next, () -> newConversation(p, r, next));
        } else {
          at(next, () -> step(p, inv, script, i + 1, r, next, 1));
        }
        return;
      }
      errors.incrementAndGet();
      firstError.compareAndSet(0, now);
      lastError.set(now);
      if (attempt >= MAX_ATTEMPTS) {
        givenUp.incrementAndGet();
        if (measured) latency.record(now - scheduled);
        long next = now + think(r);
        due.set(p, next);
        at(next, () -> step(p, inv, script, i + 1, r, next, 1));
        return;
      }
      // The same message again, still due since it was first due: the wait counts in its latency.
      long retry = now + RETRY_DELAY_MS * 1_000_000;
      at(retry, () -> step(p, inv, script, i, r, scheduled, attempt + 1));
    });
  }

  private record Answer(int status, boolean done) {}

  /** A request given up after {@link #REQUEST_TIMEOUT_MS} (waiting for a connection included). */
  static final class RequestTimeout extends Exception {
    RequestTimeout() {
      super("no answer within " + REQUEST_TIMEOUT_MS + " ms", null, false, false);
    }
  }

  private Future<Answer> send(Invitation inv, JsonObject body) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
        .setURI("/chat/api/" + inv.token() + "/messages").putHeader("Content-Type", "application/json")
        .putHeader("Cookie", DEVICE_COOKIE);
    Promise<Answer> answer = Promise.promise();
    AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
    long timer = clientVertx.setTimer(REQUEST_TIMEOUT_MS, t -> {
      if (answer.tryFail(new RequestTimeout())) {
        timeouts.incrementAndGet();
        // Frees the connection the hung request holds.
        HttpClientRequest req = sent.get();
        if (req != null) req.reset();
      }
    });
    client.request(options).compose(req -> {
      sent.set(req);
      return req.send(body.toBuffer()).compose(resp -> resp.body().map(b -> new Answer(resp.statusCode(),
          resp.statusCode() == 200 && b.toString().endsWith("\"done\":true}"))));
    }).onComplete(ar -> {
      clientVertx.cancelTimer(timer);
      if (ar.succeeded()) answer.tryComplete(ar.result());
      else answer.tryFail(ar.cause());
    });
    return answer.future();
  }
}
