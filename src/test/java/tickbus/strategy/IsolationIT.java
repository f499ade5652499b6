package tickbus.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tickbus.TickbusNode;
import tickbus.event.EventKind;
import tickbus.feed.FeedMetrics;

/**
 * A strategy that throws on every event and one that blocks its thread run beside a well-behaved one: ingestion
 * and the well-behaved strategy carry on, the failures are counted under the strategy's name, and the blocked-thread
 * checker reports the blocking strategy by name.
 */
class IsolationIT {

    static final AtomicLong COUNTED = new AtomicLong();
    static final CountDownLatch UNBLOCK = new CountDownLatch(1);
    static final CountDownLatch BLOCKING = new CountDownLatch(1);

    /** Counts every event. */
    public static final class CountingStrategy extends StrategyVerticle {
        @Override
        public Future<?> start() {
            return subscribeAll(List.of("XSIM:AAA"), EnumSet.of(EventKind.QUOTE, EventKind.TRADE),
                    MarketData.Delivery.EVERY, event -> COUNTED.incrementAndGet());
        }
    }

    /** Throws on every event. */
    public static final class ThrowingStrategy extends StrategyVerticle {
        @Override
        public Future<?> start() {
            return subscribeAll(List.of("XSIM:AAA"), EnumSet.of(EventKind.QUOTE, EventKind.TRADE),
                    MarketData.Delivery.EVERY, event -> {
                        throw new IllegalStateException("strategy bug (injected): seq=" + event.sequence());
                    });
        }
    }

    /** Blocks its thread on the first event until the test lets it go. */
    public static final class BlockingStrategy extends StrategyVerticle {
        @Override
        public Future<?> start() {
            return subscribeAll(List.of("XSIM:AAA"), EnumSet.of(EventKind.QUOTE, EventKind.TRADE),
                    MarketData.Delivery.EVERY, event -> {
                        BLOCKING.countDown();
                        try {
                            UNBLOCK.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
        }
    }

    private StrategyTestNode node;

    @BeforeEach
    void start() {
        node = new StrategyTestNode(new VertxOptions().setBlockedThreadCheckInterval(100));
        node.venueWithFeed("XSIM", List.of("AAA"));
    }

    @AfterEach
    void stop() {
        UNBLOCK.countDown();
        node.close();
    }

    @Test
    void throwingAndBlockingStrategiesDoNotStopIngestionOrOthers() {
        node.deploy(strategy("counting", CountingStrategy.class), strategy("throwing", ThrowingStrategy.class),
                strategy("blocking", BlockingStrategy.class));
        node.pumpUntil("the blocking strategy to block", 2, () -> BLOCKING.getCount() == 0);
        FeedMetrics feed = TickbusNode.of(node.vertx).feeds().iterator().next();
        long publishedWhenBlocked = feed.eventsPublished();
        long countedWhenBlocked = COUNTED.get();
        Strategies strategies = Strategies.of(node.vertx);

        node.pumpUntil("a blocked-thread report naming the blocking strategy, and traffic meanwhile", 2,
                () -> strategies.metrics("blocking").blockedReports() >= 1
                        && COUNTED.get() >= countedWhenBlocked + 2_000);

        assertTrue(feed.eventsPublished() >= publishedWhenBlocked + 2_000, "ingestion stalled");
        assertTrue(strategies.metrics("throwing").handlerFailures() >= 2_000,
                "failures=" + strategies.metrics("throwing").handlerFailures());
        assertEquals(0, strategies.metrics("counting").handlerFailures());
        assertEquals(0, strategies.metrics("counting").blockedReports());
        assertEquals(0, strategies.metrics("blocking").delivered());
    }

    private static JsonObject strategy(String name, Class<?> type) {
        return new JsonObject().put("name", name).put("verticle", type.getName()).put("worker", true)
                .put("config", new JsonObject().put("name", name));
    }
}
