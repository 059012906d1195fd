package app.previsit.store.redis;

import app.previsit.config.Config;
import app.previsit.config.ConfigException;
import app.previsit.store.AuditLog;
import app.previsit.store.Counters;
import app.previsit.store.StaffSessionStore;
import app.previsit.store.InvitationStore;
import app.previsit.store.SessionStore;
import app.previsit.store.StoreUnavailableException;
import app.previsit.store.Stores;
import app.previsit.store.TelegramStore;
import app.previsit.store.UserStore;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * All stores on one Redis deployment (one node, Sentinel or Cluster: {@link RedisDeployment}), through
 * one shared Lettuce connection that reconnects by itself.
 */
public final class RedisStores implements Stores {
  private final AbstractRedisClient client;
  private final StatefulConnection<String, String> connection;
  private final RedisClusterAsyncCommands<String, String> commands;
  /** Null when no replica needs to confirm (one node, a cluster, or PREVISIT_REDIS_REPLICA_ACKS=0). */
  private final ReplicaConfirmations confirmations;
  private final InvitationStore invitations;
  private final SessionStore sessions;
  private final UserStore users;
  private final AuditLog audit;
  private final TelegramStore telegram;
  private final StaffSessionStore staffSessions;
  private final Counters counters;
  private final app.previsit.store.AlertStore alerts;
  private final RedisAttachmentStore attachments;

  private RedisStores(RedisDeployment.Connected connected, Config config) {
    this.client = connected.client();
    this.connection = connected.connection();
    this.commands = connected.commands();
    Config.ReplicaAcks acks = config.replicaAcks();
    this.confirmations = acks.replicas() > 0 && connected.client() instanceof io.lettuce.core.RedisClient single
        ? new ReplicaConfirmations(single.connect(), acks.replicas(), acks.timeout().toMillis(),
            app.previsit.security.Secret.randomToken(8))
        : null;
    this.invitations = new RedisInvitationStore(this, config);
    this.sessions = new RedisSessionStore(this);
    this.users = new RedisUserStore(this);
    this.audit = new RedisAuditLog(this, Duration.ofDays(config.auditDays()));
    this.telegram = new RedisTelegramStore(this, config);
    this.staffSessions = new RedisStaffSessionStore(this);
    this.counters = new RedisCounters(this);
    this.alerts = new RedisAlertStore(this);
    this.attachments = new RedisAttachmentStore(this);
  }

  /**
   * Connects at start-up (blocking, before serving) and checks the data's key layout; an unreachable
   * Redis, or data an earlier release wrote and nobody has migrated, stops the start with one clear line.
   */
  public static RedisStores connect(URI url, Config config) {
    RedisStores stores = open(url, config);
    try {
      KeyLayout.check(stores);
    } catch (RuntimeException e) {
      stores.close();
      throw e;
    }
    return stores;
  }

  /** Connects without looking at the key layout: for {@code migrate-keys}, which moves data from the old one. */
  public static RedisStores open(URI url, Config config) {
    // Reconnect quickly after a Redis restart or failover (Lettuce's default backs off to 30 s): patients are waiting.
    ClientResources resources = DefaultClientResources.builder()
        .reconnectDelay(Delay.fullJitter(Duration.ofMillis(50), Duration.ofSeconds(2), 100, TimeUnit.MILLISECONDS)).build();
    RedisDeployment deployment = RedisDeployment.of(url);
    try {
      return new RedisStores(deployment.connect(resources), config);
    } catch (RedisException | IllegalArgumentException e) {
      resources.shutdown();
      throw new ConfigException("REDIS_URL: cannot reach " + deployment.describe() + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * Returns once the replicas REDIS_URL's deployment promises hold every write answered so far (Redis WAIT
   * after a probe write, on a connection of its own: {@link ReplicaConfirmations}; at once when none are
   * asked for). Fails as unavailable when they do not confirm in time: the writes are then on the primary
   * only, and the caller answers as if it had failed (a retry with the same message id finds them, and
   * waits again).
   */
  @Override
  public Future<Void> replicated() {
    if (confirmations == null) return Future.succeededFuture();
    return call(confirmations.confirm());
  }

  RedisClusterAsyncCommands<String, String> redis() {
    return commands;
  }

  /** A Lettuce result as a Vert.x future on the caller's context; Redis failures become StoreUnavailableException. */
  <T> Future<T> call(CompletionStage<T> stage) {
    Context ctx = Vertx.currentContext();
    Future<T> f = ctx == null ? Future.fromCompletionStage(stage) : Future.fromCompletionStage(stage, ctx);
    return f.recover(e -> {
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      // A connection reset mid-command reaches us as a plain SocketException, not a RedisException.
      if (cause instanceof RedisException || cause instanceof java.io.IOException
          || cause instanceof io.netty.channel.ChannelException) {
        return Future.failedFuture(new StoreUnavailableException("Redis unavailable: " + cause.getClass().getSimpleName(), cause));
      }
      return Future.failedFuture(cause);
    });
  }

  <T> Future<T> call(ThrowingSupplier<CompletionStage<T>> command) {
    try {
      return call(command.get());
    } catch (RedisException e) {
      return Future.failedFuture(new StoreUnavailableException("Redis unavailable: " + e.getClass().getSimpleName(), e));
    }
  }

  interface ThrowingSupplier<T> {
    T get();
  }

  @Override public InvitationStore invitations() { return invitations; }
  @Override public SessionStore sessions() { return sessions; }
  @Override public UserStore users() { return users; }
  @Override public AuditLog audit() { return audit; }
  @Override public TelegramStore telegram() { return telegram; }
  @Override public StaffSessionStore staffSessions() { return staffSessions; }
  @Override public Counters counters() { return counters; }
  @Override public app.previsit.store.AlertStore alerts() { return alerts; }
  @Override public app.previsit.store.AttachmentStore attachments() { return attachments; }
  @Override public String kind() { return "redis"; }

  @Override
  public Future<Void> ping() {
    return call(() -> redis().ping()).mapEmpty();
  }

  @Override
  public void close() {
    if (confirmations != null) confirmations.close();
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    client.getResources().shutdown(0, 2, TimeUnit.SECONDS);
  }
}
