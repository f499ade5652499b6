package tickbus.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tickbus.Addresses;
import tickbus.event.BreakerState;
import tickbus.event.FeedState;
import tickbus.event.FeedStatus;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.feed.sim.SimFeedProtocol;
import tickbus.sim.SimVenue;
import tickbus.testing.Await;
import tickbus.testing.FeedHarness;

/** The engine's behaviours, one test each, against the in-process simulated venue and an injected clock. */
class FeedEngineTest {

    private static final String INSTRUMENT = "XSIM:AAA";

    private FeedHarness harness;
    private SimVenue venue;

    @BeforeEach
    void start() {
        harness = new FeedHarness();
        venue = SimVenue.register(new SimVenue("venue-" + harness.source, List.of("AAA", "BBB", "CCC"), 7));
    }

    @AfterEach
    void stop() {
        SimVenue.unregister(venue.name());
        harness.close();
    }

    private FeedVerticle deploy(JsonObject overrides) {
        FeedVerticle feed = harness.deploy(harness.settings(overrides), new SimFeedProtocol(venue.name()));
        harness.awaitState(FeedState.LIVE);
        return feed;
    }

    private void subscribeAndAwaitActive(String instrument) {
        harness.subscribe(instrument);
        Await.until(instrument + " ACTIVE", () -> harness.feed.subscriptionState(instrument) == SubscriptionState.ACTIVE);
    }

    private void awaitSequences(long last) {
        Await.until("data through sequence " + last, java.time.Duration.ofSeconds(20),
                () -> harness.dataSequences().contains(last), () -> harness.dataSequences().toString());
    }

    private void generateOnlyFor(int count) {
        // One symbol subscribed and a three-symbol venue: every generated message is for some symbol; the test
        // instrument sees a subset, so tests compare the sequences it got with the venue's own record.
        venue.generate(count);
    }

