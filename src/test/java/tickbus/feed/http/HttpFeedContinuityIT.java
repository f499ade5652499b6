package tickbus.feed.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tickbus.event.BookUpdate;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.event.MarketEvent;
import tickbus.feed.SubscriptionState;
import tickbus.sim.fixml.FixmlSimSettings;
import tickbus.sim.fixml.SimFault;
import tickbus.testing.Await;

/**
 * Cursor continuity through the real HTTP path: every update of a followed instrument arrives exactly once and in
 * order across 20 faults of each kind and a restart that keeps the log; a restart that loses the log, and a cursor
 * that fell out of the replay window, end in a snapshot and a GAP naming exactly the positions skipped.
 */
class HttpFeedContinuityIT {

    private static final int FAULTS_PER_KIND = 20;
    private static final String FIRST = HttpFeedFixture.instrument("SIM001");
    private static final String SECOND = HttpFeedFixture.instrument("SIM002");

    @Test
    void everyUpdateArrivesOnceInOrderAcrossTwentyFaultsOfEachKindAndARestart() {
        try (HttpFeedFixture fixture = new HttpFeedFixture(FixmlSimSettings.forTests(3, 1_000_000, 40))) {
            fixture.deploy(new JsonObject().put("maxResponseBytes", 64 * 1024));
            BookUpdate firstSnapshot = followAndAwaitSnapshot(fixture, FIRST);
            BookUpdate secondSnapshot = followAndAwaitSnapshot(fixture, SECOND);
            List<SimFault> faults = new ArrayList<>();
            for (int i = 0; i < FAULTS_PER_KIND; i++) {
                faults.add(SimFault.serverError());
                faults.add(SimFault.tooManyRequests("0"));
                faults.add(SimFault.serviceUnavailable("0"));
                faults.add(SimFault.stallMidBody());
                faults.add(SimFault.connectionReset());
                faults.add(SimFault.neverEndingBody(16 * 1024, 1));
            }
            Collections.shuffle(faults, new Random(5));
            for (int i = 0; i < faults.size(); i++) {
                fixture.server.faults().add(faults.get(i));
                fixture.server.generate(15);
                long committed = i + 1;
                Await.until("fault " + committed + " committed", () -> fixture.server.faults().committed() == committed);
                awaitCaughtUp(fixture);
                if (i == faults.size() / 2) {
                    restartKeepingTheLog(fixture);
                }
            }
            long last = fixture.server.generate(30);

            assertEveryUpdateOnceInOrder(fixture, FIRST, firstSnapshot, last);
            assertEveryUpdateOnceInOrder(fixture, SECOND, secondSnapshot, last);
            Map<String, Long> failures = fixture.protocol.counters().failures();
            for (String kind : List.of("status-500", "status-429", "status-503", "idle-timeout", "reset",
                    "body-too-large")) {
                assertTrue(failures.getOrDefault(kind, 0L) >= FAULTS_PER_KIND, kind + " in " + failures);
            }
            assertEquals(0, fixture.feed.metrics().gaps(), "gaps");
            assertEquals(0, fixture.feed.metrics().duplicates(), "duplicates");
            assertEquals(List.of(), fixture.statuses(FIRST, InstrumentState.GAP));
        }
    }

    @Test
    void aRestartThatLosesTheLogResetsThenSnapshotsWithAGapOfTheNewLogsSkippedPositions() {
        try (HttpFeedFixture fixture = new HttpFeedFixture(FixmlSimSettings.forTests(2, 100_000, 50))) {
            fixture.deploy(new JsonObject());
            BookUpdate first = followAndAwaitSnapshot(fixture, FIRST);
            assertEveryUpdateOnceInOrder(fixture, FIRST, first, fixture.server.generate(100));
            String oldLog = fixture.server.logId();
            Await.result(fixture.server.stop());
            fixture.server.loseState();
            long skipped = fixture.server.generate(30);
            Await.result(fixture.server.start());

            Await.until("a second snapshot", () -> fixture.snapshots(FIRST).size() == 2);
            InstrumentStatus reset = fixture.statuses(FIRST, InstrumentState.RESET).get(0);
            assertTrue(reset.reason().contains("server log changed: from=" + oldLog), reset.reason());
            InstrumentStatus gap = fixture.statuses(FIRST, InstrumentState.GAP).get(0);
            assertEquals(List.of(1L, skipped), List.of(gap.gapFrom(), gap.gapTo()), gap.reason());
            BookUpdate second = fixture.snapshots(FIRST).get(1);
            assertEquals(skipped + 1, second.sequence());
            List<MarketEvent> events = fixture.events(FIRST);
            assertTrue(events.indexOf(reset) < events.indexOf(gap) && events.indexOf(gap) < events.indexOf(second),
                    "RESET, then GAP, then the snapshot");
            assertEveryUpdateOnceInOrder(fixture, FIRST, second, fixture.server.generate(60));
        }
    }

