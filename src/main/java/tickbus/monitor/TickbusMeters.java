package tickbus.monitor;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import tickbus.TickbusNode;
import tickbus.event.BreakerState;
import tickbus.event.FeedState;
import tickbus.feed.FeedMetrics;

/**
 * The {@code tickbus_*} metric families, bound to the feeds' and the bridge's own counters (read at scrape
 * time, nothing counted twice). Labels are bounded: feed, protocol, state, reason, kind; never an instrument.
 * Feeds come and go: {@link #sync()} binds new ones and removes the meters of those that stopped.
 */
final class TickbusMeters {

    private final MeterRegistry registry;
    private final TickbusNode node;
    private final StatsPublisher stats;
    private final Map<String, FeedMeters> feeds = new HashMap<>();
    private final List<Meter> nodeMeters = new ArrayList<>();
    private final Set<BridgeStats.Denial> boundDenials = new HashSet<>();
    private final BridgeStats bridge;

    private final class FeedMeters {
        final FeedMetrics metrics;
        final Tags tags;
        final List<Meter> meters = new ArrayList<>();
        /** The {@code name|label} of every counter bound per label value. */
        final Set<String> labelled = new HashSet<>();

        FeedMeters(FeedMetrics metrics) {
            this.metrics = metrics;
            this.tags = Tags.of("feed", metrics.source(), "protocol", metrics.protocol());
        }

        void counter(String name, String unit, String help, Tags extra, ToDoubleFunction<FeedMetrics> value) {
            meters.add(FunctionCounter.builder(name, metrics, value).baseUnit(unit).description(help)
                    .tags(tags.and(extra)).register(registry));
        }

        void gauge(String name, String unit, String help, Tags extra, ToDoubleFunction<FeedMetrics> value) {
            meters.add(Gauge.builder(name, metrics, value).baseUnit(unit).description(help).tags(tags.and(extra))
                    .strongReference(false).register(registry));
        }
    }

    TickbusMeters(MeterRegistry registry, TickbusNode node, StatsPublisher stats, BridgeStats bridge,
            java.util.function.LongSupplier bridgeBacklogBytes, Vertx vertx) {
        this.registry = registry;
        this.node = node;
        this.stats = stats;
        this.bridge = bridge;
        nodeMeters.add(Gauge.builder("tickbus.bridge.sockets", bridge, b -> b.sockets.get())
                .description("Browser sockets open on the event-bus bridge").register(registry));
        nodeMeters.add(Gauge.builder("tickbus.bridge.registrations", bridge, b -> b.registrations.get())
                .description("Addresses browsers are registered on").register(registry));
        nodeMeters.add(FunctionCounter.builder("tickbus.bridge.conflated", bridge, b -> b.conflated.sum())
                .description("Updates replaced by a newer one for a slow browser socket").register(registry));
        nodeMeters.add(Gauge.builder("tickbus.bridge.backlog", bridgeBacklogBytes, b -> b.getAsLong())
                .baseUnit("bytes").description("Bytes held for browser sockets: unsent or conflated")
                .register(registry));
        nodeMeters.add(Gauge.builder("tickbus.cluster.members", vertx, StatsPublisher::clusterMembers)
                .description("Members of the cluster seen by this node (1 when stand-alone)").register(registry));
        nodeMeters.add(Gauge.builder("tickbus.demand.instruments", node, n -> n.demand().demanded().size())
                .description("Instruments somebody in the cluster wants").register(registry));
    }

    /** Binds meters for new feeds, denial kinds and disconnect reasons; removes those of stopped feeds. */
    synchronized void sync() {
        Set<String> running = new HashSet<>();
        for (FeedMetrics metrics : node.feeds()) {
            running.add(metrics.source());
            FeedMeters bound = feeds.get(metrics.source());
            if (bound != null && bound.metrics != metrics) {
                remove(feeds.remove(metrics.source()));
                bound = null;
            }
            if (bound == null) {
                bound = bind(metrics);
                feeds.put(metrics.source(), bound);
            }
            bindDynamic(bound);
        }
        for (String source : Set.copyOf(feeds.keySet())) {
            if (!running.contains(source)) {
                remove(feeds.remove(source));
            }
        }
        bridge.denials().keySet().forEach(this::bindDenial);
    }

    synchronized void close() {
        feeds.values().forEach(this::remove);
        feeds.clear();
        nodeMeters.forEach(registry::remove);
        nodeMeters.clear();
    }

