package tickbus.bench;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import tickbus.TickbusNode;
import tickbus.event.EventKind;
import tickbus.event.Quote;
import tickbus.feed.FeedMetrics;
import tickbus.sim.SimVenue;
import tickbus.strategy.MarketData;
import tickbus.strategy.StrategyTestNode;
import tickbus.strategy.StrategyVerticle;

/**
 * Ingestion throughput (events a sim feed publishes per second, one operation = 1,000 events generated and
 * published) with three subscribed strategies: a counting one and two calm ones in the baseline; in the other
 * scenarios a strategy that throws on every event and/or one that blocks its thread for 2.5 s every 20,000 events
 * take the calm ones' places, so only the misbehaviour differs. Strategies run as workers, as
 * {@code verticles.json} deploys them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StrategyIsolationBenchmark {

    private static final int EVENTS_PER_OPERATION = 1_000;
    private static final String INSTRUMENT = "XSIM:AAA";

    @Param({"baseline", "throwing", "throwing-preallocated", "blocking", "throwing-and-blocking"})
    public String scenario;

    private StrategyTestNode node;
    private SimVenue venue;
    private FeedMetrics feed;

    /** Counts every event. */
    public static final class CountingStrategy extends StrategyVerticle {
        static final AtomicLong COUNTED = new AtomicLong();

        @Override
        public Future<?> start() {
            return subscribeAll(List.of(INSTRUMENT), EnumSet.of(EventKind.QUOTE, EventKind.TRADE),
                    MarketData.Delivery.EVERY, event -> COUNTED.incrementAndGet());
        }
    }

    /** Looks at every event and does nothing wrong: what the misbehaving strategies replace. */
    public static final class CalmStrategy extends StrategyVerticle {
        private long bidTotal;

        @Override
        public Future<?> start() {
            return subscribeAll(List.of(INSTRUMENT), EnumSet.of(EventKind.QUOTE, EventKind.TRADE),
                    MarketData.Delivery.EVERY, event -> {
                        if (event instanceof Quote quote) {
                            bidTotal += quote.bidPrice();
                        }
                    });
        }
    }

    /** Throws on every event. */
    public static final class ThrowingStrategy extends StrategyVerticle {
        @Override
        public Future<?> start() {
            return subscribeAll(List.of(INSTRUMENT), EnumSet.of(EventKind.QUOTE, EventKind.TRADE),
                    MarketData.Delivery.EVERY, event -> {
                        throw new IllegalStateException("strategy bug (injected)");
                    });
        }
    }

    /**
     * Throws on every event, one preallocated exception: what the platform's part costs (catch, count, a log line
     * at most once a second) without the strategy's own cost of building a stack trace per event.
     */
    public static final class PreallocatedThrowingStrategy extends StrategyVerticle {
        private static final IllegalStateException BUG = new IllegalStateException("strategy bug (injected)");

        @Override
        public Future<?> start() {
            return subscribeAll(List.of(INSTRUMENT), EnumSet.of(EventKind.QUOTE, EventKind.TRADE),
                    MarketData.Delivery.EVERY, event -> {
                        throw BUG;
                    });
        }
    }

    /** Blocks its thread for 2.5 s every 20,000 events: a synchronous call to a slow service. */
    public static final class BlockingStrategy extends StrategyVerticle {
        private long events;

        @Override
        public Future<?> start() {
            return subscribeAll(List.of(INSTRUMENT), EnumSet.of(EventKind.QUOTE, EventKind.TRADE),
                    MarketData.Delivery.EVERY, event -> {
                        if (++events % 20_000 == 0) {
                            LockSupport.parkNanos(2_500_000_000L);
                        }
                    });
        }
    }

    @Setup(Level.Trial)
    public void start() {
        node = new StrategyTestNode();
        venue = node.venueWithFeed("XSIM", List.of("AAA"));
        node.deploy(strategy("counting", CountingStrategy.class));
        // Every scenario runs the same three subscribers; only how the second and third behave changes.
        if (scenario.equals("throwing-preallocated")) {
            node.deploy(strategy("throwing", PreallocatedThrowingStrategy.class));
        } else if (scenario.contains("throwing")) {
            node.deploy(strategy("throwing", ThrowingStrategy.class));
        } else {
            node.deploy(strategy("calm-1", CalmStrategy.class));
        }
        if (scenario.contains("blocking")) {
            node.deploy(strategy("blocking", BlockingStrategy.class));
        } else {
            node.deploy(strategy("calm-2", CalmStrategy.class));
        }
        feed = TickbusNode.of(node.vertx).feeds().iterator().next();
        long target = CountingStrategy.COUNTED.get() + 1;
        while (CountingStrategy.COUNTED.get() < target) {
            venue.generate(10);
            LockSupport.parkNanos(1_000_000);
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        node.close();
    }

    @Benchmark
    public long ingest() {
        long target = feed.eventsPublished() + EVENTS_PER_OPERATION;
        venue.generate(EVENTS_PER_OPERATION);
        while (feed.eventsPublished() < target) {
            // Parks rather than spins: on two cores a spinning benchmark thread would take a core from ingestion.
            LockSupport.parkNanos(20_000);
        }
        return target;
    }

    private static JsonObject strategy(String name, Class<?> type) {
        return new JsonObject().put("name", name).put("verticle", type.getName()).put("worker", true)
                .put("config", new JsonObject().put("name", name).put("instruments", new JsonArray().add(INSTRUMENT)));
    }
}
