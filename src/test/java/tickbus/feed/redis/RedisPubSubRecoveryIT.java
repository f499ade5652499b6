package tickbus.feed.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tickbus.event.FeedState;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.event.MarketEvent;
import tickbus.testing.Await;
import tickbus.testing.RedisServerProcess;

/**
 * Losing the subscribed connection: redis-server killed with SIGKILL and restarted, and the subscriber killed with
 * CLIENT KILL. Each time the feed goes STALE, reconnects with backoff, SUBSCRIBEs every channel again, then is
 * LIVE; what was published meanwhile is gone, and counted from the publisher's sequence numbers.
 */
class RedisPubSubRecoveryIT {

    private static final List<String> SYMBOLS = List.of("AAA", "BBB", "CCC");

    private RedisFeedFixture fixture;

    @BeforeEach
    void start() {
        fixture = new RedisFeedFixture(RedisServerProcess.start());
        fixture.deploy(fixture.redisSettings(new JsonObject()));
        SYMBOLS.forEach(symbol -> fixture.subscribeAndAwaitActive("XSIM:" + symbol));
        publishQuotes(1, 5);
        awaitQuote(5);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void killNineAndRestartResubscribesEveryChannelAndCountsWhatWasPublishedMeanwhileAsLost() {
        fixture.redis.kill9();
        for (String symbol : SYMBOLS) {
            Await.until("STALE " + symbol, () -> !fixture.statuses("XSIM:" + symbol, InstrumentState.STALE).isEmpty());
        }
        for (long sequence = 6; sequence <= 10; sequence++) {
            long attempt = sequence;
            assertThrows(UncheckedIOException.class, () -> fixture.publish("md:AAA:quotes",
                    fixture.quote("AAA", attempt)), "the publisher cannot reach a dead server");
        }
        fixture.redis.restart();
        awaitReconnectedAndResubscribed();
        publishQuotes(11, 13);
        awaitQuote(13);

        for (String symbol : SYMBOLS) {
            String instrument = "XSIM:" + symbol;
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 11L, 12L, 13L), fixture.quoteSequences(instrument));
            List<InstrumentStatus> gaps = fixture.statuses(instrument, InstrumentState.GAP);
            assertEquals(1, gaps.size(), gaps.toString());
            assertEquals(List.of(6L, 10L), List.of(gaps.get(0).gapFrom(), gaps.get(0).gapTo()));
            assertStaleThenLiveThenGap(instrument);
        }
        assertEquals(3, fixture.harness.feed.metrics().gaps());
        assertEquals(15, fixture.harness.feed.metrics().gapMessages());
        assertTrue(fixture.harness.describeStates().matches(".*LIVE.*BACKING_OFF.*CONNECTING.*RECOVERING.*LIVE.*"),
                fixture.harness.describeStates());
    }

    @Test
    void clientKillOfThePubSubConnectionRecoversAndEveryMessageIsReceivedOrCountedLost() {
        assertEquals(1L, fixture.redis.command("CLIENT", "KILL", "TYPE", "pubsub"));
        publishQuotes(6, 20);
        awaitReconnectedAndResubscribed();
        publishQuotes(21, 25);
        awaitQuote(25);

        long lost = 0;
        for (String symbol : SYMBOLS) {
            String instrument = "XSIM:" + symbol;
            TreeSet<Long> accounted = new TreeSet<>(fixture.quoteSequences(instrument));
            assertEquals(fixture.quoteSequences(instrument).size(), accounted.size(), "no duplicates");
            for (InstrumentStatus gap : fixture.statuses(instrument, InstrumentState.GAP)) {
                for (long missing = gap.gapFrom(); missing <= gap.gapTo(); missing++) {
                    assertTrue(accounted.add(missing), "reported lost and received: " + missing);
                    lost++;
                }
            }
            assertEquals(LongStream.rangeClosed(1, 25).boxed().toList(), new ArrayList<>(accounted),
                    "every sequence number received or reported lost");
            assertStaleThenLive(instrument);
        }
        assertEquals(lost, fixture.harness.feed.metrics().gapMessages());
        assertEquals(1, fixture.harness.feed.metrics().disconnectsByReason().get("peer"));
    }

    /**
     * The publisher restarts while Redis is down, so its new message 1 is lost: the new run's messages still reach
     * the subscriber (whose duplicate filter the RESET clears), after a RESET and the GAP of message 1.
     */
    @Test
    void aPublisherRestartWhoseFirstMessageWasLostIsResetAndItsLossReported() {
        fixture.redis.kill9();
        Await.until("STALE AAA", () -> !fixture.statuses("XSIM:AAA", InstrumentState.STALE).isEmpty());
        assertThrows(UncheckedIOException.class, () -> fixture.publish("md:AAA:quotes", fixture.quote("AAA", 1)),
                "the restarted publisher cannot reach a dead server");
        fixture.redis.restart();
        awaitReconnectedAndResubscribed();
        fixture.publish("md:AAA:quotes", fixture.quote("AAA", 2));
        fixture.publish("md:AAA:quotes", fixture.quote("AAA", 3));
        Await.until("the new run's quote 3", java.time.Duration.ofSeconds(20),
                () -> fixture.quoteSequences("XSIM:AAA").size() == 7, () -> describe("XSIM:AAA").toString());

        assertEquals(List.of("QUOTE 1", "QUOTE 2", "QUOTE 3", "QUOTE 4", "QUOTE 5", "STATUS STALE", "STATUS LIVE",
                "STATUS RESET", "STATUS GAP 1..1", "QUOTE 2", "QUOTE 3"), describe("XSIM:AAA"));
        assertEquals(1, fixture.protocol.counters().publisherRestarts());
        assertEquals(List.of(1L, 1L), List.of(fixture.harness.feed.metrics().gaps(),
                fixture.harness.feed.metrics().gapMessages()));
    }

    private List<String> describe(String instrument) {
        List<String> events = new ArrayList<>();
        for (MarketEvent event : fixture.harness.received) {
            if (event.instrument().equals(instrument)) {
                events.add(event instanceof InstrumentStatus status ? "STATUS " + status.state()
                        + (status.state() == InstrumentState.GAP ? " " + status.gapFrom() + ".." + status.gapTo() : "")
                        : event.kind() + " " + event.sequence());
            }
        }
        return events;
    }

    private void awaitReconnectedAndResubscribed() {
        Await.until("reconnected and LIVE", java.time.Duration.ofSeconds(30),
                () -> fixture.harness.feed.metrics().connects() == 2
                        && fixture.harness.feed.metrics().state() == FeedState.LIVE, fixture.harness::describeStates);
        for (String symbol : SYMBOLS) {
            assertEquals(1, fixture.subscribers("md:" + symbol + ":quotes"), symbol + " quotes resubscribed");
            assertEquals(1, fixture.subscribers("md:" + symbol + ":trades"), symbol + " trades resubscribed");
        }
    }

    private void publishQuotes(long from, long to) {
        for (long sequence = from; sequence <= to; sequence++) {
            for (String symbol : SYMBOLS) {
                fixture.publish("md:" + symbol + ":quotes", fixture.quote(symbol, sequence));
            }
        }
    }

    private void awaitQuote(long sequence) {
        for (String symbol : SYMBOLS) {
            Await.until(symbol + " quote " + sequence, java.time.Duration.ofSeconds(20),
                    () -> fixture.quoteSequences("XSIM:" + symbol).contains(sequence),
                    () -> fixture.quoteSequences("XSIM:" + symbol).toString());
        }
    }

    private void assertStaleThenLive(String instrument) {
        List<InstrumentState> states = healthStates(instrument);
        int stale = states.indexOf(InstrumentState.STALE);
        assertTrue(stale >= 0 && states.subList(stale, states.size()).contains(InstrumentState.LIVE),
                instrument + ": " + states);
    }

    private void assertStaleThenLiveThenGap(String instrument) {
        List<InstrumentState> states = healthStates(instrument);
        assertEquals(List.of(InstrumentState.STALE, InstrumentState.LIVE, InstrumentState.GAP), states, instrument);
    }

    private List<InstrumentState> healthStates(String instrument) {
        List<InstrumentState> states = new ArrayList<>();
        for (MarketEvent event : fixture.harness.received) {
            if (event instanceof InstrumentStatus status && status.instrument().equals(instrument)) {
                states.add(status.state());
            }
        }
        return states;
    }
}