    private FeedMeters bind(FeedMetrics metrics) {
        FeedMeters m = new FeedMeters(metrics);
        for (FeedState state : FeedState.values()) {
            m.gauge("tickbus.feed.state", null, "1 for the feed's current state, 0 for the others",
                    Tags.of("state", state.name()), f -> f.state() == state ? 1 : 0);
        }
        for (BreakerState state : BreakerState.values()) {
            m.gauge("tickbus.feed.breaker.state", null, "1 for the connection breaker's current state",
                    Tags.of("state", state.name()), f -> f.breaker() == state ? 1 : 0);
        }
        Tags none = Tags.empty();
        m.counter("tickbus.feed.connects", null, "Connections established", none, FeedMetrics::connects);
        m.counter("tickbus.feed.reconnects", null, "Reconnections scheduled", none, FeedMetrics::reconnects);
        m.counter("tickbus.feed.received", "bytes", "Bytes received from the venue", none, FeedMetrics::bytes);
        m.counter("tickbus.feed.messages", null, "Messages (frames) received", none, FeedMetrics::frames);
        m.counter("tickbus.feed.messages.abandoned", null, "Messages (frames) ignored from a connection the feed "
                + "had given up", none, FeedMetrics::abandonedFrames);
        m.counter("tickbus.feed.heartbeat.timeouts", null, "Connections dropped for missing heartbeats", none,
                FeedMetrics::heartbeatTimeouts);
        m.counter("tickbus.feed.gaps", null, "Sequence gaps detected", none, FeedMetrics::gaps);
        m.counter("tickbus.feed.gap.messages", null, "Messages missing in detected gaps", none,
                FeedMetrics::gapMessages);
        m.counter("tickbus.feed.duplicates.dropped", null, "Duplicate messages dropped", none,
                FeedMetrics::duplicates);
        m.counter("tickbus.feed.sequence.streams.evicted", null, "Payload sequence streams forgotten to stay within "
                + "their limit (their next numbers start afresh)", none, FeedMetrics::payloadStreamsEvicted);
        m.counter("tickbus.feed.recoveries", null, "Gaps recovered", none, FeedMetrics::recoveries);
        m.gauge("tickbus.feed.recovery.last.duration", "seconds", "Duration of the last gap recovery", none,
                f -> f.lastRecoveryMillis() / 1000.0);
        m.counter("tickbus.events.published", null, "Events published on the bus", none,
                FeedMetrics::eventsPublished);
        m.counter("tickbus.events.dropped", null, "Events dropped before publication", Tags.of("reason",
                "recovering"), FeedMetrics::droppedDuringRecovery);
        m.counter("tickbus.feed.subscription.failures", null, "Upstream subscriptions that failed", none,
                FeedMetrics::subscriptionFailures);
        m.gauge("tickbus.feed.last.message.age", "seconds", "Time since the last data message (-1: none yet)",
                none, f -> f.lastDataMillis() == 0 ? -1 : (node.clock().millis() - f.lastDataMillis()) / 1000.0);
        String source = metrics.source();
        String[] quantiles = {"0.5", "0.99", "0.999", "1.0"};
        for (String quantile : quantiles) {
            m.gauge("tickbus.pipeline.latency", "seconds", "Receipt-to-bus latency over the last stats interval",
                    Tags.of("quantile", quantile), f -> latencySeconds(stats.latency(source), quantile));
        }
        return m;
    }

    private static double latencySeconds(LatencySummary summary, String quantile) {
        long nanos = switch (quantile) {
            case "0.5" -> summary.p50Nanos();
            case "0.99" -> summary.p99Nanos();
            case "0.999" -> summary.p999Nanos();
            default -> summary.maxNanos();
        };
        return nanos / 1e9;
    }

    private void bindDynamic(FeedMeters m) {
        bindPerLabel(m, "tickbus.feed.disconnects", "Connections lost, by reason", "reason",
                FeedMetrics::disconnectsByReason);
        bindPerLabel(m, "tickbus.parse.errors", "Frames rejected by the decoder, by kind", "kind",
                FeedMetrics::parseErrorsByKind);
        bindPerLabel(m, "tickbus.book.anomalies", "Book updates not applied as sent (unknown level, full side, ...), "
                + "by kind", "kind", FeedMetrics::bookAnomaliesByKind);
    }

    /** A counter per value of {@code label} that {@code counts} has shown so far. */
    private static void bindPerLabel(FeedMeters m, String name, String help, String label,
            Function<FeedMetrics, Map<String, Long>> counts) {
        for (String value : counts.apply(m.metrics).keySet()) {
            if (m.labelled.add(name + "|" + value)) {
                m.counter(name, null, help, Tags.of(label, value), f -> counts.apply(f).getOrDefault(value, 0L));
            }
        }
    }

    private void bindDenial(BridgeStats.Denial denial) {
        if (boundDenials.add(denial)) {
            nodeMeters.add(FunctionCounter.builder("tickbus.bridge.denied", bridge,
                    b -> b.denied(denial.kind(), denial.reason())).description("Bridge frames refused")
                    .tags("kind", denial.kind(), "reason", denial.reason()).register(registry));
        }
    }

    private void remove(FeedMeters m) {
        m.meters.forEach(registry::remove);
    }
}
