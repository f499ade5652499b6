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
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.event.MarketEvent;
import tickbus.event.Quote;
import tickbus.event.Side;
import tickbus.event.Trade;
import tickbus.event.TradeType;
import tickbus.testing.Await;

/** A strategy that is behind holds a bounded queue, then learns what it skipped and gets the latest events. */
class SubscriptionReceiverTest {

    private static final int MAX_PENDING = 100;

    private final Vertx vertx = Vertx.vertx();
    private final Context strategyContext = vertx.getOrCreateContext();
    private final List<MarketEvent> delivered = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        Await.result(vertx.close());
    }

    private static Quote quote(long sequence) {
        return new Quote("XSIM:AAA", "XSIM", "sim", sequence, sequence, sequence, 4, 0, 1_000_000 + sequence, 100,
                1_000_100 + sequence, 100);
    }

    /** A quote of a new upstream session: same sequence numbers as the old one's, other prices. */
    private static Quote newSessionQuote(long sequence) {
        return new Quote("XSIM:AAA", "XSIM", "sim", sequence, sequence, sequence, 4, 0, 2_000_000 + sequence, 100,
                2_000_100 + sequence, 100);
    }

    private static Trade trade(long sequence, String tradeId, TradeType type) {
        return new Trade("XSIM:AAA", "XSIM", "sim", sequence, sequence, sequence, 4, 0, 1_000_000, 10, Side.BUY,
                tradeId, type);
    }

    private static InstrumentStatus reset() {
        return new InstrumentStatus("XSIM:AAA", "XSIM", "sim", 0, 0, 0, InstrumentState.RESET, 0, 0,
                "session changed");
    }

    private SubscriptionReceiver receiver(MarketData.Delivery delivery, int maxPending) {
        return new SubscriptionReceiver(strategyContext, delivery, delivered::add,
                new StrategyMetrics("slow", new SimpleMeterRegistry()), maxPending);
    }

    private static InstrumentStatus halted(long sequence) {
        return new InstrumentStatus("XSIM:AAA", "XSIM", "sim", sequence, sequence, sequence, InstrumentState.HALTED,
                0, 0, "halted by the venue");
    }

    private static InstrumentStatus status(long sequence, InstrumentState state) {
        return new InstrumentStatus("XSIM:AAA", "XSIM", "sim", sequence, sequence, sequence, state, 0, 0,
                "feed " + state);
    }

    private void whileTheStrategyIsBlocked(Runnable arrivals, int count) throws InterruptedException {
        BlockedStrategy.whileBlocked(strategyContext, arrivals, count + " deliveries", () -> delivered.size() >= count);
    }

    @Test
    void aBlockedStrategyHoldsAtMostMaxPendingThenLearnsWhatItSkipped() throws InterruptedException {
        SubscriptionReceiver receiver = new SubscriptionReceiver(strategyContext, MarketData.Delivery.EVERY,
                delivered::add, new StrategyMetrics("slow", new SimpleMeterRegistry()), MAX_PENDING);
        whileTheStrategyIsBlocked(() -> LongStream.rangeClosed(1, 1_000).forEach(sequence -> receiver.arrive(quote(sequence))),
                MAX_PENDING + 2);

        assertEquals(LongStream.rangeClosed(1, MAX_PENDING).boxed().toList(),
                List.copyOf(delivered).subList(0, MAX_PENDING).stream().map(MarketEvent::sequence).toList());
        InstrumentStatus gap = (InstrumentStatus) delivered.get(MAX_PENDING);
        assertEquals(InstrumentState.GAP, gap.state());
        assertEquals("strategy behind: skipped=899 events, maxPendingEvents=100; the latest of each kind follows",
                gap.reason());
        assertEquals(quote(1_000), delivered.get(MAX_PENDING + 1));
        assertEquals(MAX_PENDING + 2, delivered.size());
        assertEquals(899, receiver.conflated());
    }

    @Test
    void statusesAreNeverSkippedAndTheQueueRefillsAfterCatchingUp() throws InterruptedException {
        SubscriptionReceiver receiver = new SubscriptionReceiver(strategyContext, MarketData.Delivery.EVERY,
                delivered::add, new StrategyMetrics("slow", new SimpleMeterRegistry()), MAX_PENDING);
        whileTheStrategyIsBlocked(() -> {
            LongStream.rangeClosed(1, 500).forEach(sequence -> receiver.arrive(quote(sequence)));
            receiver.arrive(halted(501));
        }, MAX_PENDING + 3);
        assertTrue(delivered.contains(halted(501)), delivered::toString);

        receiver.arrive(quote(502));
        Await.until("quote 502 delivered in order", () -> delivered.contains(quote(502)));
        assertEquals(quote(502), delivered.get(delivered.size() - 1));
    }

    @Test
    void conflatedDeliveryKeepsTheNewestNotAReplayedOlderEvent() throws InterruptedException {
        SubscriptionReceiver receiver = new SubscriptionReceiver(strategyContext, MarketData.Delivery.CONFLATED,
                delivered::add, new StrategyMetrics("slow", new SimpleMeterRegistry()), MAX_PENDING);
        whileTheStrategyIsBlocked(() -> {
            receiver.arrive(quote(10));
            receiver.arrive(quote(12));
            receiver.arrive(quote(11));
        }, 1);
        assertEquals(List.of(quote(12)), delivered);
        assertEquals(1, receiver.conflated());
    }

    @Test
    void aStatusFollowsTheConflatedQuoteThatArrivedBeforeIt() throws InterruptedException {
        SubscriptionReceiver receiver = receiver(MarketData.Delivery.CONFLATED, MAX_PENDING);
        whileTheStrategyIsBlocked(() -> {
            receiver.arrive(quote(5));
            receiver.arrive(halted(6));
        }, 2);

        assertEquals(List.of(quote(5), halted(6)), delivered, "a pre-halt quote must not look like the latest");
    }

    @Test
    void conflatedOldSessionQuotesStayBeforeTheResetAndTheNewSessionFollows() throws InterruptedException {
        SubscriptionReceiver receiver = receiver(MarketData.Delivery.CONFLATED, MAX_PENDING);
        whileTheStrategyIsBlocked(() -> {
            receiver.arrive(quote(1_000));
            receiver.arrive(reset());
            receiver.arrive(newSessionQuote(1));
            receiver.arrive(newSessionQuote(2));
        }, 3);
        assertEquals(List.of(quote(1_000), reset(), newSessionQuote(2)), delivered);

        receiver.arrive(newSessionQuote(3));
        Await.until("the new session's quote 3", () -> delivered.contains(newSessionQuote(3)));
        assertEquals(4, delivered.size(), delivered::toString);
    }

    @Test
    void aStrategyBehindAcrossAResetEndsOnTheNewSession() throws InterruptedException {
        SubscriptionReceiver receiver = receiver(MarketData.Delivery.EVERY, MAX_PENDING);
        whileTheStrategyIsBlocked(() -> {
            LongStream.rangeClosed(1, 150).forEach(sequence -> receiver.arrive(quote(sequence)));
            receiver.arrive(reset());
            LongStream.rangeClosed(1, 5).forEach(sequence -> receiver.arrive(newSessionQuote(sequence)));
        }, MAX_PENDING + 5);

        List<MarketEvent> tail = List.copyOf(delivered).subList(MAX_PENDING, MAX_PENDING + 5);
        assertEquals(InstrumentState.GAP, ((InstrumentStatus) tail.get(0)).state());
        assertEquals(List.of(quote(150), reset()), tail.subList(1, 3));
        assertEquals(InstrumentState.GAP, ((InstrumentStatus) tail.get(3)).state());
        assertEquals(newSessionQuote(5), tail.get(4));
        receiver.arrive(newSessionQuote(6));
        Await.until("the new session's quote 6", () -> delivered.contains(newSessionQuote(6)));
        assertEquals(0, receiver.duplicatesDropped());
    }

    @Test
    void aConflatedSubscriptionStillGetsEveryTradeInOrderWithItsQuotes() throws InterruptedException {
        SubscriptionReceiver receiver = receiver(MarketData.Delivery.CONFLATED, MAX_PENDING);
        Trade trade = trade(2, "t7", TradeType.REGULAR);
        Trade broken = trade(4, "t7", TradeType.BROKEN);
        whileTheStrategyIsBlocked(() -> {
            receiver.arrive(quote(1));
            receiver.arrive(trade);
            receiver.arrive(quote(3));
            receiver.arrive(broken);
        }, 4);

        assertEquals(List.of(quote(1), trade, quote(3), broken), delivered);
    }

    @Test
    void tradesAConflatedSubscriptionCannotHoldAreReportedAsAGap() throws InterruptedException {
        SubscriptionReceiver receiver = receiver(MarketData.Delivery.CONFLATED, 2);
        whileTheStrategyIsBlocked(() -> LongStream.rangeClosed(1, 5)
                .forEach(sequence -> receiver.arrive(trade(sequence, "t" + sequence, TradeType.REGULAR))), 4);

        assertEquals(List.of(trade(1, "t1", TradeType.REGULAR), trade(2, "t2", TradeType.REGULAR)),
                delivered.subList(0, 2));
        InstrumentStatus gap = (InstrumentStatus) delivered.get(2);
        assertEquals(InstrumentState.GAP, gap.state());
        assertTrue(gap.reason().startsWith("strategy behind: skipped=2 events"), gap.reason());
        assertEquals(trade(5, "t5", TradeType.REGULAR), delivered.get(3));
    }

    private SubscriptionReceiver receiver(MarketData.Delivery delivery, int maxPending, int maxPendingStatuses) {
        return new SubscriptionReceiver(strategyContext, delivery, delivered::add,
                new StrategyMetrics("slow", new SimpleMeterRegistry()), maxPending, maxPendingStatuses);
    }

    private static InstrumentStatus gapAt(List<MarketEvent> events, int index) {
        InstrumentStatus gap = (InstrumentStatus) events.get(index);
        assertEquals(InstrumentState.GAP, gap.state(), gap::toString);
        return gap;
    }

    @Test
    void aStatusStormAgainstABlockedStrategyIsHeldWithinTheStatusBound() throws InterruptedException {
        SubscriptionReceiver receiver = receiver(MarketData.Delivery.EVERY, MAX_PENDING);
        int storm = 20_000;
        InstrumentStatus last = status(storm, InstrumentState.LIVE);
        whileTheStrategyIsBlocked(() -> LongStream.rangeClosed(1, storm).forEach(sequence -> receiver.arrive(
                status(sequence, sequence % 2 == 0 ? InstrumentState.LIVE : InstrumentState.STALE))), 1);
        Await.until("the latest status", () -> delivered.contains(last));

        int maxHeld = SubscriptionReceiver.MAX_PENDING_STATUSES + 2;
        assertTrue(delivered.size() <= maxHeld, "held=" + delivered.size() + ", maxHeld=" + maxHeld);
        assertEquals(maxHeld, delivered.size());
        int coalesced = storm - SubscriptionReceiver.MAX_PENDING_STATUSES - 1;
        assertEquals("strategy behind: skipped=0 events, coalescedStatuses=" + coalesced
                + ", maxPendingEvents=100, maxPendingStatuses=1024; the latest venue state, data health, reset and "
                + "the latest of each kind follow", gapAt(delivered, maxHeld - 2).reason());
        assertEquals(last, delivered.get(maxHeld - 1));
        assertEquals(coalesced, receiver.conflated());
    }

    @Test
    void aStatusStormBetweenConflatedQuotesHoldsEachStatusWithAtMostTheQuoteBeforeIt() throws InterruptedException {
        SubscriptionReceiver receiver = receiver(MarketData.Delivery.CONFLATED, MAX_PENDING);
        int storm = 20_000;
        InstrumentStatus last = status(storm, InstrumentState.LIVE);
        whileTheStrategyIsBlocked(() -> LongStream.rangeClosed(1, storm).forEach(sequence -> {
            receiver.arrive(quote(sequence));
            receiver.arrive(status(sequence, sequence % 2 == 0 ? InstrumentState.LIVE : InstrumentState.STALE));
        }), 1);
        Await.until("the latest status", () -> delivered.contains(last));

        int maxHeld = 2 * SubscriptionReceiver.MAX_PENDING_STATUSES + 3;
        assertTrue(delivered.size() <= maxHeld, "held=" + delivered.size() + ", maxHeld=" + maxHeld);
        assertEquals(List.of(quote(storm), last), delivered.subList(delivered.size() - 2, delivered.size()));
    }

    @Test
    void coalescedStatusesKeepTheLatestVenueStateAndDataHealth() throws InterruptedException {
        SubscriptionReceiver receiver = receiver(MarketData.Delivery.EVERY, MAX_PENDING, 1);
        whileTheStrategyIsBlocked(() -> {
            receiver.arrive(status(1, InstrumentState.LIVE));
            receiver.arrive(status(2, InstrumentState.HALTED));
            receiver.arrive(status(3, InstrumentState.STALE));
            receiver.arrive(status(4, InstrumentState.LIVE));
        }, 4);

        assertEquals(List.of(status(1, InstrumentState.LIVE), status(2, InstrumentState.HALTED),
                status(4, InstrumentState.LIVE)), List.of(delivered.get(0), delivered.get(2), delivered.get(3)));
        assertTrue(gapAt(delivered, 1).reason().contains("coalescedStatuses=1,"), delivered::toString);
        assertEquals(4, delivered.size(), delivered::toString);
    }

    @Test
    void eventsAfterACoalescedStatusNeverOvertakeIt() throws InterruptedException {
        SubscriptionReceiver receiver = receiver(MarketData.Delivery.EVERY, MAX_PENDING, 1);
        whileTheStrategyIsBlocked(() -> {
            receiver.arrive(status(1, InstrumentState.LIVE));
            receiver.arrive(quote(2));
            receiver.arrive(halted(3));
            receiver.arrive(quote(4));
            receiver.arrive(status(5, InstrumentState.TRADING));
            receiver.arrive(quote(6));
        }, 5);

        assertEquals(List.of(status(1, InstrumentState.LIVE), quote(2)), delivered.subList(0, 2));
        assertTrue(gapAt(delivered, 2).reason().startsWith("strategy behind: skipped=1 events, coalescedStatuses=1,"),
                delivered::toString);
        assertEquals(List.of(status(5, InstrumentState.TRADING), quote(6)), delivered.subList(3, 5));
        assertEquals(2, receiver.conflated());

        receiver.arrive(quote(7));
        Await.until("quote 7 delivered in order", () -> delivered.contains(quote(7)));
        assertEquals(6, delivered.size(), delivered::toString);
    }

    @Test
    void aCoalescedResetIsDeliveredAndTheNewSessionReplacesTheOldOnesQuote() throws InterruptedException {
        SubscriptionReceiver receiver = receiver(MarketData.Delivery.EVERY, 1, 1);
        whileTheStrategyIsBlocked(() -> {
            receiver.arrive(status(1, InstrumentState.LIVE));
            receiver.arrive(quote(1_000));
            receiver.arrive(reset());
            receiver.arrive(newSessionQuote(1));
            receiver.arrive(status(2, InstrumentState.LIVE));
            receiver.arrive(newSessionQuote(2));
        }, 5);

        assertEquals(status(1, InstrumentState.LIVE), delivered.get(0));
        gapAt(delivered, 1);
        assertEquals(List.of(reset(), status(2, InstrumentState.LIVE), newSessionQuote(2)), delivered.subList(2, 5));

        receiver.arrive(newSessionQuote(3));
        Await.until("the new session's quote 3", () -> delivered.contains(newSessionQuote(3)));
        assertEquals(0, receiver.duplicatesDropped());
    }

    @Test
    void aRepeatedEventWhileBehindIsADuplicateNotAnEventSkipped() throws InterruptedException {
        SubscriptionReceiver receiver = receiver(MarketData.Delivery.EVERY, MAX_PENDING);
        whileTheStrategyIsBlocked(() -> {
            LongStream.rangeClosed(1, 110).forEach(sequence -> receiver.arrive(quote(sequence)));
            receiver.arrive(quote(105));
        }, MAX_PENDING + 2);

        assertTrue(gapAt(delivered, MAX_PENDING).reason().startsWith("strategy behind: skipped=9 events,"),
                "quotes 101 to 109 are the ones it will never see: " + delivered.get(MAX_PENDING));
        assertEquals(quote(110), delivered.get(MAX_PENDING + 1));
        assertEquals(1, receiver.duplicatesDropped());
    }

    @Test
    void aHandlerThatOverflowsItsStackIsCountedAndTheSubscriptionKeepsReceiving() throws InterruptedException {
        StrategyMetrics metrics = new StrategyMetrics("recursive", new SimpleMeterRegistry());
        SubscriptionReceiver receiver = new SubscriptionReceiver(strategyContext, MarketData.Delivery.EVERY, event -> {
            if (event.sequence() == 1) {
                throw new StackOverflowError();
            }
            delivered.add(event);
        }, metrics, MAX_PENDING);
        receiver.arrive(quote(1));
        CountDownLatch drained = new CountDownLatch(1);
        strategyContext.runOnContext(v -> drained.countDown());
        assertTrue(drained.await(20, TimeUnit.SECONDS), "strategy context never ran");
        receiver.arrive(quote(2));

        Await.until("quote 2 after the failure", java.time.Duration.ofSeconds(5), () -> delivered.contains(quote(2)),
                () -> "failures=" + metrics.handlerFailures());
        assertEquals(1, metrics.handlerFailures());
    }
}
