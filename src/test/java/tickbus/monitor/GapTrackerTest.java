package tickbus.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import tickbus.event.BreakerState;
import tickbus.event.FeedState;
import tickbus.event.FeedStatus;

class GapTrackerTest {

    private final GapTracker gaps = new GapTracker();
    private long sequence;

    private void status(FeedState state, FeedState previous, String reason) {
        gaps.status(new FeedStatus("itch-xnas", "XNAS", ++sequence, 5_000_000_000L, 5_000_000_000L, state, previous,
                reason, BreakerState.CLOSED, 0));
    }

    @Test
    void aGapOpensOnRecoveringAndClosesWithItsRecoveryTime() {
        status(FeedState.RECOVERING, FeedState.CONNECTING, "connected; restoring 2 subscriptions");
        status(FeedState.RECOVERING, FeedState.LIVE, "gap from=101, to=150");
        assertEquals(new JsonArray().add(new JsonObject().put("feed", "itch-xnas").put("from", 101L).put("to", 150L)
                .put("messages", 50L).put("openedMillis", 5_000L).put("recovered", false)), gaps.toJson());
        status(FeedState.LIVE, FeedState.RECOVERING, "gap from=101, to=150 recovered in 37 ms");
        JsonObject gap = gaps.toJson().getJsonObject(0);
        assertEquals(true, gap.getBoolean("recovered"));
        assertEquals(37L, gap.getLong("recoveryMillis"));
        assertEquals(1, gaps.toJson().size());
    }

    @Test
    void onlyTheNewestGapsAreKept() {
        for (int i = 0; i < GapTracker.MAX_GAPS + 10; i++) {
            status(FeedState.RECOVERING, FeedState.LIVE, "gap from=" + (i * 10 + 1) + ", to=" + (i * 10 + 5));
        }
        JsonArray kept = gaps.toJson();
        assertEquals(GapTracker.MAX_GAPS, kept.size());
        assertEquals((GapTracker.MAX_GAPS + 9) * 10 + 1, kept.getJsonObject(0).getLong("from"));
    }
}
