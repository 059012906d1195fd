package app.previsit.store.redis;

import app.previsit.store.StoreUnavailableException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Confirms that what this instance has written is held by the replicas (Redis WAIT), in rounds on a
 * connection of its own. WAIT blocks the connection it is sent on and counts that connection's writes
 * only, so a round writes a probe key there and then waits for it: the primary replicates in one
 * ordered stream, so once a replica has the probe it has every write that was answered before the round
 * began, from any connection of any instance. Everyone who asks while a round is under way is confirmed
 * by the next one (one WAIT for many turns), and the shared connection never waits for a replica.
 */
final class ReplicaConfirmations implements AutoCloseable {
  private final StatefulRedisConnection<String, String> connection;
  private final int replicas;
  private final long timeoutMs;
  private final String probeKey;
  private List<CompletableFuture<Void>> waiting = new ArrayList<>();
  private boolean roundUnderWay;
  private long round;

  ReplicaConfirmations(StatefulRedisConnection<String, String> connection, int replicas, long timeoutMs, String instance) {
    this.connection = connection;
    this.replicas = replicas;
    this.timeoutMs = timeoutMs;
    this.probeKey = RedisKeys.replicaProbe(instance);
  }

  /** Completes once the replicas hold every write answered before this call; fails as unavailable otherwise. */
  CompletionStage<Void> confirm() {
    CompletableFuture<Void> confirmed = new CompletableFuture<>();
    synchronized (this) {
      waiting.add(confirmed);
      if (!roundUnderWay) startRound();
    }
    return confirmed;
  }

  /** Called holding the lock. */
  private void startRound() {
    List<CompletableFuture<Void>> these = waiting;
    waiting = new ArrayList<>();
    roundUnderWay = true;
    long n = ++round;
    CompletionStage<Long> acked;
    try {
      acked = connection.async().set(probeKey, Long.toString(n), SetArgs.Builder.px(60_000))
          .thenCompose(ok -> connection.async().waitForReplication(replicas, timeoutMs));
    } catch (RuntimeException e) {
      acked = CompletableFuture.failedFuture(e);
    }
    acked.whenComplete((count, error) -> {
      Throwable failure = error != null ? error
          : count == null || count < replicas ? new StoreUnavailableException("no replica confirmed the write within "
              + timeoutMs + " ms", null) : null;
      for (CompletableFuture<Void> c : these) {
        if (failure == null) c.complete(null);
        else c.completeExceptionally(failure);
      }
      synchronized (this) {
        roundUnderWay = false;
        if (!waiting.isEmpty()) startRound();
      }
    });
  }

  @Override
  public void close() {
    connection.close();
  }
}
