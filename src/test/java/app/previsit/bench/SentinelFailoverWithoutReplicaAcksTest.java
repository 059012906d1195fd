package app.previsit.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.testing.RedisSentinelExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Why a turn waits for the replica: the failover of {@link SentinelFailoverTest} with
 * {@code PREVISIT_REDIS_REPLICA_ACKS=0} loses turns the patients saw answered (those the primary answered
 * while its replica's link was down). On servers of its own.
 */
class SentinelFailoverWithoutReplicaAcksTest {
  @RegisterExtension
  static final RedisSentinelExtension REDIS = new RedisSentinelExtension();

  @Test
  void withoutWaitingForTheReplicaTheSameFailoverLosesAnsweredTurns() throws Exception {
    SentinelFailover.Result f = SentinelFailover.run(REDIS, "0");
    assertTrue(f.verdict().lost() > 0, "turns answered while the replica's link was down are gone: " + f.verdict());
  }
}
