package tickbus.feed.soupbintcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import tickbus.event.FeedState;
import tickbus.event.MarketEvent;
import tickbus.event.Quote;
import tickbus.event.Trade;
import tickbus.sim.itch.ItchOrderFlow;
import tickbus.testing.Await;
import tickbus.testing.FaultProxy;
import tickbus.testing.ItchFlowGenerator;

/**
 * Fault scenario 15, a slow link rather than a dead one, through {@link FaultProxy} between the simulator and the
 * feed, in real time (the toxics are real time, so the feed's clock is too): latency and jitter below the heartbeat
 * timeout shift when events arrive by the injected amount and never time out; a bandwidth cap slows the session
 * without a timeout or a loss; latency above the timeout is a silent server, left and rejoined without a loss.
 */
class SlowLinkIT {

    private static final long LATENCY_MILLIS = 300;
    private static final long JITTER_MILLIS = 50;

    @Test
    void latencyBelowTheHeartbeatTimeoutShiftsArrivalsByTheInjectedAmountAndNeverTimesOut() {
        try (ItchFeedScenario scenario = new ItchFeedScenario(InstantSource.system())) {
            scenario.startSim(new ItchOrderFlow(List.of("AAA", "BBB"), 7, 0, 1),
                    new JsonObject().put("messagesPerSecond", 2_000).put("totalMessages", 0));
            FaultProxy proxy = Await.result(FaultProxy.start(scenario.harness.vertx, scenario.sim.port()));
            scenario.subscribe("XNAS:AAA");
            scenario.deployFeed(proxy.port(), new JsonObject(), new JsonObject().put("heartbeatTimeoutMillis", 2_000));
            scenario.harness.awaitState(FeedState.LIVE);

            long before = medianTransitMillis(scenario, 200);
            proxy.latency(LATENCY_MILLIS, JITTER_MILLIS);
            long toxicFromNanos = System.currentTimeMillis() * 1_000_000;
            // Events sent from here on crossed the slow link; wait for 2.5 s of them, longer than the timeout.
            int first = scenario.harness.received.size();
            Await.until("2.5 s of events sent through the latency", Duration.ofSeconds(30),
                    () -> lastExchangeTime(scenario) > toxicFromNanos + 2_500_000_000L);
            List<MarketEvent> slowed = since(scenario, first)
                    .stream().filter(event -> event.exchangeTimeNanos() > toxicFromNanos).toList();
            long after = median(slowed.stream().mapToLong(SlowLinkIT::transitMillis).sorted().toArray());

            long shift = after - before;
            assertTrue(shift >= LATENCY_MILLIS - JITTER_MILLIS && shift <= LATENCY_MILLIS + JITTER_MILLIS + 150,
                    "median transit before=" + before + " ms, after=" + after + " ms, shift=" + shift
                            + " ms; injected " + LATENCY_MILLIS + " ± " + JITTER_MILLIS + " ms");
            assertTrue(proxy.delayedChunks() > 0, "the toxic held chunks back");
            assertEquals(0, scenario.feed.metrics().heartbeatTimeouts(), "a slow link is not a silent one");
            assertEquals(1, scenario.sim.stats().logins(), scenario.sim.stats().toString());
            assertInOrderOnce(data(scenario.harness.received));
        }
    }

    @Test
    void aBandwidthCapSlowsTheSessionWithoutATimeoutOrALoss() {
        ItchFlowGenerator flow = new ItchFlowGenerator(23, 3);
        List<byte[]> messages = flow.messages(20_000);
        try (ItchFeedScenario scenario = new ItchFeedScenario(InstantSource.system())) {
            scenario.startSim(messages, new JsonObject());
            FaultProxy proxy = Await.result(FaultProxy.start(scenario.harness.vertx, scenario.sim.port()));
            long bytesPerSecond = 200_000;
            proxy.bandwidth(bytesPerSecond);
            scenario.subscribe("XNAS:SYM1", "XNAS:SYM2", "XNAS:SYM3");
            long startNanos = System.nanoTime();
            scenario.deployFeed(proxy.port(), new JsonObject(), new JsonObject().put("heartbeatTimeoutMillis", 1_000));

            scenario.awaitDecoded(messages.size());
            long elapsedMillis = (System.nanoTime() - startNanos) / 1_000_000;
            long capMillis = scenario.sim.streamBytes() * 1_000 / bytesPerSecond;
            assertTrue(elapsedMillis >= capMillis * 8 / 10, "the cap held the session back: elapsed=" + elapsedMillis
                    + " ms, streamBytes=" + scenario.sim.streamBytes() + ", at the cap " + capMillis + " ms");
            assertTrue(capMillis > 3 * 1_000, "the capped session outlasts the heartbeat timeout: " + capMillis);
            scenario.assertEveryTradeOnceInOrder(flow, "XNAS:SYM1", "XNAS:SYM2", "XNAS:SYM3");
            assertEquals(0, scenario.feed.metrics().heartbeatTimeouts(), "a slow link is not a silent one");
            assertEquals(1, scenario.sim.stats().logins(), scenario.sim.stats().toString());
        }
    }

