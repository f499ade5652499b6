package tickbus.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tickbus.feed.FeedMetrics;
import tickbus.testing.Await;

/** {@code /metrics}, {@code /health/*}, the static dashboard and the stats message of the running demo. */
class MonitorHttpIT {

    private static MonitorDemo demo;

    @BeforeAll
    static void start() {
        demo = new MonitorDemo(2_000, new JsonObject());
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static HttpResponse<String> get(String path) {
        return BoundedGet.get(demo.url(path));
    }

    /**
     * The JDK's default HttpClient asks plain-HTTP servers to switch to HTTP/2 ({@code Upgrade: h2c}). The monitor
     * answers in HTTP/1.1 and keeps the connection HTTP/1.1: after a switch, responses to that client stalled or read
     * as garbage frames ("Frame type(32) length(4065824) exceeds MAX_FRAME_SIZE").
     */
    @Test
    void anUpgradeToHttp2IsDeclinedAndTheResponseIsPlainHttp11() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", demo.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                    + "HTTP2-Settings: AAEAAEAAAAIAAAABAAMAAABkAAQBAAAAAAUAAEAA\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            java.io.BufferedReader response = new java.io.BufferedReader(new java.io.InputStreamReader(
                    socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals("HTTP/1.1 200 OK", response.readLine());
        }
        for (int i = 0; i < 20; i++) {
            assertEquals(200, get("/health/live").statusCode(), "request " + i + " of the default JDK client");
        }
    }

    @Test
    void metricsParseAsPrometheusTextWithTheTickbusFamiliesAndBoundedLabels() throws Exception {
        FeedMetrics feed = demo.node().feeds().stream().filter(f -> f.source().equals(MonitorDemo.SOURCE))
                .findFirst().orElseThrow();
        feed.parseError("truncated");
        demo.venue().disconnectAll("metrics test");
        try (RawBridgeSocket socket = RawBridgeSocket.open(demo.port, null)) {
            socket.send(RawBridgeSocket.register("not.permitted"));
            assertEquals("access_denied", socket.receive(5_000).getString("body"));
        }
        List<String> families = List.of("tickbus_feed_state", "tickbus_feed_breaker_state",
                "tickbus_feed_connects_total", "tickbus_feed_disconnects_total", "tickbus_feed_reconnects_total",
                "tickbus_feed_messages_total", "tickbus_feed_messages_abandoned_total",
                "tickbus_feed_received_bytes_total",
                "tickbus_feed_heartbeat_timeouts_total", "tickbus_feed_gaps_total", "tickbus_feed_gap_messages_total",
                "tickbus_feed_duplicates_dropped_total", "tickbus_feed_recoveries_total",
                "tickbus_feed_recovery_last_duration_seconds", "tickbus_feed_last_message_age_seconds",
                "tickbus_parse_errors_total", "tickbus_pipeline_latency_seconds", "tickbus_events_published_total",
                "tickbus_events_dropped_total", "tickbus_bridge_sockets", "tickbus_bridge_denied_total",
                "tickbus_bridge_conflated_total", "tickbus_bridge_backlog_bytes", "tickbus_cluster_members",
                "tickbus_demand_instruments");
        Await.until("every tickbus family exposed", () -> {
            PrometheusText text = PrometheusText.parse(get("/metrics").body());
            return families.stream().allMatch(name -> !text.family(name).isEmpty());
        });
        HttpResponse<String> response = get("/metrics");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        PrometheusText text = PrometheusText.parse(response.body());
        Set<String> bounded = Set.of("feed", "protocol", "state", "reason", "kind", "quantile", "strategy");
        for (PrometheusText.Sample sample : text.samples) {
            if (sample.name().startsWith("tickbus_")) {
                assertTrue(bounded.containsAll(sample.labels().keySet()), "unbounded label on " + sample);
            }
            assertFalse(sample.labels().containsKey("address"), "event-bus address label on " + sample);
            assertFalse(sample.labels().containsKey("instrument"), "instrument label on " + sample);
        }
        assertEquals("counter", text.types.get("tickbus_feed_messages_total"));
        assertEquals("gauge", text.types.get("tickbus_feed_state"));
        assertEquals(1.0, text.family("tickbus_feed_state").stream()
                .filter(s -> s.labels().get("feed").equals(MonitorDemo.SOURCE))
                .mapToDouble(PrometheusText.Sample::value).sum(), "exactly one state is current");
        assertTrue(text.family("tickbus_parse_errors_total").stream()
                .anyMatch(s -> "truncated".equals(s.labels().get("kind")) && s.value() >= 1));
        assertTrue(text.family("tickbus_feed_disconnects_total").stream()
                .anyMatch(s -> "peer".equals(s.labels().get("reason")) && s.value() >= 1));
        assertFalse(text.family("vertx_eventbus_handlers").isEmpty(), "Vert.x's own metrics are there too");
    }

    @Test
    void readinessFollowsTheRequiredFeedWithReasons() {
        Await.until("ready", () -> get("/health/ready").statusCode() == 200);
        assertEquals(200, get("/health/live").statusCode());
        demo.venue().faults().rejectConnections(1_000_000);
        demo.venue().disconnectAll("readiness test");
        Await.until("not ready", () -> get("/health/ready").statusCode() == 503);
        JsonObject body = new JsonObject(get("/health/ready").body());
        assertEquals("DOWN", body.getString("status"));
        JsonObject feeds = body.getJsonArray("checks").getJsonObject(0);
        assertEquals("feeds", feeds.getString("id"));
        JsonObject down = feeds.getJsonObject("data").getJsonObject("notLive").getJsonObject(MonitorDemo.SOURCE);
        assertTrue(Set.of("BACKING_OFF", "CONNECTING", "CIRCUIT_OPEN").contains(down.getString("state")),
                body.encode());
        assertFalse(down.getString("reason").isBlank(), body.encode());
        assertEquals(200, get("/health/live").statusCode(), "a feed down does not make the process dead");
        demo.venue().faults().rejectConnections(0);
        Await.until("ready again", () -> get("/health/ready").statusCode() == 200);
        assertEquals("UP", new JsonObject(get("/health/ready").body()).getString("status"));
    }

    @Test
    void statsCarryFeedRatesLatencyAndNodeFacts() {
        Await.until("a rated stats snapshot", () -> demo.feedStats() != null
                && demo.feedStats().getDouble("messagesPerSecond", 0.0) > 0
                && demo.feedStats().getJsonObject("latency").getLong("count") > 0);
        JsonObject feed = demo.feedStats();
        assertEquals("sim", feed.getString("protocol"));
        assertTrue(feed.getDouble("bytesPerSecond") > 0);
        assertTrue(feed.getJsonObject("latency").getDouble("p99Micros")
                >= feed.getJsonObject("latency").getDouble("p50Micros"));
        JsonObject node = demo.stats().getJsonObject("node");
        assertEquals(1, node.getInteger("members"));
        assertTrue(node.getInteger("demandCount") >= 2, node.encode());
        assertTrue(node.getJsonObject("eventBus").getLong("pending") >= 0);
        assertTrue(node.getJsonArray("feeds").contains(MonitorDemo.SOURCE));
    }

    @Test
    void dashboardAndVendoredLibrariesAreServedLocallyWithoutCdn() {
        HttpResponse<String> index = get("/");
        assertEquals(200, index.statusCode());
        assertTrue(index.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        for (String path : List.of("/vendor/sockjs.min.js", "/vendor/vertx-eventbus.js", "/vendor/uPlot.iife.min.js",
                "/dashboard.js", "/dashboard.css")) {
            HttpResponse<String> asset = get(path);
            assertEquals(200, asset.statusCode(), path);
            assertFalse(asset.body().contains("cdn.jsdelivr") || asset.body().contains("unpkg.com"), path);
        }
        assertTrue(get("/vendor/sockjs.min.js").body().startsWith("/* sockjs-client v1.6.1"));
        HttpResponse<String> iframe = get("/eventbus/iframe.html");
        assertTrue(iframe.body().contains("src=\"/vendor/sockjs.min.js\""), iframe.body());
    }
}
