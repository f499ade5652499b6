package tickbus.feed.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tickbus.event.FeedState;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.feed.FeedSettings;
import tickbus.feed.SubscriptionState;
import tickbus.testing.Await;
import tickbus.testing.FakeRedisServer;
import tickbus.testing.FeedHarness;

/**
 * A server that accepts (P)SUBSCRIBE and never confirms it (or a lost reply): the attempt fails at its deadline,
 * instead of leaving the key PENDING for ever behind a keep-alive that still works.
 */
class RedisSubscribeDeadlineIT {

    private final FeedHarness harness = new FeedHarness();
    private final FakeRedisServer redis = FakeRedisServer.start(harness.vertx,
            FakeRedisServer.NEVER_CONFIRMS_SUBSCRIBES);

    @AfterEach
    void stop() {
        harness.close();
    }

    private RedisFeedProtocol deploy(JsonObject redisSettings) {
        FeedSettings settings = harness.settings(new JsonObject().put("protocol", "redis")
                .put("subscriptionRetry", new JsonObject().put("maxRetries", 2))
                .put("settings", new JsonObject().put("connectionString", redis.connectionString())
                        .put("pingIntervalMillis", 200)
                        .put("subscribeTimeoutMillis", 100).mergeIn(redisSettings)));
        RedisFeedProtocol protocol = (RedisFeedProtocol) new RedisFeedProtocolProvider().create(settings,
                "config.settings");
        harness.deploy(settings, protocol);
        return protocol;
    }

    @Test
    void anUnconfirmedSubscribeFailsAtItsDeadlineIsRetriedThenFailed() {
        deploy(new JsonObject().put("channels", new JsonArray().add("md:{symbol}:quotes")));
        harness.awaitState(FeedState.LIVE);
        harness.subscribe("XSIM:AAA");
        Await.until("XSIM:AAA FAILED", Duration.ofSeconds(30),
                () -> harness.feed.subscriptionState("XSIM:AAA") == SubscriptionState.FAILED,
                () -> "state=" + harness.feed.subscriptionState("XSIM:AAA") + ", SUBSCRIBEs received="
                        + redis.received("SUBSCRIBE"));
        assertEquals(3, redis.received("SUBSCRIBE"), "the first attempt and maxRetries=2 retries");
        Await.until("SUBSCRIPTION_FAILED published",
                () -> !harness.statuses(InstrumentState.SUBSCRIPTION_FAILED).isEmpty());
        InstrumentStatus failed = harness.statuses(InstrumentState.SUBSCRIPTION_FAILED).get(0);
        assertTrue(failed.reason().contains("attempts=3, maxRetries=2, permanent=false, cause=subscribe not "
                + "confirmed: names=[md:AAA:quotes], subscribeTimeoutMillis=100"), failed.reason());
        assertTrue(harness.feedStatuses.stream().noneMatch(status -> status.state() == FeedState.BACKING_OFF),
                "the connection stays up: " + harness.describeStates());
    }

    @Test
    void anUnconfirmedPatternFailsTheConnectAtItsDeadline() {
        RedisFeedProtocol protocol = deploy(new JsonObject().put("patterns", new JsonArray().add("md:*")));
        Await.until("the connect failed at the PSUBSCRIBE deadline", Duration.ofSeconds(30),
                () -> harness.feedStatuses.stream().anyMatch(status -> status.state() == FeedState.BACKING_OFF
                        && status.reason().contains("psubscribe not confirmed: names=[md:*], "
                                + "subscribeTimeoutMillis=100")),
                harness::describeStates);
        assertTrue(harness.feedStatuses.stream().noneMatch(status -> status.state() == FeedState.LIVE),
                harness.describeStates());
        assertTrue(protocol.counters().connectFailuresByKind().getOrDefault("timeout", 0L) >= 1,
                "counted as a timeout: " + protocol.counters().connectFailuresByKind());
    }
}