    @Test
    void latencyAboveTheHeartbeatTimeoutIsASilentServerLeftAndRejoinedWithoutALoss() {
        ItchFlowGenerator flow = new ItchFlowGenerator(29, 2);
        List<byte[]> messages = flow.messages(8_000);
        try (ItchFeedScenario scenario = new ItchFeedScenario(InstantSource.system())) {
            scenario.startSim(messages, new JsonObject().put("messagesPerSecond", 2_000));
            FaultProxy proxy = Await.result(FaultProxy.start(scenario.harness.vertx, scenario.sim.port()));
            scenario.subscribe("XNAS:SYM1", "XNAS:SYM2");
            scenario.deployFeed(proxy.port(), new JsonObject(), new JsonObject().put("heartbeatTimeoutMillis", 1_000));
            Await.until("a quarter of the session decoded", Duration.ofSeconds(30),
                    () -> scenario.protocol.decodedMessages() >= messages.size() / 4);

            proxy.latency(3_000, 0);
            Await.until("a heartbeat timeout", Duration.ofSeconds(30),
                    () -> scenario.feed.metrics().heartbeatTimeouts() >= 1);
            proxy.clear();

            scenario.awaitDecoded(messages.size());
            scenario.assertEveryTradeOnceInOrder(flow, "XNAS:SYM1", "XNAS:SYM2");
            scenario.harness.awaitState(FeedState.LIVE);
            assertTrue(scenario.sim.stats().logins() >= 2, scenario.sim.stats().toString());
            assertEquals(0, scenario.feed.metrics().duplicates(), "each relogin resumed after the last processed");
        }
    }

    /** Waits for {@code count} more events, returns the median of their transit times. */
    private static long medianTransitMillis(ItchFeedScenario scenario, int count) {
        int first = scenario.harness.received.size();
        Await.until(count + " events", Duration.ofSeconds(30),
                () -> since(scenario, first).size() >= count);
        return median(since(scenario, first).stream()
                .limit(count).mapToLong(SlowLinkIT::transitMillis).sorted().toArray());
    }

    /** From the simulator's ITCH timestamp (when it wrote the message) to the feed's receive time. */
    private static long transitMillis(MarketEvent event) {
        return (event.receiveTimeNanos() - event.exchangeTimeNanos()) / 1_000_000;
    }

    private static long lastExchangeTime(ItchFeedScenario scenario) {
        List<MarketEvent> received = data(scenario.harness.received);
        return received.isEmpty() ? 0 : received.get(received.size() - 1).exchangeTimeNanos();
    }

    /** Quotes and trades received from index {@code first} on, copied (the list grows while the test reads it). */
    private static List<MarketEvent> since(ItchFeedScenario scenario, int first) {
        List<MarketEvent> received = List.copyOf(scenario.harness.received);
        return data(received.subList(first, received.size()));
    }

    /** Quotes and trades: the events stamped with the venue's time. */
    private static List<MarketEvent> data(List<MarketEvent> events) {
        return events.stream().filter(event -> event instanceof Quote || event instanceof Trade).toList();
    }

    private static long median(long[] sorted) {
        assertTrue(sorted.length > 0, "no events to take a median of");
        return sorted[sorted.length / 2];
    }

    private static void assertInOrderOnce(List<MarketEvent> events) {
        long quoteSequence = 0;
        long tradeSequence = 0;
        for (MarketEvent event : events) {
            boolean trade = event instanceof Trade;
            long previous = trade ? tradeSequence : quoteSequence;
            assertTrue(event.sequence() > previous, "out of order or twice: " + event);
            if (trade) {
                tradeSequence = event.sequence();
            } else {
                quoteSequence = event.sequence();
            }
        }
    }
}
