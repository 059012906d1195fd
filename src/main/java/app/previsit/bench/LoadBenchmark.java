package app.previsit.bench;

import app.previsit.invitation.Invitation;
import app.previsit.server.PrevisitServer;
import app.previsit.staff.InvitationDesk;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N simulated patients, each holding a whole conversation through the patient chat HTTP API
 * and starting a fresh invitation when one ends. Each patient sends its next message as soon as
 * the previous answer arrives (closed loop), so throughput and latency are measured together.
 */
final class LoadBenchmark {
  private final PrevisitServer server;
  private final int conversations;
  private final Vertx clientVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
  private final HttpClient client;
  private final InvitationDesk desk;
  private final LatencyRecorder latency = new LatencyRecorder();
  final AtomicLong turns = new AtomicLong();
  final AtomicLong errors = new AtomicLong();
  final AtomicLong completed = new AtomicLong();
  private volatile boolean running = true;

  LoadBenchmark(PrevisitServer server, int conversations) {
    this.server = server;
    this.conversations = conversations;
    this.client = clientVertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(server.port()).setKeepAlive(true), new PoolOptions().setHttp1MaxSize(Math.min(conversations, 256)));
    this.desk = new InvitationDesk(server.services().stores().invitations(), server.services().config(), server.services().clock());
  }

  void start() {
    for (int i = 0; i < conversations; i++) {
      Random r = new Random(i);
      clientVertx.runOnContext(v -> newConversation(r));
    }
  }

  void stop() {
    running = false;
  }

  LatencyRecorder latency() {
    return latency;
  }

  void close() {
    clientVertx.close().toCompletionStage().toCompletableFuture().join();
  }

  private void newConversation(Random r) {
    if (!running) return;
    LocalDateTime at = LocalDateTime.now().plusDays(1).withSecond(0).withNano(0);
    desk.create("Bench Patient", at.toString(), "Dr Bench", null)
        .onSuccess(inv -> clientVertx.runOnContext(v -> step(inv, PatientScript.next(r), 0, r)))
        .onFailure(e -> {
          errors.incrementAndGet();
          clientVertx.setTimer(100, t -> newConversation(r));
        });
  }

  private void step(Invitation inv, List<JsonObject> script, int i, Random r) {
    if (!running) return;
    if (i >= script.size()) {
      newConversation(r);
      return;
    }
    long start = System.nanoTime();
    send(inv, script.get(i)).onComplete(ar -> {
      long took = System.nanoTime() - start;
      if (ar.succeeded() && ar.result().status == 200) {
        turns.incrementAndGet();
        latency.record(took);
        if (ar.result().done) {
          completed.incrementAndGet();
          newConversation(r);
        } else {
          step(inv, script, i + 1, r);
        }
      } else {
        errors.incrementAndGet();
        step(inv, script, i + 1, r);
      }
    });
  }

  private record Answer(int status, boolean done) {}

  private Future<Answer> send(Invitation inv, JsonObject body) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
        .setURI("/chat/api/" + inv.token() + "/messages").putHeader("Content-Type", "application/json");
    return client.request(options).compose(req -> req.send(body.toBuffer())
        .compose(resp -> resp.body().map(b -> new Answer(resp.statusCode(),
            resp.statusCode() == 200 && b.toString().endsWith("\"done\":true}")))));
  }
}
