package tickbus.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import tickbus.Addresses;
import tickbus.NodeLauncher;
import tickbus.config.Descriptor;
import tickbus.sim.SimVenue;
import tickbus.testing.Await;

/** Two clustered nodes, each with a feed and a monitor: readiness includes the cluster, the view spans nodes. */
class MonitorClusterIT {

    @Test
    void readinessWaitsForTheClusterAndABrowserOnOneNodeDrivesAFeedOnTheOther() throws Exception {
        Map<String, String> environment = Map.of("TICKBUS_CLUSTER_NAME", "monitor-it-" + UUID.randomUUID());
        Vertx first = Await.result(NodeLauncher.createVertx(true, environment));
        Vertx second = Await.result(NodeLauncher.createVertx(true, environment));
        String venueName = "cluster-it-" + UUID.randomUUID();
        List<String> secondIds = Await.result(NodeLauncher.deploy(second, secondNode(venueName)));
        try (MonitorDemo demo = new MonitorDemo(first, 1_000,
                new JsonObject().put("outboundPermits", MonitorDemo.MARKET_DATA_PERMITS))) {
            Map<String, JsonObject> statsByNode = new ConcurrentHashMap<>();
            MessageConsumer<JsonObject> stats = first.eventBus().consumer(Addresses.MONITOR_STATS,
                    message -> statsByNode.put(message.body().getJsonObject("node").getString("id"), message.body()));
            Await.until("stats from both nodes", Duration.ofSeconds(30), () -> statsByNode.size() == 2
                    && statsByNode.values().stream().allMatch(s -> s.getJsonObject("node").getInteger("members") == 2));
            assertTrue(statsByNode.values().stream().anyMatch(s -> s.getJsonObject("node").getJsonArray("feeds")
                    .contains("sim-xfx2")), "the second node's feed is in the cluster view");
            stats.unregister();

            Await.until("ready with the cluster safe", Duration.ofSeconds(30), () -> readyStatus(demo) == 200);
            JsonArray checks = new JsonObject(ready(demo).body()).getJsonArray("checks");
            assertEquals(List.of("cluster", "feeds"), checks.stream().map(c -> ((JsonObject) c).getString("id"))
                    .sorted().toList());

            try (RawBridgeSocket socket = RawBridgeSocket.open(demo.port, null)) {
                socket.send(RawBridgeSocket.register("md.quote.XFX2:EURUSD"));
                JsonObject quote = socket.receive("md.quote.XFX2:EURUSD", 20_000);
                assertNotNull(quote, "no quote from the other node's feed");
                assertEquals("sim-xfx2", quote.getJsonObject("body").getString("source"));
                assertTrue(SimVenue.named(venueName).subscribeAttempts("EURUSD") > 0);
            }
        } finally {
            Await.result(NodeLauncher.undeployInReverse(second, secondIds));
            Await.result(second.close());
        }
    }

    private static Descriptor secondNode(String venueName) {
        JsonObject venue = new JsonObject().put("venueName", venueName)
                .put("symbols", new JsonArray(List.of("EURUSD", "GBPUSD"))).put("messagesPerSecond", 500);
        JsonObject feed = new JsonObject().put("source", "sim-xfx2").put("venue", "XFX2").put("protocol", "sim")
                .put("releaseLingerMillis", 0).put("settings", new JsonObject().put("venueName", venueName));
        return Descriptor.fromJson(new JsonObject().put("verticles", new JsonArray()
                .add(new JsonObject().put("name", "venue").put("verticle", "sim-venue").put("config", venue))
                .add(new JsonObject().put("name", "feed").put("verticle", "feed").put("config", feed))
                .add(new JsonObject().put("name", "monitor").put("verticle", "monitor")
                        // The demo may read either node's monitor port from the clustered stats.
                        .put("config", new JsonObject().put("host", "127.0.0.1").put("port", 0)
                                .put("outboundPermits", MonitorDemo.MARKET_DATA_PERMITS)))));
    }

    private static HttpResponse<String> ready(MonitorDemo demo) {
        return BoundedGet.get(demo.url("/health/ready"));
    }

    private static int readyStatus(MonitorDemo demo) {
        return ready(demo).statusCode();
    }
}
