package tickbus.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The silence rules on plain millisecond times: heartbeat 1,000 ms, silence 3,000 ms, recovery 5,000 ms. */
class FeedWatchdogTest {

    private final List<String> told = new ArrayList<>();
    private final FeedSettings settings = FeedSettings.fromJson(new JsonObject().put("source", "s").put("venue", "V")
            .put("protocol", "p").put("heartbeatTimeoutMillis", 1_000).put("silenceThresholdMillis", 3_000)
            .put("recoveryTimeoutMillis", 5_000), "config");
    private final TransportSequencing sequencing = new TransportSequencing(0, FeedProtocol.GapPolicy.REPLAY,
            new FeedMetrics("s", "V", "p"), new TransportSequencing.Listener() {
                @Override
                public void gapOpened(long from, long to) {
                }

                @Override
                public void lossAccepted(long from, long to) {
                }

                @Override
                public void gapHealed(GapRecovery healed, long durationMillis) {
                }
            });
    private final FeedWatchdog watchdog = new FeedWatchdog(settings, sequencing, new FeedWatchdog.Listener() {
        @Override
        public void heartbeatTimedOut(String reason) {
            told.add(reason);
        }

        @Override
        public void dataStopped(String reason) {
            told.add(reason);
        }

        @Override
        public void recoveryOverdue(String reason) {
            told.add(reason);
        }
    });

    @Test
    void nothingReceivedForLongerThanTheHeartbeatTimeoutEndsTheConnection() {
        watchdog.connected(10_000);
        watchdog.check(11_000, true, true);
        assertEquals(List.of(), told, "exactly the timeout is still alive");

        watchdog.check(11_001, true, true);
        assertEquals(List.of("heartbeat timeout: silentMillis=1001, timeoutMillis=1000"), told);
    }

    @Test
    void whileBackPressureHoldsTheReadingTheSilenceIsNotThePeersAndCountsAgainFromTheResume() {
        watchdog.connected(10_000);
        watchdog.readingPaused();
        watchdog.check(20_000, false, true);
        assertEquals(List.of(), told, "the engine stopped reading, the peer did not stop sending");

        watchdog.readingResumed(20_000);
        watchdog.check(21_000, false, true);
        assertEquals(List.of(), told);
        watchdog.check(21_001, false, true);
        assertEquals(List.of("heartbeat timeout: silentMillis=1001, timeoutMillis=1000"), told);
    }

    @Test
    void heartbeatsKeepTheConnectionButNotTheDataAlive() {
        watchdog.connected(10_000);
        for (long now = 10_500; now <= 13_000; now += 500) {
            watchdog.inbound(now);
            watchdog.check(now, true, true);
        }
        assertEquals(List.of(), told);

        watchdog.inbound(13_001);
        watchdog.check(13_001, true, true);
        assertEquals(List.of("no data for 3001 ms; silenceThresholdMillis=3000"), told);
    }

    @Test
    void silenceCountsOnlyWhileLive() {
        watchdog.connected(10_000);
        watchdog.inbound(14_000);
        watchdog.check(14_000, false, true);
        assertEquals(List.of(), told, "recovering or stale: no second stale report");

        watchdog.data(14_500);
        watchdog.inbound(14_500);
        watchdog.check(14_500, true, true);
        assertEquals(List.of(), told);
    }

    @Test
    void aGapNotRecoveredInTimeIsReportedOnceEveryRecoveryTimeout() {
        watchdog.connected(10_000);
        sequencing.accept(1, 1, 10_000);
        sequencing.accept(5, 5, 10_000);
        for (long now = 10_500; now <= 21_000; now += 500) {
            watchdog.inbound(now);
            watchdog.data(now);
            watchdog.check(now, false, true);
        }
        assertEquals(List.of("gap " + sequencing.recovery().describe() + " not recovered within "
                + "recoveryTimeoutMillis=5000", "gap " + sequencing.recovery().describe() + " not recovered within "
                + "recoveryTimeoutMillis=5000"), told);
    }

    @Test
    void silenceCountsOnlyWhileDataIsExpectedAndFromWhenItIs() {
        watchdog.connected(10_000);
        watchdog.inbound(13_500);
        watchdog.check(13_500, true, false);
        assertEquals(List.of(), told, "nothing subscribed from a source that sends only what is asked for");

        watchdog.inbound(16_500);
        watchdog.check(16_500, true, true);
        assertEquals(List.of(), told, "the silence counts from the last check without demand");

        watchdog.inbound(16_501);
        watchdog.check(16_501, true, true);
        assertEquals(List.of("no data for 3001 ms; silenceThresholdMillis=3000"), told);
    }
}
