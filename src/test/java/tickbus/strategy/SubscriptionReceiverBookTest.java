package tickbus.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tickbus.event.BookLevel;
import tickbus.event.BookUpdate;
import tickbus.event.MarketEvent;
import tickbus.testing.Await;

/** Book updates are increments: what a subscription keeps or drops must leave the strategy a true book. */
class SubscriptionReceiverBookTest {

    private final Vertx vertx = Vertx.vertx();
    private final Context strategyContext = vertx.getOrCreateContext();
    private final List<MarketEvent> delivered = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        Await.result(vertx.close());
    }

    private static BookUpdate book(long sequence, boolean snapshot, List<BookLevel> bids, List<BookLevel> asks) {
        return new BookUpdate("XSIM:AAA", "XSIM", "sim", sequence, sequence, sequence, 4, 0, snapshot, bids, asks);
    }

    private SubscriptionReceiver receiver(MarketData.Delivery delivery) {
        return new SubscriptionReceiver(strategyContext, delivery, delivered::add,
                new StrategyMetrics("books", new SimpleMeterRegistry()), 100);
    }

    private void whileTheStrategyIsBlocked(Runnable arrivals, int count) throws InterruptedException {
        BlockedStrategy.whileBlocked(strategyContext, arrivals, count + " deliveries", () -> delivered.size() >= count);
    }

    @Test
    void conflatedBookIncrementsAddUpToTheBookTheyWouldHaveBuilt() throws InterruptedException {
        SubscriptionReceiver receiver = receiver(MarketData.Delivery.CONFLATED);
        whileTheStrategyIsBlocked(() -> {
            receiver.arrive(book(1, true, List.of(new BookLevel(100, 5), new BookLevel(99, 7)),
                    List.of(new BookLevel(101, 3))));
            receiver.arrive(book(2, false, List.of(new BookLevel(99, 0)), List.of(new BookLevel(102, 4))));
            receiver.arrive(book(3, false, List.of(new BookLevel(100, 6)), List.of()));
        }, 1);

        assertEquals(List.of(book(3, true, List.of(new BookLevel(100, 6)),
                List.of(new BookLevel(101, 3), new BookLevel(102, 4)))), delivered);
    }

    @Test
    void aSnapshotAsOfTheLastIncrementDeliveredStillReachesTheStrategy() throws InterruptedException {
        SubscriptionReceiver receiver = receiver(MarketData.Delivery.EVERY);
        BookUpdate increment = book(7, false, List.of(new BookLevel(100, 6)), List.of());
        BookUpdate snapshot = book(7, true, List.of(new BookLevel(100, 6), new BookLevel(99, 7)),
                List.of(new BookLevel(101, 3)));
        CountDownLatch received = new CountDownLatch(1);
        strategyContext.runOnContext(v -> {
            receiver.receive(increment);
            receiver.receive(snapshot);
            received.countDown();
        });

        assertTrue(received.await(20, TimeUnit.SECONDS), "strategy context never ran");
        assertEquals(List.of(increment, snapshot), delivered, "the increment alone is not the book");
    }
}
