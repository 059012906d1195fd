package app.previsit.store.redis;

import app.previsit.config.ConfigException;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.resource.ClientResources;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Redis deployment REDIS_URL names, and how Lettuce connects to it: one node
 * ({@code redis://}), a primary found through Sentinel ({@code redis-sentinel://h1:p1,h2:p2#mymaster},
 * Lettuce asks the sentinels again on every reconnect, so it follows a failover), or a Redis Cluster
 * by its seed nodes ({@code redis-cluster://h1:p1,h2:p2,h3:p3}, with topology refresh, so it follows
 * slot moves and failovers).
 */
final class RedisDeployment {
  enum Kind { SINGLE, SENTINEL, CLUSTER }

  /** A connected client: its one shared connection and that connection's commands. */
  record Connected(AbstractRedisClient client, StatefulConnection<String, String> connection,
      RedisClusterAsyncCommands<String, String> commands) {}

  /** A command unanswered this long fails (the caller answers 503). */
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);

  private final Kind kind;
  private final URI url;

  private RedisDeployment(Kind kind, URI url) {
    this.kind = kind;
    this.url = url;
  }

  static RedisDeployment of(URI url) {
    String scheme = url.getScheme();
    Kind kind = scheme.endsWith("-cluster") ? Kind.CLUSTER : scheme.endsWith("-sentinel") ? Kind.SENTINEL : Kind.SINGLE;
    return new RedisDeployment(kind, url);
  }

  Kind kind() {
    return kind;
  }

  /** Where it is, without any password: for messages and logs. */
  String describe() {
    String authority = url.getRawAuthority() == null ? "" : url.getRawAuthority();
    String hosts = authority.substring(authority.lastIndexOf('@') + 1);
    return switch (kind) {
      case SINGLE -> "Redis at " + hosts;
      case SENTINEL -> "Redis primary '" + url.getFragment() + "' through sentinels " + hosts;
      case CLUSTER -> "Redis Cluster seeded by " + hosts;
    };
  }

  Connected connect(ClientResources resources) {
    if (kind == Kind.CLUSTER) {
      RedisClusterClient client = RedisClusterClient.create(resources, seedNodes());
      client.setOptions(ClusterClientOptions.builder()
          .autoReconnect(true)
          // Not REJECT_COMMANDS: Lettuce opens a node's connection on the first command for its slots (after a
          // slot move or a failover too), and rejecting would refuse every such first command. Commands wait for
          // the connection instead, each still failing after COMMAND_TIMEOUT, and the queue is bounded.
          .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
          .requestQueueSize(100_000)
          .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
          // Follow slot moves and failovers: MOVED/ASK and lost connections trigger a refresh at once,
          // and the topology is read again every 30 s in any case.
          .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
              .enablePeriodicRefresh(Duration.ofSeconds(30))
              .enableAllAdaptiveRefreshTriggers()
              .adaptiveRefreshTriggersTimeout(Duration.ofSeconds(1))
              .build())
          .build());
      try {
        StatefulRedisClusterConnection<String, String> c = client.connect();
        return new Connected(client, c, c.async());
      } catch (RuntimeException e) {
        client.shutdown();
        throw e;
      }
    }
    RedisClient client = RedisClient.create(resources, RedisURI.create(url.toString()));
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        // While disconnected, fail at once (the caller answers 503) instead of queueing.
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
        .build());
    try {
      var c = client.connect();
      return new Connected(client, c, c.async());
    } catch (RuntimeException e) {
      client.shutdown();
      throw e;
    }
  }

  /** {@code redis-cluster://[user:password@]h1:p1,h2:p2}: one {@code redis://} (or rediss) URI per seed node. */
  private List<RedisURI> seedNodes() {
    String authority = url.getRawAuthority();
    int at = authority.lastIndexOf('@');
    String userInfo = at < 0 ? "" : authority.substring(0, at + 1);
    String scheme = url.getScheme().startsWith("rediss") ? "rediss://" : "redis://";
    List<RedisURI> nodes = new ArrayList<>();
    for (String node : authority.substring(at + 1).split(",")) {
      nodes.add(RedisURI.create(scheme + userInfo + node));
    }
    if (nodes.isEmpty()) throw new ConfigException("REDIS_URL names no cluster node");
    return nodes;
  }
}
