package tickbus.sim.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tickbus.NodeLauncher;
import tickbus.TickbusNode;
import tickbus.config.Descriptor;
import tickbus.event.EventKind;
import tickbus.event.FeedState;
import tickbus.event.MarketEvent;
import tickbus.event.Quote;
import tickbus.event.Trade;
import tickbus.feed.FeedMetrics;
import tickbus.strategy.MarketData;
import tickbus.testing.Await;
import tickbus.testing.RedisServerProcess;

/**
 * The {@code redis-sim} publisher feeding Redis feeds (pub/sub with tickbus payloads, streams with cryptofeed's
 * layout), and the repository's demo descriptor with and without a Redis that answers.
 */
class RedisSimIT {

    private final Vertx vertx = Vertx.vertx();
    private RedisServerProcess redis;

    @AfterEach
    void stop() {
        Await.result(vertx.close());
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void theDemoDeploysAndItsRedisFeedReportsReconnectingWhenNoRedisAnswers() throws IOException {
        Descriptor demo = demoDescriptor("redis://127.0.0.1:" + closedPort());
        Await.result(TickbusNode.start(vertx));
        List<String> deployed = Await.result(NodeLauncher.deploy(vertx, demo));
        assertEquals(demo.verticles().size(), deployed.size());

        Await.until("the simulated venue's feed LIVE", () -> feed("sim-xsim").state() == FeedState.LIVE);
        Await.until("the Redis feed reconnecting", () -> feed("redis-xrds").reconnects() >= 2);
        FeedState state = feed("redis-xrds").state();
        assertTrue(state == FeedState.BACKING_OFF || state == FeedState.CONNECTING || state == FeedState.CIRCUIT_OPEN,
                state + " (" + feed("redis-xrds").stateReason() + ")");
        assertTrue(feed("redis-xrds").disconnectsByReason().get("connect-failed") >= 2);
        assertEquals(0, feed("redis-xrds").connects());
        Await.result(NodeLauncher.undeployInReverse(vertx, deployed));
    }

    @Test
    void theDemoStreamsRedisQuotesToItsStrategyWhenRedisAnswers() throws IOException {
        redis = RedisServerProcess.start();
        Await.result(TickbusNode.start(vertx));
        List<String> deployed = Await.result(NodeLauncher.deploy(vertx, demoDescriptor(redis.connectionString())));
        Await.until("the Redis feed LIVE", () -> feed("redis-xrds").state() == FeedState.LIVE);
        Await.until("the demo strategy's instruments flowing", Duration.ofSeconds(30),
                () -> feed("redis-xrds").eventsPublished() >= 100);
        assertEquals(0, feed("redis-xrds").gaps());
        assertEquals(List.of("md:BTC-USD:quotes", "md:BTC-USD:trades", "md:ETH-USD:quotes", "md:ETH-USD:trades"),
                sortedChannels());
        Await.result(NodeLauncher.undeployInReverse(vertx, deployed));
    }

    @Test
    void aStreamSimulatorInCryptofeedsLayoutFeedsAStreamFeed() {
        redis = RedisServerProcess.start();
        Await.result(TickbusNode.start(vertx));
        RedisSimVerticle simulator = new RedisSimVerticle();
        Await.result(vertx.deployVerticle(simulator, new io.vertx.core.DeploymentOptions().setConfig(new JsonObject()
                .put("connectionString", redis.connectionString()).put("mode", "stream").put("payload", "cryptofeed")
                .put("venue", "COINBASE").put("symbols", new JsonArray().add("BTC-USD"))
                .put("messagesPerSecond", 2_000))));
        Await.result(vertx.deployVerticle("tickbus.feed.FeedVerticle", new io.vertx.core.DeploymentOptions()
                .setConfig(new JsonObject().put("source", "cryptofeed-streams").put("venue", "COINBASE")
                        .put("protocol", "redis").put("settings", new JsonObject()
                                .put("connectionString", redis.connectionString()).put("mode", "stream")
                                .put("channels", new JsonArray()
                                        .add(new JsonObject().put("template", "trades-{venue}-{symbol}")
                                                .put("payload", "cryptofeed-trade"))
                                        .add(new JsonObject().put("template", "ticker-{venue}-{symbol}")
                                                .put("payload", "cryptofeed-ticker")))))));
        List<MarketEvent> received = new CopyOnWriteArrayList<>();
        Await.result(MarketData.create(vertx).subscribe("COINBASE:BTC-USD", EnumSet.of(EventKind.QUOTE,
                EventKind.TRADE), received::add));
        Await.until("quotes and trades from the streams", Duration.ofSeconds(30),
                () -> received.stream().filter(Quote.class::isInstance).count() >= 50
                        && received.stream().filter(Trade.class::isInstance).count() >= 10);
        assertTrue(simulator.published() > 0);
        assertEquals(0, feed("cryptofeed-streams").parseErrorsByKind().size());
    }

    @Test
    void withoutRedisTheSimulatorDeploysAndKeepsTrying() throws IOException {
        RedisSimVerticle simulator = new RedisSimVerticle();
        Await.result(vertx.deployVerticle(simulator, new io.vertx.core.DeploymentOptions().setConfig(new JsonObject()
                .put("connectionString", "redis://127.0.0.1:" + closedPort()).put("symbols", new JsonArray().add("X"))
                .put("retryMillis", 20))));
        Await.until("failed batches counted", () -> simulator.failedBatches() >= 3);
        assertEquals(0, simulator.published());
    }

    private FeedMetrics feed(String source) {
        return TickbusNode.of(vertx).feeds().stream().filter(metrics -> metrics.source().equals(source)).findFirst()
                .orElseThrow(() -> new AssertionError("no feed " + source));
    }

    @SuppressWarnings("unchecked")
    private List<String> sortedChannels() {
        return ((List<String>) redis.command("PUBSUB", "CHANNELS")).stream().sorted().toList();
    }

    /** The repository's verticles.json with Redis at {@code connectionString} and without the fixed-port servers. */
    private static Descriptor demoDescriptor(String connectionString) throws IOException {
        JsonObject json = new JsonObject(Files.readString(Path.of("verticles.json")));
        JsonArray kept = new JsonArray();
        for (Object element : json.getJsonArray("verticles")) {
            JsonObject entry = (JsonObject) element;
            switch (entry.getString("name")) {
                case "tcp-bridge", "admin" -> {
                }
                case "redis-sim" -> kept.add(entry.copy().put("config", entry.getJsonObject("config").copy()
                        .put("connectionString", connectionString)));
                case "feed-redis" -> {
                    JsonObject config = entry.getJsonObject("config").copy();
                    config.getJsonObject("settings").put("connectionString", connectionString);
                    kept.add(entry.copy().put("config", config));
                }
                default -> kept.add(entry);
            }
        }
        return Descriptor.fromJson(new JsonObject().put("verticles", kept));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
