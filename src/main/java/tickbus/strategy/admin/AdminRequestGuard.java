package tickbus.strategy.admin;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tickbus.config.Loopback;

/**
 * Refuses every request a web page could make an operator's browser send to the admin endpoint, which deploys code
 * and has no authentication: any request with an {@code Origin} header (browsers send it on every cross-origin
 * request and every POST), any {@code Host} that is not a loopback name or address with the admin's port (DNS
 * rebinding), and a POST or PUT body that is not {@code application/json} (a "simple" cross-site request cannot
 * set that type without a CORS preflight, which this endpoint never answers).
 */
final class AdminRequestGuard implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(AdminRequestGuard.class);

    private final IntSupplier port;
    private final AtomicLong refused = new AtomicLong();

    /** {@code port}: the port listened on, read per request because it is known only once listening. */
    AdminRequestGuard(IntSupplier port) {
        this.port = port;
    }

    @Override
    public void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String origin = request.getHeader("Origin");
        if (origin != null) {
            refuse(context, 403, "cross-origin request refused: origin=" + origin
                    + "; the admin endpoint takes no requests from browsers");
            return;
        }
        if (!loopbackAuthority(request.authority())) {
            refuse(context, 403, "host refused: host=" + request.getHeader("Host")
                    + "; expected a loopback name or address with port " + port.getAsInt());
            return;
        }
        boolean hasBody = request.method() == HttpMethod.POST || request.method() == HttpMethod.PUT;
        if (hasBody && !json(request.getHeader("Content-Type"))) {
            refuse(context, 415, "content type refused: content-type=" + request.getHeader("Content-Type")
                    + "; expected application/json");
            return;
        }
        context.next();
    }

    private boolean loopbackAuthority(HostAndPort authority) {
        if (authority == null || !Loopback.isLoopback(authority.host())) {
            return false;
        }
        int requested = authority.port() < 0 ? 80 : authority.port();
        return requested == port.getAsInt();
    }

    private static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = parameters < 0 ? contentType : contentType.substring(0, parameters);
        return mediaType.trim().toLowerCase(Locale.ROOT).equals("application/json");
    }

    private void refuse(RoutingContext context, int status, String message) {
        long count = refused.incrementAndGet();
        LOG.warn("admin request refused: status={}, method={}, path={}, remote={}, refused={}, reason={}", status,
                context.request().method(), context.request().path(), context.request().remoteAddress(), count,
                message);
        context.response().setStatusCode(status).putHeader("content-type", "application/json")
                .end(new JsonObject().put("error", message).encode());
    }
}
