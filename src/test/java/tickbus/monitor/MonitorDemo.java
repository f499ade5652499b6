package tickbus.monitor;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import tickbus.NodeLauncher;
import tickbus.TickbusNode;
import tickbus.config.Descriptor;
import tickbus.sim.SimVenue;
import tickbus.testing.Await;

/**
 * The demo, in process: two simulated venues with a feed each, a strategy and the monitor on an ephemeral port,
 * deployed from a descriptor through {@link NodeLauncher} exactly as {@code tickbus run} does. The monitor's port
 * is read from its own stats message.
 */
final class MonitorDemo implements AutoCloseable {

    static final String SOURCE = "sim-xsim";
    /** The dashboard's permits plus raw market data, for tests of browsers that register on {@code md.*}. */
    static final JsonArray MARKET_DATA_PERMITS = new JsonArray(List.of("^md\\..+$", "^tickbus\\.monitor\\.stats$",
            "^tickbus\\.monitor\\.peek\\..+$"));
    static final String FX_SOURCE = "sim-xfx";
    private static final AtomicInteger VENUES = new AtomicInteger();

    final Vertx vertx;
    final String venueName = "monitor-it-" + VENUES.incrementAndGet();
    final List<String> deploymentIds;
    final int port;
    private final AtomicReference<JsonObject> lastStats = new AtomicReference<>();
    private final MessageConsumer<JsonObject> statsConsumer;

    MonitorDemo(long messagesPerSecond, JsonObject monitorConfig) {
        this(Vertx.vertx(NodeLauncher.vertxOptions(Map.of())), messagesPerSecond, monitorConfig);
    }

    /** The demo on a given node, e.g. a clustered one. */
    MonitorDemo(Vertx vertx, long messagesPerSecond, JsonObject monitorConfig) {
        this.vertx = vertx;
        JsonObject descriptor = new JsonObject().put("verticles", new JsonArray()
                .add(entry("sim-venue", "sim-venue", new JsonObject().put("venueName", venueName)
                        .put("symbols", new JsonArray(List.of("AAPL", "MSFT", "NVDA", "AMZN", "GOOG", "META", "TSLA",
                                "AMD")))
                        .put("messagesPerSecond", messagesPerSecond).put("heartbeatMillis", 100)))
                .add(entry("feed-xsim", "feed", feed(SOURCE, "XSIM", venueName)))
                .add(entry("sim-venue-fx", "sim-venue", new JsonObject().put("venueName", venueName + "-fx")
                        .put("symbols", new JsonArray(List.of("EURUSD", "GBPUSD", "USDJPY")))
                        .put("messagesPerSecond", Math.max(1, messagesPerSecond / 4)).put("heartbeatMillis", 100)
                        .put("seed", 7)))
                .add(entry("feed-xfx", "feed", feed(FX_SOURCE, "XFX", venueName + "-fx")))
                .add(entry("mid-spread", "mid-spread", new JsonObject()
                        .put("instruments", new JsonArray(List.of("XSIM:AAPL", "XSIM:MSFT")))
                        .put("publishIntervalMillis", 5_000)))
                .add(entry("monitor", "monitor", new JsonObject().put("port", 0).put("host", "127.0.0.1")
                        .put("requiredFeeds", new JsonArray(List.of(SOURCE))).mergeIn(monitorConfig))));
        deploymentIds = new java.util.ArrayList<>(Await.result(NodeLauncher.deploy(vertx,
                Descriptor.fromJson(descriptor))));
        statsConsumer = vertx.eventBus().consumer(tickbus.Addresses.MONITOR_STATS,
                message -> lastStats.set(message.body()));
        Await.until("the monitor's first stats", Duration.ofSeconds(20), () -> lastStats.get() != null);
        port = lastStats.get().getJsonObject("node").getInteger("httpPort");
    }

    private static JsonObject feed(String source, String venue, String simVenue) {
        return new JsonObject().put("source", source).put("venue", venue).put("protocol", "sim")
                .put("heartbeatTimeoutMillis", 2_000).put("silenceThresholdMillis", 3_000)
                .put("releaseLingerMillis", 0)
                .put("backoff", new JsonObject().put("initialDelayMillis", 20).put("maxDelayMillis", 200))
                .put("breaker", new JsonObject().put("maxFailures", 1_000).put("resetTimeoutMillis", 1_000))
                .put("settings", new JsonObject().put("venueName", simVenue));
    }

    private static JsonObject entry(String name, String verticle, JsonObject config) {
        return new JsonObject().put("name", name).put("verticle", verticle).put("config", config);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    SimVenue venue() {
        return SimVenue.named(venueName);
    }

    TickbusNode node() {
        return TickbusNode.of(vertx);
    }

    /** The latest {@code tickbus.monitor.stats} this node published. */
    JsonObject stats() {
        return lastStats.get();
    }

    JsonObject feedStats() {
        JsonArray feeds = stats().getJsonArray("feeds");
        for (int i = 0; i < feeds.size(); i++) {
            if (SOURCE.equals(feeds.getJsonObject(i).getString("source"))) {
                return feeds.getJsonObject(i);
            }
        }
        return null;
    }

    @Override
    public void close() {
        Await.result(statsConsumer.unregister());
        Await.result(NodeLauncher.undeployInReverse(vertx, deploymentIds));
        Await.result(vertx.close());
    }
}
