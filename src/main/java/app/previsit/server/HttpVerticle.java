package app.previsit.server;

import app.previsit.staff.StaffRoutes;
import app.previsit.web.HttpErrors;
import app.previsit.web.SecurityHeaders;
import app.previsit.web.chat.ChatRoutes;
import app.previsit.telegram.WebhookRoute;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import app.previsit.web.RequestDeadline;
import java.util.concurrent.TimeUnit;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Duration;

/**
 * One HTTP server with every route, on its own event loop. PrevisitServer deploys one per core on
 * the same port so requests spread over all cores. No state lives here: limits, sessions and the secret
 * are the process's (Services, the store), so every verticle answers a request the same way.
 */
final class HttpVerticle extends VerticleBase {
  /** Largest request body: a day's CSV fits easily; nothing a patient types comes near it. */
  private static final long BODY_LIMIT = 256 * 1024;
  private static final java.util.regex.Pattern ATTACHMENTS = java.util.regex.Pattern.compile("/chat/api/[^/]+/attachments");
  /** Where an uploaded file waits while its request is handled (deleted when the request ends). */
  private static final String UPLOADS = System.getProperty("java.io.tmpdir") + "/previsit-uploads";

  private final Services services;
  private final int port;
  private final Duration grace;
  private HttpServer server;

  HttpVerticle(Services services, int port, Duration grace) {
    this.services = services;
    this.port = port;
    this.grace = grace;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    RequestMetrics requests = new RequestMetrics(services.metrics());
    router.route().handler(requests::measure);
    router.route().handler(SecurityHeaders::handle);
    // Before the body is read: a body that trickles in counts against the deadline too.
    router.route().handler(new RequestDeadline(services.config().bounds().requestTimeout())::handle);
    // Files are taken only where a page uploads one (the day's list); everywhere else an upload is not stored.
    BodyHandler plain = BodyHandler.create(false).setBodyLimit(BODY_LIMIT);
    BodyHandler uploads = BodyHandler.create(UPLOADS).setBodyLimit(BODY_LIMIT).setDeleteUploadedFilesOnEnd(true);
    router.route().handler(ctx -> {
      String path = ctx.normalizedPath();
      // A printout's photo is read by its own route, into memory and up to its own limit (AttachmentRoutes).
      if (ATTACHMENTS.matcher(path).matches() && ctx.request().method() == io.vertx.core.http.HttpMethod.POST) ctx.next();
      else (path.equals("/reception/import/preview") ? uploads : plain).handle(ctx);
    });
    router.route("/static/*").handler(StaticHandler.create("web").setCachingEnabled(true));
    HealthRoutes.mount(router, services);
    StaffRoutes.mount(router, services);
    ChatRoutes.mount(router, services);
    WebhookRoute.mount(router, services);
    router.route().last().handler(ctx -> HttpErrors.send(ctx, 404, "not found"));
    router.route().failureHandler(HttpErrors::onFailure);
    // A connection with nothing moving (a stalled body, an idle keep-alive) is closed after the idle timeout.
    HttpServerOptions options = new HttpServerOptions()
        .setIdleTimeout((int) services.config().bounds().idleTimeout().toMillis()).setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    return vertx.createHttpServer(options).requestHandler(router).listen(port, services.config().httpHost())
        .onSuccess(s -> server = s);
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.shutdown(grace);
  }

  int actualPort() {
    return server.actualPort();
  }
}
