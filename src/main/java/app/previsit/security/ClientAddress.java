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

  /**
   * The address as limits count it: an IPv6 address by its /64 network, since one household or
   * attacker is given a whole /64 and could otherwise use a fresh address for every try.
   */
  public static String forLimits(String address) {
    if (address.indexOf(':') < 0) return address;
    String[] groups = address.split(":", -1);
    if (address.contains("::") || groups.length < 4) {
      try {
        byte[] b = java.net.InetAddress.getByName(address).getAddress();
        if (b.length != 16) return address;
        return String.format("%x:%x:%x:%x::/64", ((b[0] & 0xff) << 8) | (b[1] & 0xff), ((b[2] & 0xff) << 8) | (b[3] & 0xff),
            ((b[4] & 0xff) << 8) | (b[5] & 0xff), ((b[6] & 0xff) << 8) | (b[7] & 0xff));
      } catch (java.net.UnknownHostException | RuntimeException e) {
        return address;
      }
    }
    return String.join(":", groups[0], groups[1], groups[2], groups[3]) + "::/64";
  }
}