    /** Vert.x undeploys the feed and its parser workers at once when it closes; the feed must not fail its stop. */
    @Test
    void closingVertxWithTheFeedDeployedLogsNoFailedUndeploy() {
        deploy(new JsonObject());
        Logger deployments = (Logger) LoggerFactory.getLogger("io.vertx.core.impl.deployment.DefaultDeploymentManager");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        deployments.addAppender(logged);
        try {
            Await.result(harness.vertx.close());
        } finally {
            deployments.detachAppender(logged);
        }
        assertTrue(logged.list.stream().noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN)),
                () -> logged.list.stream().map(FeedEngineTest::describe).toList().toString());
        assertTrue(harness.vertx.deploymentIDs().isEmpty(), () -> harness.vertx.deploymentIDs().toString());
    }

    private static String describe(ILoggingEvent event) {
        return event.getThrowableProxy() == null ? event.toString()
                : event + " " + ThrowableProxyUtil.asString(event.getThrowableProxy());
    }

    @Test
    void duplicatesAreDroppedAndCounted() {
        SimVenue single = SimVenue.register(new SimVenue("single-" + harness.source, List.of("AAA"), 1));
        harness.deploy(harness.settings(new JsonObject()), new SimFeedProtocol(single.name()));
        harness.awaitState(FeedState.LIVE);
        subscribeAndAwaitActive(INSTRUMENT);
        single.faults().duplicateNext(5);
        single.generate(10);
        single.generate(1);
        awaitSequences(11);
        assertEquals(LongStream.rangeClosed(1, 11).boxed().toList(), harness.dataSequences());
        assertEquals(5, harness.feed.metrics().duplicates());
        SimVenue.unregister(single.name());
    }

    @Test
    void gapIsReportedReplayedAndHealed() {
        SimVenue single = SimVenue.register(new SimVenue("single-" + harness.source, List.of("AAA"), 1));
        harness.deploy(harness.settings(new JsonObject()), new SimFeedProtocol(single.name()));
        harness.awaitState(FeedState.LIVE);
        subscribeAndAwaitActive(INSTRUMENT);
        single.generate(5);
        awaitSequences(5);
        single.skipNextBatch();
        single.generate(5);
        single.generate(5);
        awaitSequences(15);
        Await.until("RECOVERED", () -> !harness.statuses(InstrumentState.RECOVERED).isEmpty());

        assertEquals(LongStream.rangeClosed(1, 15).boxed().toList(), harness.dataSequences());
        InstrumentStatus gap = harness.statuses(InstrumentState.GAP).get(0);
        assertEquals(List.of(6L, 10L), List.of(gap.gapFrom(), gap.gapTo()));
        InstrumentStatus recovered = harness.statuses(InstrumentState.RECOVERED).get(0);
        assertEquals(List.of(6L, 10L), List.of(recovered.gapFrom(), recovered.gapTo()));
        assertEquals(1, harness.feed.metrics().gaps());
        assertEquals(5, harness.feed.metrics().gapMessages());
        assertEquals(1, harness.feed.metrics().recoveries());
        harness.awaitState(FeedState.LIVE);
        assertTrue(harness.describeStates().contains("RECOVERING(gap from=6, to=10)"), harness.describeStates());
        SimVenue.unregister(single.name());
    }

    @Test
    void aNewSubscriberGetsTheLatestQuoteAtOnce() {
        SimVenue single = SimVenue.register(new SimVenue("single-" + harness.source, List.of("AAA"), 1));
        harness.deploy(harness.settings(new JsonObject()), new SimFeedProtocol(single.name()));
        harness.awaitState(FeedState.LIVE);
        single.generate(50);
        Await.until("the venue's messages decoded", () -> harness.feed.metrics().frames() == 50);
        harness.subscribe(INSTRUMENT);
        Await.until("snapshot quote", () -> harness.received.stream().anyMatch(e -> e instanceof tickbus.event.Quote));
        tickbus.event.Quote snapshot = (tickbus.event.Quote) harness.received.stream()
                .filter(e -> e instanceof tickbus.event.Quote).findFirst().orElseThrow();
        assertTrue(snapshot.sequence() <= 50 && snapshot.sequence() >= 1, "sequence=" + snapshot.sequence());
        single.generate(1);
        awaitSequences(51);
        SimVenue.unregister(single.name());
    }

    @Test
    void heartbeatTimeoutDisconnectsAndReconnects() {
        FeedVerticle feed = deploy(new JsonObject());
        venue.faults().silent(true);
        harness.clock.advanceMillis(1_001);
        Await.until("heartbeat timeout", () -> feed.metrics().heartbeatTimeouts() == 1);
        venue.faults().silent(false);
        Await.until("reconnected", () -> feed.metrics().connects() == 2);
        Await.until("BACKING_OFF for the heartbeat timeout, then LIVE again", java.time.Duration.ofSeconds(20),
                () -> harness.describeStates().matches(
                        ".*BACKING_OFF\\(heartbeat timeout: silentMillis=\\d+, timeoutMillis=1000;.*LIVE\\([^)]*\\)$"),
                harness::describeStates);

        assertEquals(1, feed.metrics().disconnectsByReason().get("heartbeat-timeout"));
    }

    @Test
    void muteFeedGoesStaleWithoutReconnectingAndRecoversOnData() {
        FeedVerticle feed = deploy(new JsonObject().put("heartbeatTimeoutMillis", 60_000));
        subscribeAndAwaitActive(INSTRUMENT);
        venue.faults().muted(true);
        harness.clock.advanceMillis(2_001);
        harness.awaitState(FeedState.STALE);
        Await.until("STALE status for the instrument", () -> !harness.statuses(InstrumentState.STALE).isEmpty());
        assertEquals(1, feed.metrics().connects());

        venue.faults().muted(false);
        venue.generate(30);
        harness.awaitState(FeedState.LIVE);
        assertEquals(1, feed.metrics().connects());
        assertEquals("data resumed", harness.feedStatuses.get(harness.feedStatuses.size() - 1).reason());
    }

    @Test
    void breakerOpensHalfOpensAndCloses() {
        venue.faults().rejectConnections(1_000);
        FeedVerticle feed = harness.deploy(harness.settings(new JsonObject()
                .put("breaker", new JsonObject().put("maxFailures", 3).put("resetTimeoutMillis", 300))),
                new SimFeedProtocol(venue.name()));
        harness.awaitState(FeedState.CIRCUIT_OPEN);
        assertEquals(BreakerState.OPEN, feed.metrics().breaker());
        venue.faults().rejectConnections(0);
        harness.awaitState(FeedState.LIVE);

        List<BreakerState> breakerChanges = new java.util.ArrayList<>();
        for (FeedStatus status : harness.feedStatuses) {
            if (breakerChanges.isEmpty() || breakerChanges.get(breakerChanges.size() - 1) != status.breaker()) {
                breakerChanges.add(status.breaker());
            }
        }
        assertEquals(List.of(BreakerState.CLOSED, BreakerState.OPEN, BreakerState.HALF_OPEN, BreakerState.CLOSED),
                breakerChanges, harness.describeStates());
        assertEquals(3, feed.metrics().disconnectsByReason().get("connect-failed"));
    }

    @Test
    void subscribeIsRetriedTenTimesThenFailed() {
        deploy(new JsonObject());
        venue.failSubscribes("AAA", 1_000);
        harness.subscribe(INSTRUMENT);
        Await.until("SUBSCRIPTION_FAILED", () -> !harness.statuses(InstrumentState.SUBSCRIPTION_FAILED).isEmpty());

        assertEquals(11, venue.subscribeAttempts("AAA"));
        assertEquals(SubscriptionState.FAILED, harness.feed.subscriptionState(INSTRUMENT));
        assertTrue(harness.statuses(InstrumentState.SUBSCRIPTION_FAILED).get(0).reason()
                .startsWith("subscribe failed: attempts=11, maxRetries=10"));
        assertEquals(1, harness.feed.metrics().subscriptionFailures());
    }

    @Test
    void subscriptionsAreRestoredAfterReconnectBeforeLive() {
        deploy(new JsonObject());
        List<String> instruments = List.of("XSIM:AAA", "XSIM:BBB", "XSIM:CCC");
        instruments.forEach(this::subscribeAndAwaitActive);
        List<List<Integer>> attemptsWhenLive = new CopyOnWriteArrayList<>();
        Await.result(harness.vertx.eventBus().<FeedStatus>consumer(Addresses.feedStatus(harness.source), message -> {
            if (message.body().state() == FeedState.LIVE) {
                attemptsWhenLive.add(List.of(venue.subscribeAttempts("AAA"), venue.subscribeAttempts("BBB"),
                        venue.subscribeAttempts("CCC")));
            }
        }).completion());

        venue.disconnectAll("network failure (injected)");
        Await.until("LIVE after reconnect", () -> !attemptsWhenLive.isEmpty());
        assertEquals(List.of(2, 2, 2), attemptsWhenLive.get(0));
        instruments.forEach(instrument -> assertEquals(SubscriptionState.ACTIVE,
                harness.feed.subscriptionState(instrument)));
        assertEquals(3, harness.statuses(InstrumentState.STALE).size());
    }
}