    @Test
    void aCursorOutsideTheReplayWindowEndsInASnapshotAndAGapOfExactlyTheSkippedPositions() {
        try (HttpFeedFixture fixture = new HttpFeedFixture(FixmlSimSettings.forTests(1, 100, 50))) {
            fixture.deploy(new JsonObject());
            followAndAwaitSnapshot(fixture, FIRST);
            long caughtUp = fixture.server.generate(40);
            awaitCaughtUp(fixture);
            Await.result(fixture.server.stop());
            long overrun = fixture.server.generate(500);
            Await.result(fixture.server.start());

            Await.until("a second snapshot", () -> fixture.snapshots(FIRST).size() == 2);
            InstrumentStatus gap = fixture.statuses(FIRST, InstrumentState.GAP).get(0);
            assertEquals(List.of(caughtUp + 1, overrun), List.of(gap.gapFrom(), gap.gapTo()), gap.reason());
            BookUpdate second = fixture.snapshots(FIRST).get(1);
            assertEquals(overrun + 1, second.sequence());
            assertEquals(1, fixture.protocol.counters().failures("cursor-not-held"));
            assertEveryUpdateOnceInOrder(fixture, FIRST, second, fixture.server.generate(50));
        }
    }

    private static BookUpdate followAndAwaitSnapshot(HttpFeedFixture fixture, String instrument) {
        fixture.follow(instrument);
        Await.until(instrument + " ACTIVE", () -> fixture.feed.subscriptionState(instrument) == SubscriptionState.ACTIVE);
        Await.until(instrument + " snapshot", () -> !fixture.snapshots(instrument).isEmpty());
        return fixture.snapshots(instrument).get(0);
    }

    /**
     * Waits for a poll from the log's head: the feed has processed everything, so the next fault meets a fresh
     * cursor (two body faults in a row at one cursor would look like one document failing twice).
     */
    private static void awaitCaughtUp(HttpFeedFixture fixture) {
        long head = fixture.server.head();
        Await.until("a poll from head=" + head, () -> fixture.server.polls().stream()
                .anyMatch(poll -> poll.cursor() == head));
    }

    private static void restartKeepingTheLog(HttpFeedFixture fixture) {
        String log = fixture.server.logId();
        Await.result(fixture.server.stop());
        fixture.server.generate(25);
        Await.result(fixture.server.start());
        assertEquals(log, fixture.server.logId());
    }

    /**
     * The level updates and trades that arrived after {@code snapshot} are exactly the log's positions of the
     * instrument after the snapshot's, through {@code last}.
     */
    private static void assertEveryUpdateOnceInOrder(HttpFeedFixture fixture, String instrument, BookUpdate snapshot,
            long last) {
        String symbol = instrument.substring(instrument.indexOf(':') + 1);
        List<Long> expected = fixture.incrementPositions(symbol, snapshot.sequence());
        assertTrue(expected.size() > 20, "too few updates to prove anything: " + expected.size());
        assertTrue(expected.get(expected.size() - 1) <= last);
        fixture.awaitUpdate(instrument, snapshot, expected.get(expected.size() - 1));
        assertEquals(expected, fixture.updateSequencesAfter(instrument, snapshot), () -> "failures="
                + fixture.protocol.counters().failures() + ", quarantined=" + fixture.protocol.quarantine().byKind()
                + ", parseErrors=" + fixture.feed.metrics().parseErrorsByKind() + ", statuses="
                + fixture.events(instrument).stream().filter(e -> e instanceof InstrumentStatus).toList()
                + ", snapshots=" + fixture.snapshots(instrument).stream().map(BookUpdate::sequence).toList());
    }
}
