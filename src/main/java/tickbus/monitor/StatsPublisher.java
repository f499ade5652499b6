package tickbus.monitor;

import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tickbus.Addresses;
import tickbus.TickbusNode;
import tickbus.feed.FeedMetrics;

/**
 * Builds the once-a-second {@code tickbus.monitor.stats} snapshot: per feed (state, rates from counter deltas,
 * ages, breaker, parse errors, latency percentiles of the interval), per node (members, demand, event-bus
 * pending and discarded, bridge), and the recent gaps. The one reader of each feed's latency interval: the
 * metrics expose the summary it keeps.
 */
final class StatsPublisher {

    private final Vertx vertx;
    private final TickbusNode node;
    private final BridgeStats bridge;
    private final GapTracker gaps;
    private final MeterRegistry registry;
    private final java.util.function.LongSupplier bridgeBacklogBytes;
    private final Map<String, Counters> previous = new HashMap<>();
    private final Map<String, LatencySummary> latency = new ConcurrentHashMap<>();
    private long previousMillis;

    private record Counters(long frames, long bytes, long events) {
        static Counters of(FeedMetrics metrics) {
            return new Counters(metrics.frames(), metrics.bytes(), metrics.eventsPublished());
        }
    }

    StatsPublisher(Vertx vertx, TickbusNode node, BridgeStats bridge,
            java.util.function.LongSupplier bridgeBacklogBytes, GapTracker gaps, MeterRegistry registry) {
        this.bridgeBacklogBytes = bridgeBacklogBytes;
        this.vertx = vertx;
        this.node = node;
        this.bridge = bridge;
        this.gaps = gaps;
        this.registry = registry;
    }

    /** The latency summary of the last interval of a feed. */
    LatencySummary latency(String source) {
        return latency.getOrDefault(source, LatencySummary.EMPTY);
    }

    /** Builds one snapshot and publishes it. */
    JsonObject publish() {
        JsonObject stats = snapshot();
        vertx.eventBus().publish(Addresses.MONITOR_STATS, stats);
        return stats;
    }

    JsonObject snapshot() {
        long now = node.clock().millis();
        double seconds = previousMillis == 0 ? 0 : Math.max(1, now - previousMillis) / 1000.0;
        previousMillis = now;
        JsonArray feeds = new JsonArray();
        Map<String, Counters> seen = new HashMap<>();
        node.feeds().stream().sorted(java.util.Comparator.comparing(FeedMetrics::source)).forEach(metrics -> {
            Counters counters = Counters.of(metrics);
            seen.put(metrics.source(), counters);
            LatencySummary interval = LatencySummary.of(metrics.takeLatencyInterval());
            latency.put(metrics.source(), interval);
            feeds.add(feed(metrics, counters, previous.get(metrics.source()), seconds, now, interval));
        });
        previous.clear();
        previous.putAll(seen);
        latency.keySet().retainAll(seen.keySet());
        return new JsonObject().put("timeMillis", now).put("node", nodeJson(seen.keySet())).put("feeds", feeds)
                .put("gaps", gaps.toJson());
    }

    private JsonObject feed(FeedMetrics metrics, Counters now, Counters before, double seconds, long nowMillis,
            LatencySummary interval) {
        boolean rated = before != null && seconds > 0;
        return new JsonObject()
                .put("source", metrics.source()).put("venue", metrics.venue()).put("protocol", metrics.protocol())
                .put("state", metrics.state().name()).put("reason", metrics.stateReason())
                .put("breaker", metrics.breaker().name())
                .put("messagesPerSecond", rated ? rate(now.frames() - before.frames(), seconds) : null)
                .put("bytesPerSecond", rated ? rate(now.bytes() - before.bytes(), seconds) : null)
                .put("eventsPerSecond", rated ? rate(now.events() - before.events(), seconds) : null)
                .put("messages", now.frames()).put("bytes", now.bytes())
                .put("connects", metrics.connects()).put("reconnects", metrics.reconnects())
                .put("gaps", metrics.gaps()).put("gapMessages", metrics.gapMessages())
                .put("recoveries", metrics.recoveries()).put("lastRecoveryMillis", metrics.lastRecoveryMillis())
                .put("duplicates", metrics.duplicates()).put("heartbeatTimeouts", metrics.heartbeatTimeouts())
                .put("payloadStreamsEvicted", metrics.payloadStreamsEvicted())
                .put("lastMessageAgeMillis", age(metrics.lastDataMillis(), nowMillis))
                .put("lastHeartbeatAgeMillis", age(metrics.lastInboundMillis(), nowMillis))
                .put("parseErrors", new JsonObject(new HashMap<>(metrics.parseErrorsByKind())))
                .put("bookAnomalies", new JsonObject(new HashMap<>(metrics.bookAnomaliesByKind())))
                .put("disconnects", new JsonObject(new HashMap<>(metrics.disconnectsByReason())))
                .put("latency", interval.toJson());
    }

    private JsonObject nodeJson(java.util.Set<String> feedSources) {
        JsonObject bridgeJson = new JsonObject().put("sockets", bridge.sockets.get())
                .put("registrations", bridge.registrations.get()).put("denied", bridge.deniedTotal())
                .put("conflated", bridge.conflated.sum()).put("backlogBytes", bridgeBacklogBytes.getAsLong());
        return new JsonObject().put("id", node.demand().nodeId()).put("clustered", vertx.isClustered())
                .put("members", clusterMembers(vertx)).put("demandCount", node.demand().demanded().size())
                .put("feeds", new JsonArray(feedSources.stream().sorted().toList()))
                .put("eventBus", new JsonObject().put("pending", sum("vertx.eventbus.pending"))
                        .put("discarded", sum("vertx.eventbus.discarded")))
                .put("bridge", bridgeJson);
    }

    static int clusterMembers(Vertx vertx) {
        if (!vertx.isClustered()) {
            return 1;
        }
        return ((VertxInternal) vertx).clusterManager().getNodes().size();
    }

    /** The sum over every meter of a Vert.x metric family (every side, every label), or -1 without metrics. */
    private long sum(String name) {
        if (registry == null) {
            return -1;
        }
        double total = 0;
        for (Meter meter : registry.find(name).meters()) {
            for (Measurement measurement : meter.measure()) {
                total += measurement.getValue();
            }
        }
        return Math.round(total);
    }

    private static long age(long thenMillis, long nowMillis) {
        return thenMillis == 0 ? -1 : Math.max(0, nowMillis - thenMillis);
    }

    private static double rate(long delta, double seconds) {
        return Math.round(delta / seconds * 10) / 10.0;
    }
}
