package tickbus.feed.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tickbus.event.FeedState;
import tickbus.feed.FeedSettings;
import tickbus.testing.Await;
import tickbus.testing.RedisServerProcess;

/**
 * Establishing and keeping the session: a peer that speaks garbage, credentials and ACL users, and a server that
 * stops answering (half-open) caught by the PING keep-alive and the heartbeat watchdog.
 */
class RedisSessionIT {

    /** What the fake server answers, one variant per connection, in turn. */
    private static final List<String> GARBAGE = List.of(
            "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n",
            "\u0000\u0001\u0002\u0003 binary noise",
            "$99999\r\nnever completed",
            "+OK\r\n");

    private RedisFeedFixture fixture;

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aPeerSpeakingGarbageIsATypedErrorAndTheFeedBacksOffWithoutHanging() {
        fixture = new RedisFeedFixture(RedisServerProcess.start());
        AtomicInteger connections = new AtomicInteger();
        NetServer garbage = Await.result(fixture.harness.vertx.createNetServer().connectHandler(socket -> {
            String reply = GARBAGE.get(connections.getAndIncrement() % GARBAGE.size());
            socket.handler(request -> socket.write(Buffer.buffer(reply)));
        }).listen(0, "127.0.0.1"));
        FeedSettings settings = fixture.feedSettings(fixture.redisSettings(new JsonObject()
                .put("connectionString", "redis://127.0.0.1:" + garbage.actualPort())
                .put("connectTimeoutMillis", 300)), new JsonObject());
        RedisFeedProtocol protocol = (RedisFeedProtocol) new RedisFeedProtocolProvider().create(settings, "settings");
        fixture.deploy(settings, protocol, protocol);

        Await.until("every kind of garbage refused", Duration.ofSeconds(30), () -> {
            var failures = protocol.counters().connectFailuresByKind();
            return failures.getOrDefault("protocol", 0L) >= 2 && failures.getOrDefault("timeout", 0L) >= 1
                    && failures.getOrDefault("unexpected-reply", 0L) >= 1;
        }, () -> protocol.counters().connectFailuresByKind().toString());
        assertTrue(fixture.harness.feedStatuses.stream().anyMatch(status -> status.state() == FeedState.BACKING_OFF
                && status.reason().startsWith("connect failed: redis session failed: kind=unexpected-reply")
                && status.reason().contains("command=PING, reply=\"OK\", expected=PONG")),
                fixture.harness.describeStates());
        assertTrue(fixture.harness.feedStatuses.stream().noneMatch(status -> status.state() == FeedState.LIVE));
        assertEquals(0, fixture.harness.feed.metrics().connects());
        fixture.harness.undeploy();
        assertEquals(FeedState.STOPPED, fixture.harness.feed.metrics().state());
    }

    @Test
    void anAclUserLogsInAndAWrongPasswordIsRefusedAsAuth() {
        fixture = new RedisFeedFixture(RedisServerProcess.start());
        assertEquals("OK", fixture.redis.command("ACL", "SETUSER", "feed", "on", ">s3cret", "&md:AAA:*",
                "+@pubsub", "+ping", "+hello", "+client"));
        fixture.deploy(fixture.redisSettings(new JsonObject().put("user", "feed").put("password", "s3cret")));
        fixture.subscribeAndAwaitActive("XSIM:AAA");
        assertEquals(1, fixture.subscribers("md:AAA:quotes"));
        fixture.harness.subscribe("XSIM:BBB");
        fixture.awaitSubscription("XSIM:BBB", tickbus.feed.SubscriptionState.FAILED);
        Await.until("SUBSCRIPTION_FAILED published", () -> !fixture.statuses("XSIM:BBB",
                tickbus.event.InstrumentState.SUBSCRIPTION_FAILED).isEmpty());
        assertTrue(fixture.statuses("XSIM:BBB", tickbus.event.InstrumentState.SUBSCRIPTION_FAILED).get(0).reason()
                .contains("permanent=true, cause=subscribe refused by redis"),
                fixture.statuses("XSIM:BBB", tickbus.event.InstrumentState.SUBSCRIPTION_FAILED).toString());
        assertEquals(0, fixture.subscribers("md:BBB:quotes"));
        assertEquals(1, fixture.publish("md:AAA:quotes", fixture.quote("AAA", 1)));
        Await.until("the permitted channel still flows", () -> fixture.quoteSequences("XSIM:AAA").equals(List.of(1L)));
        fixture.harness.undeploy();

        RedisFeedFixture wrong = new RedisFeedFixture(fixture.redis);
        FeedSettings settings = wrong.feedSettings(wrong.redisSettings(new JsonObject().put("user", "feed")
                .put("password", "wrong")), new JsonObject());
        RedisFeedProtocol protocol = (RedisFeedProtocol) new RedisFeedProtocolProvider().create(settings, "settings");
        wrong.deploy(settings, protocol, protocol);
        Await.until("refused as auth", Duration.ofSeconds(20),
                () -> protocol.counters().connectFailuresByKind().getOrDefault("auth", 0L) >= 2,
                () -> protocol.counters().connectFailuresByKind().toString());
        assertTrue(wrong.harness.feedStatuses.stream().anyMatch(status -> status.state() == FeedState.BACKING_OFF
                && status.reason().contains("kind=auth") && status.reason().contains("WRONGPASS")),
                wrong.harness.describeStates());
        wrong.harness.close();
    }

    @Test
    void aServerThatStopsAnsweringIsCaughtByThePingKeepAliveAndTheFeedRecovers() {
        fixture = new RedisFeedFixture(RedisServerProcess.start());
        fixture.deploy(fixture.redisSettings(new JsonObject().put("connectTimeoutMillis", 300)));
        fixture.subscribeAndAwaitActive("XSIM:AAA");
        fixture.redis.suspend();
        fixture.harness.clock.advanceMillis(200);
        Await.until("PING sent", () -> fixture.protocol.counters().pingsSent() == 1);
        fixture.harness.clock.advanceMillis(1_000);
        Await.until("heartbeat timeout", () -> fixture.harness.feed.metrics().heartbeatTimeouts() == 1);
        Await.until("a reconnect attempt timed out in the handshake",
                () -> fixture.protocol.counters().connectFailuresByKind().getOrDefault("timeout", 0L) >= 1);
        assertEquals(0, fixture.protocol.counters().pongs());

        fixture.redis.resume();
        Await.until("reconnected and LIVE", Duration.ofSeconds(30), () -> fixture.harness.feed.metrics().connects() == 2
                && fixture.harness.feed.metrics().state() == FeedState.LIVE, fixture.harness::describeStates);
        assertEquals(1, fixture.subscribers("md:AAA:quotes"));
        assertEquals(1, fixture.harness.feed.metrics().disconnectsByReason().get("heartbeat-timeout"));
        assertEquals(1, fixture.publish("md:AAA:quotes", fixture.quote("AAA", 1)));
        Await.until("data after recovery", () -> fixture.quoteSequences("XSIM:AAA").equals(List.of(1L)));
    }
}
