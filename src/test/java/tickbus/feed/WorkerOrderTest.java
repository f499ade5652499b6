package tickbus.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.event.MarketEvent;
import tickbus.event.Quote;
import tickbus.testing.Await;
import tickbus.testing.FakeProtocol;
import tickbus.testing.FeedHarness;

/**
 * What the engine does in stream order with the parser worker behind the event loop: a session change's RESET
 * reaches subscribers after the old session's queued events and before the new session's (else the old events
 * re-seed the duplicate filter with their higher sequence numbers and the new session is dropped as duplicates),
 * and an {@code afterPublished} action runs only once every frame handed over before it was decoded.
 */
class WorkerOrderTest {

    private static final String INSTRUMENT = "XSIM:AAA";
    private static final byte OLD_SESSION = 1;
    private static final byte NEW_SESSION = 2;

    private final java.util.concurrent.atomic.AtomicLong decoded = new java.util.concurrent.atomic.AtomicLong();
    private final CountDownLatch workerHeld = new CountDownLatch(1);
    private final CountDownLatch releaseWorker = new CountDownLatch(1);

    /** Each frame's one byte names its session; it becomes a quote priced session × 1,000,000 + sequence. */
    private FrameDecoder oneQuotePerFrame(DecoderContext context) {
        return (sequence, receiveTimeNanos, frames, offset, length) -> {
            if (workerHeld.getCount() > 0) {
                workerHeld.countDown();
                await(releaseWorker);
            }
            decoded.incrementAndGet();
            long price = frames.getByte(offset) * 1_000_000L + sequence;
            context.sink().accept(new Quote(INSTRUMENT, "XSIM", context.settings().source(), sequence, 0,
                    receiveTimeNanos, 2, 0, price, 1, price + 1, 1));
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theResetFollowsTheOldSessionsQueuedEventsAndPrecedesTheNewSession() throws InterruptedException {
        try (FeedHarness harness = new FeedHarness()) {
            FakeProtocol protocol = deployConnected(harness);
            harness.subscribe(INSTRUMENT);
            Await.until(INSTRUMENT + " ACTIVE",
                    () -> harness.feed.subscriptionState(INSTRUMENT) == SubscriptionState.ACTIVE);

            CountDownLatch sessionChanged = new CountDownLatch(1);
            protocol.eventLoop.get().runOnContext(v -> {
                ConnectionContext connection = protocol.connection.get();
                frames(connection, OLD_SESSION, 300);
                connection.sessionChanged("session changed: from=S1, to=S2", 1);
                frames(connection, NEW_SESSION, 5);
                sessionChanged.countDown();
            });
            // The worker is held at the old session's first frame while the event loop changes the session.
            await(workerHeld);
            await(sessionChanged);
            releaseWorker.countDown();

            Await.until("the new session's five quotes", java.time.Duration.ofSeconds(20),
                    () -> quotes(harness, NEW_SESSION).size() == 5, () -> describe(harness.received).toString());
            List<String> order = describe(harness.received);
            assertEquals("S1#300", order.get(299), order.toString());
            assertEquals(List.of("RESET", "S2#1", "S2#2", "S2#3", "S2#4", "S2#5"), order.subList(300, 306));
            assertEquals(306, order.size(), order.toString());
        }
    }

    @Test
    void anAfterPublishedActionRunsOnTheEventLoopOnceEveryFrameBeforeItWasDecoded() throws InterruptedException {
        try (FeedHarness harness = new FeedHarness()) {
            FakeProtocol protocol = deployConnected(harness);
            List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
            protocol.eventLoop.get().runOnContext(v -> {
                ConnectionContext connection = protocol.connection.get();
                frames(connection, OLD_SESSION, 100);
                connection.afterPublished(() -> ran.add("decoded=" + decoded.get() + ", on the event loop="
                        + (io.vertx.core.Vertx.currentContext() == protocol.eventLoop.get())));
            });
            await(workerHeld);
            assertEquals(List.of(), ran, "ran while the worker still held the frames");
            releaseWorker.countDown();

            Await.until("the action ran", () -> !ran.isEmpty());
            assertEquals(List.of("decoded=100, on the event loop=true"), ran);
        }
    }

    private FakeProtocol deployConnected(FeedHarness harness) {
        FakeProtocol protocol = new FakeProtocol(1, this::oneQuotePerFrame);
        harness.deploy(harness.settings(new JsonObject()), protocol);
        Await.until("connected", () -> protocol.connection.get() != null);
        return protocol;
    }

    private static void frames(ConnectionContext connection, byte session, int count) {
        for (long sequence = 1; sequence <= count; sequence++) {
            connection.frame(sequence, Buffer.buffer(new byte[] {session}), 0, 1);
        }
        connection.endOfRead();
    }

    private static List<Quote> quotes(FeedHarness harness, byte session) {
        return harness.received.stream().filter(Quote.class::isInstance).map(Quote.class::cast)
                .filter(quote -> quote.bidPrice() / 1_000_000 == session).toList();
    }

    private static List<String> describe(List<MarketEvent> events) {
        List<String> described = new ArrayList<>();
        for (MarketEvent event : events) {
            if (event instanceof Quote quote) {
                described.add("S" + quote.bidPrice() / 1_000_000 + "#" + quote.sequence());
            } else if (event instanceof InstrumentStatus status && status.state() == InstrumentState.RESET) {
                described.add("RESET");
            }
        }
        return described;
    }
}
