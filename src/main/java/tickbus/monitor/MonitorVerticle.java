package tickbus.monitor;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.micrometer.backends.BackendRegistries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tickbus.Addresses;
import tickbus.TickbusNode;

/**
 * The monitoring HTTP server: {@code /} the dashboard, {@code /eventbus/*} the SockJS bridge, {@code /metrics}
 * Prometheus, {@code /health/live} and {@code /health/ready}; plus the stats published once a second and the
 * instrument peek.
 */
public final class MonitorVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(MonitorVerticle.class);
    static final String SOCKJS_LIBRARY_URL = "/vendor/sockjs.min.js";
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; connect-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private final BridgeStats bridgeStats = new BridgeStats();
    private MonitorSettings settings;
    private StatsPublisher stats;
    private TickbusMeters meters;
    private PeekService peeks;
    private BridgeGuard guard;
    private HttpServer server;
    private long statsTimer = -1;

    @Override
    public Future<?> start() {
        settings = MonitorSettings.fromJson(config(), "config");
        TickbusNode node = TickbusNode.of(vertx);
        MeterRegistry registry = BackendRegistries.getDefaultNow();
        GapTracker gaps = new GapTracker(node.feeds());
        peeks = new PeekService(vertx, context, node, settings.peekTrades(), settings.peekMaxUpdatesPerSecond());
        OriginPolicy origins = new OriginPolicy(settings.allowedOrigins(), bridgeStats);
        guard = new BridgeGuard(settings, origins, node.demand(), peeks, bridgeStats);
        stats = new StatsPublisher(vertx, node, bridgeStats, guard::backlogBytes, gaps, registry);
        meters = registry == null ? null
                : new TickbusMeters(registry, node, stats, bridgeStats, guard::backlogBytes, vertx);
        Router router = router(node, registry, origins);
        return peeks.start()
                // No HTTP/1.1 → h2c upgrade: browsers never ask for it, and the JDK's default HttpClient, which does,
                // had responses stall or read as garbage frames after Vert.x switched the connection.
                .compose(v -> vertx.createHttpServer(new HttpServerOptions().setHost(settings.host())
                        .setPort(settings.port()).setHttp2ClearTextEnabled(false)).requestHandler(router).listen())
                .onSuccess(listening -> {
                    server = listening;
                    statsTimer = vertx.setPeriodic(settings.statsIntervalMillis(), id -> tick());
                    LOG.info("monitor listening: url=http://{}:{}/, access={}", settings.host(), listening.actualPort(),
                            settings.access().mode());
                });
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(statsTimer);
        if (meters != null) {
            meters.close();
        }
        Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
        return closed.compose(v -> peeks.stop());
    }

    /** The port the server listens on (useful with port 0); -1 before start. */
    public int actualPort() {
        return server == null ? -1 : server.actualPort();
    }

    private void tick() {
        if (meters != null) {
            meters.sync();
        }
        JsonObject snapshot = stats.snapshot();
        JsonObject nodeJson = snapshot.getJsonObject("node").put("httpPort", actualPort())
                .put("peeks", peeks.watchedCount());
        nodeJson.getJsonObject("bridge").put("waitingFrames", guard.waitingFrames());
        vertx.eventBus().publish(Addresses.MONITOR_STATS, snapshot);
    }

    private Router router(TickbusNode node, MeterRegistry registry, OriginPolicy origins) {
        Router router = Router.router(vertx);
        router.route().handler(this::securityHeaders);
        router.get("/health/live").handler(HealthCheckHandler.createWithHealthChecks(
                MonitorHealth.liveness(vertx, context)));
        router.get("/health/ready").handler(HealthCheckHandler.createWithHealthChecks(
                MonitorHealth.readiness(vertx, node, settings.requiredFeeds())));
        router.get("/metrics").handler(this::requireCredential);
        if (registry instanceof PrometheusMeterRegistry prometheus) {
            router.get("/metrics").handler(PrometheusScrapingHandler.create(prometheus));
        } else {
            router.get("/metrics").handler(ctx -> ctx.response().setStatusCode(503)
                    .end("metrics are disabled on this node (no Prometheus registry)"));
        }
        router.route("/eventbus/*").handler(origins.handler());
        router.route("/eventbus/*").subRouter(sockJs());
        router.route().handler(StaticHandler.create("webroot").setCachingEnabled(true).setMaxAgeSeconds(60));
        return router;
    }

    private Router sockJs() {
        SockJSHandlerOptions options = new SockJSHandlerOptions().setLibraryURL(SOCKJS_LIBRARY_URL)
                .setRegisterWriteHandler(false).setInsertJSESSIONID(false);
        SockJSBridgeOptions bridge = new SockJSBridgeOptions()
                .setOutboundPermitteds(settings.outbound().toPermittedOptions())
                .setInboundPermitteds(settings.inbound().toPermittedOptions())
                .setMaxAddressLength(settings.maxAddressLength())
                .setMaxHandlersPerSocket(settings.maxHandlersPerSocket())
                .setPingTimeout(settings.pingTimeoutMillis());
        return SockJSHandler.create(vertx, options).bridge(bridge, guard);
    }

    private void securityHeaders(RoutingContext context) {
        context.response().putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .putHeader("Referrer-Policy", "no-referrer");
        context.next();
    }

    private void requireCredential(RoutingContext context) {
        if (settings.access().permits(context.request().getHeader("Authorization"))) {
            context.next();
            return;
        }
        bridgeStats.deny("http", "unauthenticated");
        context.response().setStatusCode(401).putHeader("WWW-Authenticate", settings.access().challenge())
                .end("credential required");
    }

    BridgeStats bridgeStats() {
        return bridgeStats;
    }

    BridgeGuard guard() {
        return guard;
    }
}
