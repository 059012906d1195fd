package app.previsit.cli;

import app.previsit.config.Config;
import app.previsit.server.PrevisitServer;
import app.previsit.staff.DemoData;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code serve [--demo]}: the HTTP server until SIGTERM/Ctrl-C, then a clean shutdown. */
public final class ServeCommand implements Command {
  @Override
  public int run(List<String> argv) throws Exception {
    Args args = Args.parse(argv, Set.of(), Set.of("--demo"));
    Config config = Config.fromEnvironment();
    boolean demo = args.has("--demo");
    if (demo) config = config.withHttp("127.0.0.1", config.httpPort());
    PrevisitServer server = PrevisitServer.start(config, Clock.systemUTC()).toCompletionStage().toCompletableFuture().get();
    String base = "http://" + config.httpHost() + ":" + server.port();
    if (config.telegramBotToken().isPresent()) {
      System.err.println("previsit: Telegram channel on (" + (config.telegramWebhookUrl().isPresent() ? "webhook" : "long polling")
          + ", bot " + server.services().channels().telegramUsername().map(u -> "@" + u).orElse("username not known yet") + ")");
    }
    System.err.println("previsit: serving on " + base + " (store: " + server.services().stores().kind() + ")");
    if (demo) {
      var sample = DemoData.seed(server.services()).toCompletionStage().toCompletableFuture().get();
      System.err.println("""

          ================================ DEMO MODE ================================
           Loopback only. Demo staff users (password "demo"): reception, gp, admin.
           Staff login:        %s/login
           Sample patient chat: %s/chat/%s
           Nothing here is real and (without REDIS_URL) nothing survives a restart.
          ===========================================================================
          """.formatted(base, base, sample.token()));
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.stop().toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
      } catch (Exception e) {
        System.err.println("previsit: shutdown did not finish cleanly: " + e.getClass().getSimpleName());
      }
      stopped.countDown();
    }, "previsit-shutdown"));
    stopped.await();
    return 0;
  }

  @Override
  public String usage() {
    return """
        usage: serve [--demo]
          Starts the HTTP server: patient web chat, staff pages and the JSON API, configured from the
          environment (see README). --demo binds to loopback only and seeds demo staff users
          (reception, gp, admin; password "demo") and a sample appointment, and prints their links.""";
  }
}
