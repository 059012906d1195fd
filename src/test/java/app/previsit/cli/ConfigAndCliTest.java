package app.previsit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.Main;
import app.previsit.config.Config;
import app.previsit.config.ConfigException;
import app.previsit.staff.FileUserStore;
import app.previsit.staff.Passwords;
import app.previsit.store.StaffUser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigAndCliTest {
  @Test
  void badValuesNameTheVariable() {
    ConfigException port = assertThrows(ConfigException.class, () -> Config.from(Map.of("PREVISIT_HTTP_PORT", "abc")));
    assertTrue(port.getMessage().startsWith("PREVISIT_HTTP_PORT"), port.getMessage());
    ConfigException redis = assertThrows(ConfigException.class,
        () -> Config.from(Map.of("REDIS_URL", "http://user:secret@host:6379")));
    assertTrue(redis.getMessage().startsWith("REDIS_URL"));
    assertTrue(!redis.getMessage().contains("secret"), "passwords in URLs are never echoed");
    assertThrows(ConfigException.class, () -> Config.from(Map.of("PREVISIT_TIMEZONE", "Mars/Olympus")));
    ConfigException webhook = assertThrows(ConfigException.class,
        () -> Config.from(Map.of("TELEGRAM_WEBHOOK_URL", "https://practice.example/telegram/webhook")));
    org.junit.jupiter.api.Assertions.assertTrue(webhook.getMessage().startsWith("TELEGRAM_WEBHOOK_SECRET"), webhook.getMessage());
    assertThrows(ConfigException.class, () -> Config.from(Map.of("TELEGRAM_WEBHOOK_URL", "https://practice.example/hook",
        "TELEGRAM_WEBHOOK_SECRET", "short")));
  }

  @Test
  void aRedisDeploymentNeedsOneStrongSessionSecret() {
    ConfigException missing = assertThrows(ConfigException.class, () -> Config.from(Map.of("REDIS_URL", "redis://127.0.0.1:6379")));
    assertTrue(missing.getMessage().startsWith("PREVISIT_SESSION_SECRET"), missing.getMessage());
    for (String weak : new String[] {"a", "short-secret", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}) {
      ConfigException e = assertThrows(ConfigException.class, () -> Config.from(Map.of("PREVISIT_SESSION_SECRET", weak)), weak);
      assertTrue(e.getMessage().startsWith("PREVISIT_SESSION_SECRET") && (weak.length() < 3 || !e.getMessage().contains(weak)), e.getMessage());
    }
    Config ok = Config.from(Map.of("REDIS_URL", "redis://127.0.0.1:6379",
        "PREVISIT_SESSION_SECRET", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
    assertTrue(ok.sessionSecret().isPresent());
    assertTrue(Config.from(Map.of()).sessionSecret().isEmpty(), "the memory store may make its own per process");
  }

  /** REDIS_URL names one node, a cluster by its seeds or a primary by its sentinels; anything else is refused. */
  @Test
  void redisUrlTakesOneNodeAClusterOrSentinelsAndSentinelWaitsForAReplica() {
    String secret = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    for (String ok : new String[] {"redis://127.0.0.1:6379/0", "rediss://:pw@redis.example:6380",
        "redis-cluster://10.0.0.1:7000,10.0.0.2:7001,10.0.0.3:7002", "redis-cluster://:pw@h1:7000,h2:7000",
        "redis-sentinel://10.0.0.1:26379,10.0.0.2:26379,10.0.0.3:26379#mymaster"}) {
      Config c = Config.from(Map.of("REDIS_URL", ok, "PREVISIT_SESSION_SECRET", secret));
      assertEquals(ok.startsWith("redis-sentinel") ? 1 : 0, c.replicaAcks().replicas(), ok);
    }
    for (String bad : new String[] {"redis-cluster://h1,h2:7000", "redis-cluster://", "redis-sentinel://h1:26379,h2:26379",
        "redis-sentinel://:s3cret@h1:26379#", "redis-cluster://h1:7000#mymaster", "redis+cluster://h1:7000"}) {
      ConfigException e = assertThrows(ConfigException.class,
          () -> Config.from(Map.of("REDIS_URL", bad, "PREVISIT_SESSION_SECRET", secret)), bad);
      assertTrue(e.getMessage().startsWith("REDIS_URL") && !e.getMessage().contains("s3cret"), e.getMessage());
    }
    assertEquals(0, Config.from(Map.of("REDIS_URL", "redis-sentinel://h1:26379#m", "PREVISIT_SESSION_SECRET", secret,
        "PREVISIT_REDIS_REPLICA_ACKS", "0")).replicaAcks().replicas(), "an operator may choose availability over the last turns");
    ConfigException cluster = assertThrows(ConfigException.class, () -> Config.from(Map.of("REDIS_URL", "redis-cluster://h1:7000",
        "PREVISIT_SESSION_SECRET", secret, "PREVISIT_REDIS_REPLICA_ACKS", "1")));
    assertTrue(cluster.getMessage().startsWith("PREVISIT_REDIS_REPLICA_ACKS"), cluster.getMessage());
    assertThrows(ConfigException.class, () -> Config.from(Map.of("PREVISIT_REDIS_REPLICA_WAIT_MS", "5000")));
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    Config c = Config.from(Map.of());
    assertEquals("127.0.0.1", c.httpHost());
    assertEquals(8080, c.httpPort());
    assertTrue(c.redisUrl().isEmpty());
    assertEquals("https://api.telegram.org", c.telegramApiUrl());
    assertEquals(30, c.retentionAfterAppointment().toDays());
  }

  @Test
  void unknownCommandsAndFlagsExitTwoWithUsage() {
    assertEquals(2, run("", "frobnicate"));
    assertEquals(2, run("", "eval", "--bogus"));
    assertEquals(2, run("", "user", "add", "--file"));
    assertEquals(0, run("", "chat", "--help"));
  }

  @Test
  void userAddStoresABcryptHashThatChecksOut() throws Exception {
    Path file = Files.createTempDirectory("users").resolve("users.json");
    assertEquals(0, run("s3cret-pass\n", "user", "add", "--file", file.toString(), "--username", "dr.who", "--role", "gp"));
    String json = Files.readString(file);
    assertTrue(!json.contains("s3cret-pass"), "the password itself must never be stored");
    StaffUser u = new FileUserStore(file).find("dr.who").toCompletionStage().toCompletableFuture().get().orElseThrow();
    assertEquals(StaffUser.Role.GP, u.role());
    assertTrue(Passwords.matches("s3cret-pass", u.passwordHash()));
    assertTrue(!Passwords.matches("wrong", u.passwordHash()));
    assertEquals(2, run("x\n", "user", "add", "--file", file.toString(), "--username", "a", "--role", "boss"));
  }

  @Test
  void theConsoleChatRunsAWholeConversationAndWritesTheSummary() throws Exception {
    Path out = Files.createTempDirectory("chat").resolve("summary.json");
    String answers = String.join("\n", "1", "1", "my knee has been swollen for 3 weeks", "7", "arthritis", "surgery", "a scan",
        "2", "I read https://www.nhs.uk/conditions/gout/", "1", "1", "could it be gout?", "no more questions",
        "I want to walk the dog", "1", "3", "I need an interpreter", "1", "I take ramipril 5mg", "1", "1") + "\n";
    assertEquals(0, run(answers, "chat", "--name", "Sam", "--summary-out", out.toString()));
    String summary = Files.readString(out);
    for (String expected : List.of("my knee has been swollen for 3 weeks", "https://www.nhs.uk/conditions/gout/",
        "could it be gout?", "I want to walk the dog", "I need an interpreter", "ramipril 5mg", "\"confirmedByPatient\" : true",
        "\"decisionRole\" : \"shared\"")) {
      assertTrue(summary.contains(expected), "summary lacks " + expected + ":\n" + summary);
    }
  }

  private static int run(String stdin, String... args) {
    InputStream in = System.in;
    PrintStream out = System.out;
    PrintStream err = System.err;
    try {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      return Main.run(List.of(args));
    } finally {
      System.setIn(in);
      System.setOut(out);
      System.setErr(err);
    }
  }
}
