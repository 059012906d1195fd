package app.previsit.server;

import app.previsit.config.Config;
import app.previsit.conversation.StoredConversationService;
import app.previsit.nlu.OpenNlpUnderstanding;
import app.previsit.staff.FileUserStore;
import app.previsit.staff.StaffRoutes;
import app.previsit.store.Stores;
import app.previsit.store.memory.MemoryStores;
import app.previsit.store.redis.RedisStores;
import app.previsit.web.HttpErrors;
import app.previsit.web.SecurityHeaders;
import app.previsit.web.chat.ChatRoutes;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.handler.TimeoutHandler;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running Previsit: stores, NLU, conversation service and the HTTP server with every route. */
public final class PrevisitServer {
  private static final Logger LOG = LoggerFactory.getLogger(PrevisitServer.class);
  /** Largest request body: a day's CSV fits easily; nothing a patient types comes near it. */
  private static final long BODY_LIMIT = 256 * 1024;

  private final Services services;
  private final HttpServer http;

  private PrevisitServer(Services services, HttpServer http) {
    this.services = services;
    this.http = http;
  }

  public static Future<PrevisitServer> start(Config config, Clock clock) {
    Vertx vertx = Vertx.vertx();
    Stores stores;
    try {
      stores = stores(config, vertx);
    } catch (RuntimeException e) {
      vertx.close();
      return Future.failedFuture(e);
    }
    OpenNlpUnderstanding nlu = OpenNlpUnderstanding.shared();
    var conversations = new StoredConversationService(stores, StoredConversationService.dialogueFor(config, nlu), clock, config);
    Services services = new Services(config, vertx, stores, nlu, conversations, clock,
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    Router router = Router.router(vertx);
    router.route().handler(ctx -> HealthRoutes.measure(services, ctx));
    router.route().handler(SecurityHeaders::handle);
    router.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    // Whatever goes wrong below, nobody waits for ever: an unanswered request gets a 503 after 15 s.
    router.route().handler(TimeoutHandler.create(15_000, 503));
    router.route("/static/*").handler(StaticHandler.create("web").setCachingEnabled(true));
    HealthRoutes.mount(router, services);
    StaffRoutes.mount(router, services);
    ChatRoutes.mount(router, services);
    router.route().last().handler(ctx -> HttpErrors.send(ctx, 404, "not found"));
    router.route().failureHandler(HttpErrors::onFailure);
    return vertx.createHttpServer().requestHandler(router).listen(config.httpPort(), config.httpHost())
        .map(http -> new PrevisitServer(services, http))
        .onFailure(e -> {
          stores.close();
          vertx.close();
        });
  }

  private static Stores stores(Config config, Vertx vertx) {
    Stores base;
    if (config.redisUrl().isPresent()) {
      base = RedisStores.connect(config.redisUrl().get(), config);
    } else {
      LOG.warn("REDIS_URL is not set: using the in-memory store. NOTHING SURVIVES A RESTART.");
      base = new MemoryStores();
    }
    // Staff accounts come from the users file when one is configured (written by `user add`).
    return config.usersFile().<Stores>map(f -> new StoresWithUsers(base, new FileUserStore(f))).orElse(base);
  }

  public Services services() {
    return services;
  }

  public int port() {
    return http.actualPort();
  }

  /** Stops taking connections, lets requests in flight finish, then closes the stores and Vert.x. */
  public Future<Void> stop() {
    return stop(java.time.Duration.ofSeconds(10));
  }

  /** Waits at most {@code grace} for requests in flight; idle keep-alive connections do not hold it up. */
  public Future<Void> stop(java.time.Duration grace) {
    long start = System.nanoTime();
    // A promise of no context: completing it must not need the event loop that is shutting down.
    io.vertx.core.Promise<Void> closed = io.vertx.core.Promise.promise();
    http.shutdown(grace).onComplete(ar -> {
      LOG.info("HTTP server stopped after {} ms", (System.nanoTime() - start) / 1_000_000);
      services.stores().close();
      services.vertx().close().onComplete(closed);
    });
    return closed.future();
  }
}
