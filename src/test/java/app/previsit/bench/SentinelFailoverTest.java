package app.previsit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.testing.RedisSentinelExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bench's simulated patients chat through the service on a Sentinel deployment (primary, one
 * replica, three sentinels, all real) while the primary is killed with SIGKILL, half a second after
 * it lost its replica's link (the replica stalled with DEBUG SLEEP, its link dropped). Sentinel
 * promotes the replica and the service follows it; the killed node comes back as the new primary's
 * replica (as its supervisor would restart it), and until then no turn can be confirmed by a
 * replica. A patient whose message failed meanwhile sends it again with the same id. Afterwards every
 * transcript holds each message its patient saw answered, once, in order: with
 * {@code PREVISIT_REDIS_REPLICA_ACKS=1} (Sentinel's default) a turn is answered only once the replica
 * has it, so the asynchronous replication loses nothing a patient saw; the same run without that wait
 * loses turns ({@link SentinelFailoverWithoutReplicaAcksTest}, on servers of its own: a deployment
 * that has just failed over is still settling). Prints what the failover cost: how long turns
 * failed, and the errors the patients retried.
 */
class SentinelFailoverTest {
  @RegisterExtension
  static final RedisSentinelExtension REDIS = new RedisSentinelExtension();

  @Test
  void killingThePrimaryUnderLoadLosesNoAnsweredTurnAndAppliesNoneTwice() throws Exception {
    SentinelFailover.Result f = SentinelFailover.run(REDIS, null);
    assertTrue(f.load().errors.get() > 0, "the kill was felt: turns failed and were retried");
    assertEquals(0, f.load().givenUp.get(), "every failed message got through on a retry");
    assertEquals(0, f.verdict().lost(), f.verdict().toString());
    assertEquals(0, f.verdict().duplicated(), f.verdict().toString());
    assertTrue(f.verdict().turns() > 1000, "enough turns to mean something: " + f.verdict());
  }
}
