package app.previsit.alerts;

import app.previsit.store.Alert;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each new alert to the practice's messaging system (PREVISIT_ALERT_WEBHOOK_URL): invitation id,
 * category and time, never patient text, signed with HMAC-SHA256 of the body under
 * PREVISIT_ALERT_WEBHOOK_SECRET ({@code X-Previsit-Signature: sha256=<hex>}). Retried with back-off
 * (1 s, 2 s, 4 s … 6 attempts) until the receiver answers 2xx.
 */
final class AlertWebhook {
  static final int ATTEMPTS = 6;
  private static final Logger LOG = LoggerFactory.getLogger(AlertWebhook.class);

  private final Vertx vertx;
  private final HttpClient client;
  private final URI url;
  private final byte[] secret;
  private final MeterRegistry metrics;
  private final long firstDelayMs;

  AlertWebhook(Vertx vertx, String url, String secret, MeterRegistry metrics, long firstDelayMs) {
    this.vertx = vertx;
    this.url = URI.create(url);
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.metrics = metrics;
    this.firstDelayMs = firstDelayMs;
    this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5000).setIdleTimeout(10));
  }

  /** Sends in the background; the turn that raised the alert does not wait for the receiver. */
  void send(Alert a) {
    String body = new JsonObject().put("alertId", a.id()).put("invitationId", a.invitationId()).put("category", a.category())
        .put("raisedAt", a.raisedAt().toString()).encode();
    attempt(body, a.id(), 1);
  }

  static String signature(byte[] secret, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private void attempt(String body, String alertId, int n) {
    post(body, alertId).onComplete(ar -> {
      if (ar.succeeded() && ar.result() / 100 == 2) {
        metrics.counter("previsit_alert_webhook_deliveries_total").increment();
        return;
      }
      String why = ar.succeeded() ? "status " + ar.result() : ar.cause().getClass().getSimpleName();
      if (n >= ATTEMPTS) {
        metrics.counter("previsit_alert_webhook_failures_total").increment();
        LOG.warn("alert webhook gave up after {} attempts ({})", n, why);
        return;
      }
      metrics.counter("previsit_alert_webhook_retries_total").increment();
      long delay = firstDelayMs * (1L << (n - 1));
      vertx.setTimer(delay + ThreadLocalRandom.current().nextLong(Math.max(1, delay / 4)), t -> attempt(body, alertId, n + 1));
    });
  }

  private Future<Integer> post(String body, String alertId) {
    int port = url.getPort() > 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
    String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
        + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(url.getHost()).setPort(port)
        .setSsl("https".equals(url.getScheme())).setURI(path).setTimeout(5000)
        .putHeader("Content-Type", "application/json").putHeader("X-Previsit-Signature", signature(secret, body))
        .putHeader("X-Previsit-Alert", alertId);
    return client.request(options).compose(req -> req.send(Buffer.buffer(body)))
        .compose(resp -> resp.body().map(b -> resp.statusCode()));
  }
}
