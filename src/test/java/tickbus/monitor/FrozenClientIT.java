package tickbus.monitor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tickbus.Addresses;
import org.junit.jupiter.api.Test;
import tickbus.testing.Await;

/**
 * A browser tab that stops reading (a frozen tab) while the demo runs at full rate: what the server holds for it
 * stays under the configured backlog, and the surplus is conflated and counted, not queued.
 */
class FrozenClientIT {

    private static final int MAX_BACKLOG_BYTES = 65_536;
    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "NVDA", "AMZN", "GOOG", "META", "TSLA", "AMD");

    @Test
    void aFrozenClientCostsBoundedServerMemory() throws Exception {
        try (MonitorDemo demo = new MonitorDemo(10_000, new JsonObject()
                .put("outboundPermits", MonitorDemo.MARKET_DATA_PERMITS)
                .put("maxSocketBacklogBytes", MAX_BACKLOG_BYTES).put("statsIntervalMillis", 200));
                RawBridgeSocket frozen = RawBridgeSocket.open(demo.port, null, 4_096)) {
            for (String symbol : SYMBOLS) {
                frozen.send(RawBridgeSocket.register("md.quote.XSIM:" + symbol));
                frozen.send(RawBridgeSocket.register("md.trade.XSIM:" + symbol));
            }
            Await.until("updates conflated for the frozen socket", Duration.ofSeconds(30),
                    () -> bridge(demo).getLong("conflated") > 10_000, () -> bridge(demo).encode());
            List<JsonObject> samples = new CopyOnWriteArrayList<>();
            MessageConsumer<JsonObject> sampler = demo.vertx.eventBus().consumer(Addresses.MONITOR_STATS,
                    message -> samples.add(message.body()));
            Await.until("3 s of samples", Duration.ofSeconds(30), () -> samples.size() >= 2
                    && samples.get(samples.size() - 1).getLong("timeMillis") - samples.get(0).getLong("timeMillis")
                    >= 3_000);
            Await.result(sampler.unregister());
            JsonObject first = samples.get(0);
            JsonObject last = samples.get(samples.size() - 1);
            long maxBacklog = samples.stream().mapToLong(stats -> bridge(stats).getLong("backlogBytes")).max()
                    .orElseThrow();
            long maxWaiting = samples.stream().mapToLong(stats -> bridge(stats).getLong("waitingFrames")).max()
                    .orElseThrow();
            long offered = messages(last) - messages(first);
            long conflated = bridge(last).getLong("conflated") - bridge(first).getLong("conflated");
            long bound = MAX_BACKLOG_BYTES + 1_024;
            assertTrue(maxBacklog <= bound, "maxBacklog=" + maxBacklog + ", bound=" + bound);
            assertTrue(maxBacklog > 0, "the frozen socket never held anything");
            assertTrue(maxWaiting <= SYMBOLS.size() * 2, "maxWaiting=" + maxWaiting + ", one per address at most");
            assertTrue(offered > 10_000, "the demo did not run at full rate: messages=" + offered);
            assertTrue(conflated > offered / 2, "conflated=" + conflated + ", offered=" + offered);
        }
    }

    private static JsonObject bridge(MonitorDemo demo) {
        return bridge(demo.stats());
    }

    private static JsonObject bridge(JsonObject stats) {
        return stats.getJsonObject("node").getJsonObject("bridge");
    }

    private static long messages(JsonObject stats) {
        return stats.getJsonArray("feeds").stream().map(JsonObject.class::cast)
                .filter(feed -> feed.getString("source").equals(MonitorDemo.SOURCE))
                .mapToLong(feed -> feed.getLong("messages")).sum();
    }
}
