package app.previsit.security;

import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The address a request came from, for limits and the audit. Behind a reverse proxy every request
 * comes from the proxy, so X-Forwarded-For is believed from the proxies named in
 * PREVISIT_TRUSTED_PROXIES, and only from them (anyone else could write any address there).
 */
public final class ClientAddress {
  private ClientAddress() {}

  public static String of(RoutingContext ctx, List<String> trustedProxies) {
    String peer = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
    if (!trustedProxies.contains(peer)) return peer;
    String forwarded = ctx.request().getHeader("X-Forwarded-For");
    if (forwarded == null || forwarded.isBlank()) return peer;
    // The last entry is the one our proxy added; earlier ones were written by the client.
    String[] hops = forwarded.split(",");
    String last = hops[hops.length - 1].strip();
    return last.isEmpty() || last.length() > 64 ? peer : last;
  }
}
