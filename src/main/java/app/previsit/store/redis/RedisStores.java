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
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
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

/** All stores on one Redis, through one shared Lettuce connection that reconnects by itself. */
public final class RedisStores implements Stores {
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final InvitationStore invitations;
  private final SessionStore sessions;
  private final UserStore users;
  private final AuditLog audit;
  private final TelegramStore telegram;
  private final StaffSessionStore staffSessions;
  private final Counters counters;
  private final app.previsit.store.AlertStore alerts;
  private final RedisAttachmentStore attachments;

  private RedisStores(RedisClient client, StatefulRedisConnection<String, String> connection, Config config) {
    this.client = client;
    this.connection = connection;
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

  /** Connects at start-up (blocking, before serving); an unreachable Redis stops the start with one clear line. */
  public static RedisStores connect(URI url, Config config) {
    // Reconnect quickly after a Redis restart (Lettuce's default backs off to 30 s): patients are waiting.
    ClientResources resources = DefaultClientResources.builder()
        .reconnectDelay(Delay.fullJitter(Duration.ofMillis(50), Duration.ofSeconds(2), 100, TimeUnit.MILLISECONDS)).build();
    RedisClient client = RedisClient.create(resources, RedisURI.create(url));
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        // While disconnected, fail at once (the caller answers 503) instead of queueing without bound.
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(2)))
        .build());
    try {
      return new RedisStores(client, client.connect(), config);
    } catch (RedisException e) {
      client.shutdown();
      resources.shutdown();
      throw new ConfigException("REDIS_URL: cannot reach Redis at " + url.getHost() + ":" + url.getPort()
          + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  RedisAsyncCommands<String, String> redis() {
    return connection.async();
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
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    client.getResources().shutdown(0, 2, TimeUnit.SECONDS);
  }
}
