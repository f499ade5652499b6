package tickbus.feed.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tickbus.event.FeedState;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.feed.FeedSettings;
import tickbus.testing.Await;
import tickbus.testing.RedisServerProcess;
import tickbus.testing.StallingProtocol;

/**
 * A subscriber that falls behind: the parser worker stalls, the engine's back-pressure pauses the socket, Redis's
 * output buffer for the subscriber passes {@code client-output-buffer-limit pubsub} and Redis disconnects it. The
 * feed counts the disconnect, reconnects, resubscribes, and reports what it missed as lost.
 */
class RedisSlowSubscriberIT {

    private static final int BURST = 150_000;

    private RedisFeedFixture fixture;

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aSubscriberBeyondTheOutputBufferLimitIsDisconnectedCountedAndRecovers() {
        fixture = new RedisFeedFixture(RedisServerProcess.start());
        assertEquals("OK", fixture.redis.command("CONFIG", "SET", "client-output-buffer-limit", "pubsub 256kb 0 0"));
        FeedSettings settings = fixture.feedSettings(fixture.redisSettings(new JsonObject()),
                new JsonObject().put("maxBatchFrames", 8));
        RedisFeedProtocol redis = (RedisFeedProtocol) new RedisFeedProtocolProvider().create(settings, "settings");
        StallingProtocol stalling = new StallingProtocol(redis);
        fixture.deploy(settings, stalling, redis);
        fixture.harness.awaitState(FeedState.LIVE);
        fixture.subscribeAndAwaitActive("XSIM:AAA");

        stalling.stall();
        publishQuotes(1, BURST);
        Await.until("redis cut the subscriber off", Duration.ofSeconds(30), () -> fixture.redis.log()
                .contains("scheduled to be closed ASAP for overcoming of output buffer limits"));
        assertTrue(fixture.harness.feed.metrics().pauses() >= 1, "the engine paused the socket");
        stalling.release();

        // The cut may be seen while the burst is still arriving; a new connection can then be cut again: await
        // a subscribed, LIVE feed rather than a number of connections.
        Await.until("resubscribed and LIVE", Duration.ofSeconds(30),
                () -> fixture.harness.feed.metrics().state() == FeedState.LIVE
                        && fixture.subscribers("md:AAA:quotes") == 1, fixture.harness::describeStates);
        publishQuotes(BURST + 1, BURST + 5);
        Await.until("data after recovery", Duration.ofSeconds(30),
                () -> fixture.quoteSequences("XSIM:AAA").contains((long) BURST + 5));

        assertTrue(fixture.harness.feed.metrics().disconnectsByReason().get("peer") >= 1);
        assertTrue(fixture.harness.feed.metrics().connects() >= 2);
        TreeSet<Long> accounted = new TreeSet<>(fixture.quoteSequences("XSIM:AAA"));
        long lost = 0;
        for (InstrumentStatus gap : fixture.statuses("XSIM:AAA", InstrumentState.GAP)) {
            lost += gap.gapTo() - gap.gapFrom() + 1;
            LongStream.rangeClosed(gap.gapFrom(), gap.gapTo()).forEach(accounted::add);
        }
        assertTrue(lost > 0, "the cut-off lost messages");
        assertEquals(lost, fixture.harness.feed.metrics().gapMessages());
        assertEquals(LongStream.rangeClosed(1, BURST + 5).boxed().toList(), new ArrayList<>(accounted),
                "every sequence number received or reported lost");
    }

    private void publishQuotes(long from, long to) {
        List<List<byte[]>> commands = new ArrayList<>();
        for (long sequence = from; sequence <= to; sequence++) {
            commands.add(List.of(bytes("PUBLISH"), bytes("md:AAA:quotes"), bytes(fixture.quote("AAA", sequence))));
        }
        fixture.redis.pipeline(commands);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
