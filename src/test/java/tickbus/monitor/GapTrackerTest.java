package tickbus.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tickbus.TickbusNode;
import tickbus.event.FeedState;
import tickbus.feed.FeedMetrics;
import tickbus.feed.sim.SimFeedProtocol;
import tickbus.sim.SimVenue;
import tickbus.testing.Await;
import tickbus.testing.FeedHarness;

/** Gaps reach the monitor as structured records: range, messages, recovery time. */
class GapTrackerTest {

    private final FeedHarness harness = new FeedHarness();
    private final SimVenue venue = SimVenue.register(new SimVenue("gaps-" + harness.source, List.of("AAA"), 3));

    @AfterEach
    void stop() {
        SimVenue.unregister(venue.name());
        harness.close();
    }

    @Test
    void aReplayedGapIsListedWithItsRangeAndRecoveryTime() {
        harness.deploy(harness.settings(new JsonObject()), new SimFeedProtocol(venue.name()));
        harness.awaitState(FeedState.LIVE);
        venue.generate(3);
        venue.skipNextBatch();
        venue.generate(4);
        venue.generate(2);
        FeedMetrics metrics = harness.feed.metrics();
        Await.until("gap recovered", () -> metrics.recoveries() == 1);

        GapTracker gaps = new GapTracker(TickbusNode.of(harness.vertx).feeds());
        JsonArray listed = gaps.toJson();
        assertEquals(1, listed.size());
        JsonObject gap = listed.getJsonObject(0);
        assertEquals(List.of(harness.source, "transport", 4L, 7L, 4L, true, false),
                List.of(gap.getString("feed"), gap.getString("stream"), gap.getLong("from"), gap.getLong("to"),
                        gap.getLong("messages"), gap.getBoolean("recovered"), gap.getBoolean("lost")));
        assertEquals(metrics.lastRecoveryMillis(), gap.getLong("recoveryMillis"));
        assertEquals(LongStream.rangeClosed(1, 9).count(), metrics.frames() - metrics.droppedDuringRecovery());
    }
}
