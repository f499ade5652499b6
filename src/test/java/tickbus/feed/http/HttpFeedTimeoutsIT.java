package tickbus.feed.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tickbus.event.BookUpdate;
import tickbus.event.FeedState;
import tickbus.feed.SubscriptionState;
import tickbus.sim.fixml.FixmlSimSettings;
import tickbus.sim.fixml.SimFault;
import tickbus.testing.Await;

/**
 * The limits a long poll needs and the Web Client lacks: a stalled body times out and the next poll starts, a
 * body that trickles forever meets the total deadline, pooled connections are reused between polls and none is
 * leaked by a failed one, and stopping the feed cancels the poll the server is holding.
 */
class HttpFeedTimeoutsIT {

    private static final String INSTRUMENT = HttpFeedFixture.instrument("SIM001");

    @Test
    void aStalledOrEndlessBodyEndsThePollTheNextOneStartsAndNoConnectionLeaks() {
        try (HttpFeedFixture fixture = new HttpFeedFixture(FixmlSimSettings.forTests(1, 100_000, 50))) {
            fixture.deploy(new JsonObject().put("pollTimeoutMillis", 700));
            BookUpdate snapshot = followAndAwaitSnapshot(fixture);
            HttpPollCounters counters = fixture.protocol.counters();

            long opened = counters.connectionsOpened();
            long answered = counters.documents();
            for (int i = 0; i < 20; i++) {
                fixture.server.generate(3);
                awaitCaughtUp(fixture);
            }
            assertTrue(counters.documents() >= answered + 20, "documents=" + counters.documents());
            assertEquals(opened, counters.connectionsOpened(), "polls reuse the pooled connection");

            for (int i = 0; i < 5; i++) {
                commit(fixture, SimFault.stallMidBody(), i + 1);
            }
            for (int i = 0; i < 3; i++) {
                commit(fixture, SimFault.neverEndingBody(8, 20), 6 + i);
            }
            assertTrue(counters.failures("idle-timeout") >= 5, counters.failures().toString());
            assertTrue(counters.failures("deadline") >= 3, counters.failures().toString());
            assertTrue(counters.connectionsOpened() >= opened + 8, "each failed poll's connection was closed");
            Await.until("the pool back to the one connection of the poll in flight", Duration.ofSeconds(20),
                    () -> counters.connectionsOpen() == 1 && fixture.server.openConnections() == 1
                            && counters.requestsInFlight() == 1,
                    () -> "client open=" + counters.connectionsOpen() + ", server open="
                            + fixture.server.openConnections() + ", in flight=" + counters.requestsInFlight());
            long last = fixture.server.generate(20);
            long lastOfInstrument = fixture.incrementPositions("SIM001", snapshot.sequence()).stream()
                    .mapToLong(Long::longValue).max().orElseThrow();
            assertTrue(lastOfInstrument <= last);
            fixture.awaitUpdate(INSTRUMENT, snapshot, lastOfInstrument);
            assertEquals(fixture.incrementPositions("SIM001", snapshot.sequence()),
                    fixture.updateSequencesAfter(INSTRUMENT, snapshot));
        }
    }

    @Test
    void stoppingTheFeedCancelsThePollTheServerHolds() {
        try (HttpFeedFixture fixture = new HttpFeedFixture(FixmlSimSettings.forTests(1, 1_000, 50))) {
            fixture.deploy(new JsonObject().put("waitMillis", 25_000).put("pollTimeoutMillis", 30_000)
                    .put("idleTimeoutMillis", 5_000), new JsonObject().put("heartbeatTimeoutMillis", 60_000));
            fixture.harness.awaitState(FeedState.LIVE);
            Await.until("a poll held by the server", () -> fixture.server.polls().stream()
                    .anyMatch(poll -> poll.waitMillis() == 25_000) && fixture.server.openConnections() == 1);

            long started = System.nanoTime();
            fixture.harness.undeploy();
            Await.until("the server sees the connection closed", Duration.ofSeconds(2),
                    () -> fixture.server.openConnections() == 0);
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertTrue(elapsedMillis < 2_000, "stopped in " + elapsedMillis + " ms, not after the 25 s hold");
            HttpPollCounters counters = fixture.protocol.counters();
            Await.until("no request in flight, no connection open",
                    () -> counters.requestsInFlight() == 0 && counters.connectionsOpen() == 0);
            fixture.harness.awaitState(FeedState.STOPPED);
        }
    }

    private static BookUpdate followAndAwaitSnapshot(HttpFeedFixture fixture) {
        fixture.follow(INSTRUMENT);
        Await.until("ACTIVE", () -> fixture.feed.subscriptionState(INSTRUMENT) == SubscriptionState.ACTIVE);
        Await.until("snapshot", () -> !fixture.snapshots(INSTRUMENT).isEmpty());
        return fixture.snapshots(INSTRUMENT).get(0);
    }

    private static void commit(HttpFeedFixture fixture, SimFault fault, long committed) {
        fixture.server.faults().add(fault);
        fixture.server.generate(5);
        Await.until("fault " + committed + " committed", () -> fixture.server.faults().committed() == committed);
        awaitCaughtUp(fixture);
    }

    private static void awaitCaughtUp(HttpFeedFixture fixture) {
        long head = fixture.server.head();
        Await.until("a poll from head=" + head, () -> fixture.server.polls().stream()
                .anyMatch(poll -> poll.cursor() == head));
    }
}
