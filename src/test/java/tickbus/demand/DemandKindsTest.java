package tickbus.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tickbus.event.EventKind;

/** Demand per event kind on one node: what feeds publish, beside the per-instrument demand they subscribe by. */
class DemandKindsTest {

    private static final String AAPL = "XNAS:AAPL";

    private Vertx vertx;
    private DemandRegistry demand;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        demand = new DemandRegistry(vertx);
        demand.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aKindIsWantedFromTheMomentAcquireReturnsAndOnlyThatKind() throws Exception {
        Future<Void> acquired = demand.acquire(AAPL, EnumSet.of(EventKind.QUOTE, EventKind.STATUS));
        assertTrue(demand.isDemanded(AAPL, EventKind.QUOTE), "wanted before the cluster map write completes");
        assertTrue(demand.isDemanded(AAPL, EventKind.STATUS));
        assertFalse(demand.isDemanded(AAPL, EventKind.BOOK));
        assertFalse(demand.isDemanded(AAPL, EventKind.TRADE));
        await(acquired);
        assertTrue(demand.isDemanded(AAPL));
        assertEquals(1, demand.localCount(AAPL));
    }

    @Test
    void kindsAreCountedApartAndTheInstrumentStaysWantedWhileAnyKindIs() throws Exception {
        Set<EventKind> quotes = EnumSet.of(EventKind.QUOTE, EventKind.STATUS);
        Set<EventKind> books = EnumSet.of(EventKind.BOOK, EventKind.STATUS);
        await(demand.acquire(AAPL, quotes));
        await(demand.acquire(AAPL, books));
        assertEquals(2, demand.localCount(AAPL));
        await(demand.release(AAPL, quotes));
        assertFalse(demand.isDemanded(AAPL, EventKind.QUOTE));
        assertTrue(demand.isDemanded(AAPL, EventKind.BOOK));
        assertTrue(demand.isDemanded(AAPL, EventKind.STATUS), "still held by the book subscription");
        assertTrue(demand.isDemanded(AAPL));
        await(demand.release(AAPL, books));
        for (EventKind kind : EventKind.values()) {
            assertFalse(demand.isDemanded(AAPL, kind), kind.name());
        }
        assertFalse(demand.isDemanded(AAPL));
    }

    @Test
    void demandWithoutKindsIsForEveryKind() throws Exception {
        await(demand.acquire(AAPL));
        for (EventKind kind : EventKind.values()) {
            assertTrue(demand.isDemanded(AAPL, kind), kind.name());
        }
        await(demand.release(AAPL));
        assertFalse(demand.isDemanded(AAPL, EventKind.QUOTE));
    }

    @Test
    void releasingAKindNeverAcquiredFailsNamingItAndChangesNothing() throws Exception {
        await(demand.acquire(AAPL, EnumSet.of(EventKind.QUOTE)));
        Throwable failure = demand.release(AAPL, EnumSet.of(EventKind.TRADE)).cause();
        assertEquals("release without acquire: instrument=XNAS:AAPL, kind=TRADE, node=local", failure.getMessage());
        assertTrue(demand.isDemanded(AAPL, EventKind.QUOTE));
        assertEquals(1, demand.localCount(AAPL));
        assertEquals("demand names no event kind: instrument=XNAS:AAPL, node=local",
                demand.acquire(AAPL, EnumSet.noneOf(EventKind.class)).cause().getMessage());
    }

    private static void await(Future<Void> future) throws Exception {
        future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
