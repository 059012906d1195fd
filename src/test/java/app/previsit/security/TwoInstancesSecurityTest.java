package app.previsit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.testing.RedisServerExtension;
import app.previsit.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two instances on one real redis-server: sessions, limits and logouts hold for the whole deployment. */
class TwoInstancesSecurityTest {
  @RegisterExtension
  static final RedisServerExtension REDIS = new RedisServerExtension();

  @Test
  void sessionsAndLimitsAreTheDeploymentsNotAnInstances() throws Exception {
    Map<String, String> env = Map.of("REDIS_URL", REDIS.uri().toString());
    try (RunningServer a = RunningServer.start(env); RunningServer b = RunningServer.start(env)) {
      String token = a.login("gp");
      assertEquals(200, b.send("GET", "/api/summaries", token, null).statusCode(), "a login on one works on the other");
      assertEquals(204, b.send("POST", "/api/logout", token, null).statusCode());
      assertEquals(401, a.send("GET", "/api/summaries", token, null).statusCode(), "logout on one ends it on both");

      // Failed logins for one user from one address, alternating instances: the back-off is shared.
      int refused = 0;
      for (int i = 0; i < 12; i++) {
        RunningServer to = i % 2 == 0 ? a : b;
        HttpResponse<String> r = to.send("POST", "/api/login", null, "{\"username\":\"reception\",\"password\":\"bad-" + i + "\"}");
        if (r.statusCode() == 429) refused++;
        else assertEquals(401, r.statusCode());
      }
      assertTrue(refused >= 6, "back-off shared by both instances: 429 on " + refused + " of 12");

      // Link guessing from one address, alternating instances: 30 a minute for the deployment, not 60.
      int notFound = 0;
      for (int i = 0; i < 50; i++) {
        RunningServer to = i % 2 == 0 ? a : b;
        int s = to.send("GET", "/chat/api/" + "guess" + "x".repeat(20) + i + "/history", null, null).statusCode();
        if (s == 404) notFound++;
        else assertEquals(429, s);
      }
      assertEquals(30, notFound, "only 30 guesses a minute answered, across both instances");
    }
  }
}
