package app.previsit.server;

import app.previsit.alerts.AlertFeed;
import app.previsit.alerts.Alerts;
import app.previsit.config.Config;
import app.previsit.conversation.StoredConversationService;
import app.previsit.nlu.OpenNlpUnderstanding;
import app.previsit.security.Secret;
import app.previsit.staff.FileUserStore;
import app.previsit.telegram.TelegramChannel;
import app.previsit.store.Stores;
import app.previsit.store.memory.MemoryStores;
import app.previsit.store.redis.RedisStores;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.DeploymentOptions;
import java.time.Duration;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running Previsit: stores, NLU, conversation service and the HTTP server with every route. */
public final class PrevisitServer {
  private static final Logger LOG = LoggerFactory.getLogger(PrevisitServer.class);

  /** How long a stop lets requests in flight finish. */
  private static final Duration GRACE = Duration.ofSeconds(10);

  private final Services services;
  private final int port;

  private PrevisitServer(Services services, int port) {
    this.services = services;
    this.port = port;
  }

  public static Future<PrevisitServer> start(Config requested, Clock clock) {
    Config config;
    try {
      config = requested.httpPort() == 0 ? requested.withPort(freePort(requested.httpHost())) : requested;
    } catch (java.io.IOException e) {
      return Future.failedFuture(e);
    }
    Vertx vertx = Vertx.vertx();
    Stores stores;
    try {
      stores = stores(config, vertx);
    } catch (RuntimeException e) {
      vertx.close();
      return Future.failedFuture(e);
    }
    OpenNlpUnderstanding nlu = OpenNlpUnderstanding.shared();
    var metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    AlertFeed feed = new AlertFeed(vertx, stores.alerts(), config.timeZone());
    var alarm = new Alerts(vertx, stores.alerts(), config, metrics, feed);
    var conversations = new StoredConversationService(stores, StoredConversationService.dialogueFor(config, nlu), clock, config,
        alarm);
    var printouts = new app.previsit.printout.ReadingQueue(vertx, new app.previsit.printout.PrintoutReader()::read,
        Runtime.getRuntime().availableProcessors());
    printouts.warmUp();
    Services services = new Services(config, vertx, stores, nlu, conversations, clock, metrics,
        new PatientChannels(config.telegramBotUsername()), Secret.of(config.sessionSecret()), feed,
        printouts);
    feed.start();
    // One server per core on one port; Vert.x shares the socket (port 0 included) between them.
    return deploy(services, config.httpPort(), Runtime.getRuntime().availableProcessors())
        .compose(port -> startTelegram(services).map(v -> {
          new app.previsit.reminders.Reminders(services).start();
          return new PrevisitServer(services, port);
        }))
        .onFailure(e -> {
      stores.close();
      vertx.close();
    });
  }

  /** Telegram runs when a bot token is configured; a channel that cannot start stops the whole start. */
  private static Future<Void> startTelegram(Services services) {
    if (services.config().telegramBotToken().isEmpty()) return Future.succeededFuture();
    return TelegramChannel.start(services).onSuccess(services.channels()::telegram).mapEmpty();
  }

  /**
   * A free port, chosen before listening so that patient links can name it (every verticle must know
   * the link address when it starts). Only tests and trials ask for port 0.
   */
  private static int freePort(String host) throws java.io.IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
      return s.getLocalPort();
    }
  }

  private static Future<Integer> deploy(Services services, int port, int instances) {
    HttpVerticle[] last = new HttpVerticle[1];
    return services.vertx().deployVerticle(() -> last[0] = new HttpVerticle(services, port, GRACE),
        new DeploymentOptions().setInstances(instances)).map(id -> last[0].actualPort());
  }

  private static Stores stores(Config config, Vertx vertx) {
    Stores base;
    if (config.redisUrl().isPresent()) {
      base = RedisStores.connect(config.redisUrl().get(), config);
    } else {
      LOG.warn("REDIS_URL is not set: using the in-memory store. NOTHING SURVIVES A RESTART.");
      base = new MemoryStores(new app.previsit.store.memory.MemoryUserStore(), java.time.Duration.ofDays(config.auditDays()));
    }
    // Staff accounts come from the users file when one is configured (written by `user add`).
    return config.usersFile().<Stores>map(f -> new StoresWithUsers(base, new FileUserStore(f))).orElse(base);
  }

  public Services services() {
    return services;
  }

  public int port() {
    return port;
  }

  /** Stops taking connections, lets requests in flight finish (up to 10 s), then closes the stores and Vert.x. */
  public Future<Void> stop() {
    long start = System.nanoTime();
    // A promise of no context: completing it must not need an event loop that is shutting down.
    io.vertx.core.Promise<Void> closed = io.vertx.core.Promise.promise();
    TelegramChannel telegram = services.channels().telegram();
    if (telegram != null) telegram.stop();
    services.vertx().close().onComplete(ar -> {
      LOG.info("stopped after {} ms", (System.nanoTime() - start) / 1_000_000);
      services.stores().close();
      services.printouts().close();
      closed.handle(ar);
    });
    return closed.future();
  }

}
