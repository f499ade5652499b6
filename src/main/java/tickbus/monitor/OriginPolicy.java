package tickbus.monitor;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which browser origins may use the bridge: the server's own (the {@code Host} the browser asked for) and the
 * configured extra ones. Requests without an {@code Origin} header come from non-browser clients, which could
 * forge it anyway; browsers always send it on WebSocket handshakes and cross-origin requests.
 */
final class OriginPolicy {

    private final Set<String> allowed;
    private final BridgeStats stats;

    OriginPolicy(List<String> allowedOrigins, BridgeStats stats) {
        this.allowed = Set.copyOf(allowedOrigins.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList());
        this.stats = stats;
    }

    boolean permits(String origin, String host) {
        if (origin == null) {
            return true;
        }
        String normalized = origin.toLowerCase(Locale.ROOT);
        if (allowed.contains(normalized)) {
            return true;
        }
        return host != null && (normalized.equals("http://" + host.toLowerCase(Locale.ROOT))
                || normalized.equals("https://" + host.toLowerCase(Locale.ROOT)));
    }

    /** A route handler refusing a foreign origin with 403 before the SockJS handler sees the request. */
    Handler<RoutingContext> handler() {
        return context -> {
            String origin = context.request().getHeader("Origin");
            if (permits(origin, context.request().getHeader("Host"))) {
                context.next();
                return;
            }
            stats.deny("handshake", "foreign_origin");
            context.response().setStatusCode(403).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("error", "foreign origin refused").put("origin", origin).encode());
        };
    }
}
