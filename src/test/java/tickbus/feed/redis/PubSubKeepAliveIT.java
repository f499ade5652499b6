package tickbus.feed.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tickbus.feed.ConnectionContext;
import tickbus.feed.FeedConnection;
import tickbus.feed.FeedSettings;
import tickbus.testing.Await;
import tickbus.testing.RedisServerProcess;

/**
 * The PING keep-alive on the subscribed connection, against a real redis-server. The Vert.x client (5.0.7) hands
 * the oldest waiting reply slot whatever arrives next, pushes included: a PING waiting for its PONG lost it to a
 * subscribe confirmation (and no PING was ever sent again), and a SUBSCRIBE's error reply went to the PING, so the
 * subscribe never completed.
 */
class PubSubKeepAliveIT {

    private RedisServerProcess redis;
    private Vertx vertx;
    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicReference<String> lost = new AtomicReference<>();

    @BeforeEach
    void start() {
        redis = RedisServerProcess.start();
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        vertx.close();
        redis.close();
    }

    private RedisFeedSettings settings(JsonObject overrides) {
        return RedisFeedSettings.fromJson(new JsonObject().put("connectionString", redis.connectionString())
                .put("pingIntervalMillis", 200).put("connectTimeoutMillis", 2_000)
                .put("channels", new JsonArray().add("md:{symbol}:quotes")).mergeIn(overrides, true), "settings");
    }

    private ConnectionContext context() {
        return new ConnectionContext() {
            public Vertx vertx() { return vertx; }
            public FeedSettings settings() { return null; }
            public InstantSource clock() { return () -> java.time.Instant.ofEpochMilli(now.get()); }
            public long resumeSequence() { return 0; }
            public void bytesReceived(int count) { bytes.addAndGet(count); }
            public void frame(long first, long last, Buffer source, int offset, int length) { }
            public void notice(Buffer source, int offset, int length) { }
            public void endOfRead() { }
            public void afterPublished(Runnable action) { action.run(); }
            public void retryAfter(long delayMillis) { }
            public void subscriptionRefused(String instrument, String reason) { }
            public void sequencesLost(long from, long to) { }
            public void connectionLost(String reason) { lost.set(reason); }
            public void endOfSession(String reason) { }
            public void sessionChanged(String reason, long nextSequence) { }
        };
    }

    private FeedConnection open(Context ctx, RedisFeedSettings settings, RedisFeedCounters counters) {
        Promise<FeedConnection> opened = Promise.promise();
        ctx.runOnContext(v -> RedisSession.open(vertx, settings)
                .compose(session -> PubSubConnection.open(context(), session, settings, counters))
                .onComplete(opened));
        return Await.result(opened.future());
    }

    @Test
    void aPushArrivingRightAfterAPingDoesNotStopTheKeepAlive() {
        RedisFeedSettings settings = settings(new JsonObject());
        RedisFeedCounters counters = new RedisFeedCounters();
        Context ctx = vertx.getOrCreateContext();
        FeedConnection pubSub = open(ctx, settings, counters);
        AtomicReference<Future<Void>> subscribed = new AtomicReference<>();
        ctx.runOnContext(v -> {
            subscribed.set(pubSub.subscribe("XSIM:AAA"));   // SUBSCRIBE written first
            pubSub.tick(now.addAndGet(1_000));                // then PING, in the same turn
        });
        Await.until("subscribe confirmed", () -> subscribed.get() != null && subscribed.get().succeeded());
        Await.until("PING sent", () -> counters.pingsSent() == 1);
        // A healthy keep-alive: every interval a PING is sent and answered.
        for (int i = 0; i < 3; i++) {
            ctx.runOnContext(v -> pubSub.tick(now.addAndGet(1_000)));
            long expected = i + 2;
            Await.until("PING " + expected + " sent and answered", Duration.ofSeconds(5),
                    () -> counters.pingsSent() >= expected && counters.pongs() >= expected - 1,
                    () -> "pingsSent=" + counters.pingsSent() + ", pongs=" + counters.pongs()
                            + ", unexpectedPushes=" + counters.unexpectedPushes());
        }
    }

    @Test
    void aSubscribeRefusedWhileAPingIsOutstandingFailsPermanently() {
        assertEquals("OK", redis.command("ACL", "SETUSER", "feed", "on", ">s3cret", "&md:AAA:*",
                "+@pubsub", "+ping", "+hello", "+client"));
        RedisFeedSettings settings = settings(new JsonObject().put("user", "feed").put("password", "s3cret"));
        RedisFeedCounters counters = new RedisFeedCounters();
        Context ctx = vertx.getOrCreateContext();
        FeedConnection pubSub = open(ctx, settings, counters);
        AtomicReference<Future<Void>> subscribed = new AtomicReference<>();
        ctx.runOnContext(v -> {
            subscribed.set(pubSub.subscribe("XSIM:BBB"));   // -NOPERM
            pubSub.tick(now.addAndGet(1_000));                // PING in flight when the error arrives
        });
        Await.until("the refused subscribe completes (fails permanently)", Duration.ofSeconds(5),
                () -> subscribed.get() != null && subscribed.get().isComplete(),
                () -> "subscribe complete=" + (subscribed.get() != null && subscribed.get().isComplete())
                        + ", errorReplies=" + counters.errorReplies() + ", pingsSent=" + counters.pingsSent()
                        + ", pongs=" + counters.pongs() + ", unexpectedPushes=" + counters.unexpectedPushes());
        Throwable refused = subscribed.get().cause();
        assertTrue(refused instanceof tickbus.feed.SubscriptionException failure && failure.permanent(),
                String.valueOf(refused));
        assertTrue(refused.getMessage().contains("NOPERM"), refused.getMessage());
        Await.until("the PONG counted", () -> counters.pongs() == 1);
    }
}
