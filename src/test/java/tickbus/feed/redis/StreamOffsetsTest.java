package tickbus.feed.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tickbus.testing.Await;

/** A reconnect resumes after what was handed to the engine; a checkpoint records only what was published. */
class StreamOffsetsTest {

    private static final String MAP = "offsets-test";

    private final Vertx vertx = Vertx.vertx();
    private final StreamOffsets offsets = new StreamOffsets(vertx, "redis-a",
            new RedisFeedSettings.StreamSettings(1_000, 100, false, "data", 100, MAP), new RedisFeedCounters());

    @AfterEach
    void close() {
        Await.result(vertx.close());
    }

    @Test
    void theCheckpointNeverCoversEntriesNotYetPublished() {
        offsets.delivered("trades-X-A", "1700000000000-5");
        offsets.published("trades-X-A", "1700000000000-3");
        Await.result(offsets.flush());

        String stored = Await.result(vertx.sharedData().<String, String>getAsyncMap(MAP)
                .compose(map -> map.get("redis-a|trades-X-A")));
        assertEquals("1700000000000-3", stored, "what a restarted feed resumes after");
        assertEquals("1700000000000-5", Await.result(offsets.lastId("trades-X-A")), "what a reconnect resumes after");
    }
}
