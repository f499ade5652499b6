package tickbus.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tickbus.TickbusNode;
import tickbus.demand.DemandRegistry;
import tickbus.event.FeedState;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.strategy.MarketDataSubscription;
import tickbus.testing.Await;
import tickbus.testing.FakeProtocol;
import tickbus.testing.FeedHarness;

/** Per-key serialization of upstream operations, and the graceful stop. */
class SubscriptionEngineTest {

    private final FeedHarness harness = new FeedHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void neverTwoOperationsInFlightForOneKeyUnderConcurrentDemandChurn() {
        FakeProtocol protocol = new FakeProtocol(3);
        FeedVerticle feed = harness.deploy(harness.settings(new JsonObject()), protocol);
        harness.awaitState(FeedState.LIVE);
        DemandRegistry demand = TickbusNode.of(harness.vertx).demand();
        List<String> instruments = List.of("XSIM:AAA", "XSIM:BBB", "XSIM:CCC");
        Map<String, Integer> held = new HashMap<>();
        Random random = new Random(11);
        List<Future<Void>> changes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String instrument = instruments.get(random.nextInt(instruments.size()));
            int count = held.getOrDefault(instrument, 0);
            if (count > 0 && random.nextBoolean()) {
                held.put(instrument, count - 1);
                changes.add(demand.release(instrument));
            } else {
                held.put(instrument, count + 1);
                changes.add(demand.acquire(instrument));
            }
        }
        Await.result(Future.all(changes));
        for (String instrument : instruments) {
            SubscriptionState expected = held.getOrDefault(instrument, 0) > 0
                    ? SubscriptionState.ACTIVE : SubscriptionState.UNSUBSCRIBED;
            Await.until(instrument + " settles at " + expected,
                    () -> feed.subscriptionState(instrument) == expected
                            && protocol.inFlight.getOrDefault(instrument, new java.util.concurrent.atomic.AtomicInteger())
                                    .get() == 0);
        }
        for (String instrument : instruments) {
            assertEquals(1, protocol.maxInFlight.get(instrument).get(), "max operations in flight for " + instrument);
            List<String> operations = protocol.operations.stream().filter(op -> op.endsWith(instrument)).toList();
            for (int i = 1; i < operations.size(); i++) {
                assertTrue(!operations.get(i).equals(operations.get(i - 1)),
                        "two identical operations in a row for " + instrument + ": " + operations);
            }
        }
    }

    @Test
    void aSubscriptionRefusedByTheConnectionFailsAtOnceIsNotRetriedAndCanBeWantedAgain() {
        FakeProtocol protocol = new FakeProtocol(1);
        FeedVerticle feed = harness.deploy(harness.settings(new JsonObject()), protocol);
        harness.awaitState(FeedState.LIVE);
        MarketDataSubscription subscription = harness.subscribe("XSIM:AAA");
        Await.until("AAA active", () -> feed.subscriptionState("XSIM:AAA") == SubscriptionState.ACTIVE);
        int operations = protocol.operations.size();

        protocol.eventLoop.get().runOnContext(v -> protocol.connection.get().subscriptionRefused("XSIM:AAA",
                "not a stream: key=k, type=string"));
        Await.until("AAA failed", () -> feed.subscriptionState("XSIM:AAA") == SubscriptionState.FAILED);
        Await.until("SUBSCRIPTION_FAILED", () -> !harness.statuses(InstrumentState.SUBSCRIPTION_FAILED).isEmpty());
        List<InstrumentStatus> failed = harness.statuses(InstrumentState.SUBSCRIPTION_FAILED);
        assertEquals(1, failed.size(), failed.toString());
        assertEquals("subscription refused: permanent=true, cause=not a stream: key=k, type=string",
                failed.get(0).reason());
        assertEquals(1, feed.metrics().subscriptionFailures());
        assertEquals(operations, protocol.operations.size(), "no retry: " + protocol.operations);

        Await.result(subscription.close());
        Await.until("AAA released", () -> feed.subscriptionState("XSIM:AAA") == SubscriptionState.UNSUBSCRIBED);
        harness.subscribe("XSIM:AAA");
        Await.until("AAA active again", () -> feed.subscriptionState("XSIM:AAA") == SubscriptionState.ACTIVE);
    }

    @Test
    void stopDuringReceiveLogsOutCancelsAndReleasesEverything() {
        FakeProtocol protocol = new FakeProtocol(1);
        FeedVerticle feed = harness.deploy(harness.settings(new JsonObject()), protocol);
        harness.awaitState(FeedState.LIVE);
        int deploymentsWhileRunning = harness.vertx.deploymentIDs().size();

        harness.undeploy();

        harness.awaitState(FeedState.STOPPED);
        assertEquals(1, protocol.closes.get());
        assertEquals(1, protocol.cancelledReceives.get());
        assertEquals(0, protocol.aborts.get());
        assertEquals(1, protocol.connects.get());
        assertEquals(deploymentsWhileRunning - 1 - harness.settings(new JsonObject()).workers(),
                harness.vertx.deploymentIDs().size(), "the feed and its workers are undeployed");
        assertTrue(TickbusNode.of(harness.vertx).feeds().isEmpty());
        assertTrue(harness.describeStates().endsWith("STOPPING(stop requested) → STOPPED(stopped)"),
                harness.describeStates());
        assertEquals(FeedState.STOPPED, feed.metrics().state());
    }

    @Test
    void aFeedNobodySubscribesToStaysLiveAndItsSilenceCountsFromTheFirstSubscription() {
        FakeProtocol protocol = new FakeProtocol(1);
        FeedVerticle feed = harness.deploy(harness.settings(new JsonObject().put("heartbeatTimeoutMillis", 60_000)),
                protocol);
        harness.awaitState(FeedState.LIVE);
        harness.clock.advanceMillis(2_001);
        awaitCheckedAt(protocol, harness.clock.millis());
        assertEquals(FeedState.LIVE, feed.metrics().state(), harness.describeStates());

        harness.subscribe("XSIM:AAA");
        Await.until("XSIM:AAA active", () -> feed.subscriptionState("XSIM:AAA") == SubscriptionState.ACTIVE);
        harness.clock.advanceMillis(1_000);
        awaitCheckedAt(protocol, harness.clock.millis());
        assertEquals(FeedState.LIVE, feed.metrics().state(), harness.describeStates());

        harness.clock.advanceMillis(1_001);
        harness.awaitState(FeedState.STALE);
        assertEquals("no data for 2001 ms; silenceThresholdMillis=2000",
                harness.feedStatuses.get(harness.feedStatuses.size() - 1).reason());
    }

    /** Two watchdog ticks at {@code nowMillis}: the first one's check has completed on the event loop. */
    private static void awaitCheckedAt(FakeProtocol protocol, long nowMillis) {
        Await.until("two watchdog ticks at " + nowMillis,
                () -> protocol.ticks.stream().filter(tick -> tick == nowMillis).count() >= 2);
    }
}
