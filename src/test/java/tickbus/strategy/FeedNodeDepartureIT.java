package tickbus.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tickbus.Addresses;
import tickbus.TickbusNode;
import tickbus.demand.ServingFeed;
import tickbus.event.EventKind;
import tickbus.event.FeedState;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.event.MarketEvent;
import tickbus.event.Quote;
import tickbus.feed.FeedSettings;
import tickbus.feed.FeedVerticle;
import tickbus.feed.sim.SimFeedProtocol;
import tickbus.sim.SimVenue;
import tickbus.testing.Await;
import tickbus.testing.ClusteredNodes;

/**
 * A strategy on B subscribed to an instrument whose feed runs on A: when A leaves the cluster without a word, the
 * strategy is told (one {@code STALE} naming A and the instrument), and it gets the snapshot path again when a
 * feed serves the instrument again.
 */
class FeedNodeDepartureIT {

    private static final String INSTRUMENT = "XSIM:AAA";
    /** Far below Hazelcast's max-no-heartbeat (15 s): only the dropped connection can explain a departure in time. */
    private static final Duration TOLD_WITHIN = Duration.ofSeconds(10);

    private final String clusterName = ClusteredNodes.uniqueClusterName("tickbus-departure");
    private final List<Vertx> nodes = new CopyOnWriteArrayList<>();
    private SimVenue venue;

    @AfterEach
    void close() {
        if (venue != null) {
            SimVenue.unregister(venue.name());
        }
        for (Vertx node : nodes) {
            try {
                Await.result(node.close());
            } catch (AssertionError alreadyTerminated) {
                // A node whose Hazelcast was terminated fails to leave the cluster; it is closed all the same.
            }
        }
    }

    @Test
    void aStrategyIsToldOnceWhenTheNodeServingItsInstrumentDiesAndGetsASnapshotWhenAFeedServesItAgain() {
        Vertx nodeA = node();
        Vertx nodeB = node();
        List<MarketEvent> onB = servedByAOnB(nodeA, nodeB);

        String nodeIdA = TickbusNode.of(nodeA).demand().nodeId();
        crash(nodeA);
        Await.until("B told that A left", TOLD_WITHIN, () -> !stale(onB).isEmpty(), () -> statuses(onB));
        InstrumentStatus told = stale(onB).get(0);
        assertEquals(INSTRUMENT, told.instrument());
        assertTrue(told.reason().contains("node=" + nodeIdA), told.reason());
        assertTrue(told.reason().contains("instrument=" + INSTRUMENT), told.reason());

        int before = onB.size();
        Vertx nodeC = node();
        startFeed(nodeC);
        awaitQuote(onB, before);
        assertEquals(1, stale(onB).size(), () -> "one STALE per departure: " + statuses(onB));

        // C's feed answers the snapshot asked again: C's departure is told too.
        Await.until("B knows that C serves its subscription", () -> unserved(nodeB) == 0);
        String nodeIdC = TickbusNode.of(nodeC).demand().nodeId();
        crash(nodeC);
        Await.until("B told that C left", TOLD_WITHIN, () -> stale(onB).size() == 2, () -> statuses(onB));
        assertTrue(stale(onB).get(1).reason().contains("node=" + nodeIdC), stale(onB).get(1).reason());
    }

    /** At a cluster's start a strategy may subscribe before the feed is deployed: nobody answers its first request. */
    @Test
    void aStrategyThatSubscribedBeforeTheFeedStartedIsToldWhenTheFeedNodeDies() {
        venue = SimVenue.register(new SimVenue("venue-" + clusterName, List.of("AAA"), 5));
        Vertx nodeA = node();
        Vertx nodeB = node();
        List<MarketEvent> onB = subscribe(nodeB);
        startFeed(nodeA);
        awaitQuote(onB, 0);
        // Nothing but the retry may tell B who serves it (the feed may go LIVE before it learns B's demand).
        Await.until("B knows who serves its subscription", () -> unserved(nodeB) == 0);

        String nodeIdA = TickbusNode.of(nodeA).demand().nodeId();
        crash(nodeA);
        Await.until("B told that A left", TOLD_WITHIN, () -> !stale(onB).isEmpty(), () -> statuses(onB));
        assertTrue(stale(onB).get(0).reason().contains("node=" + nodeIdA), stale(onB).get(0).reason());
    }

    @Test
    void theDepartureOfANodeThatServedNothingOfASubscriptionTellsItNothing() {
        venue = SimVenue.register(new SimVenue("venue-" + clusterName, List.of("AAA"), 5));
        Vertx nodeA = node();
        Vertx nodeB = node();
        Vertx nodeC = node();
        startFeed(nodeA);
        List<MarketEvent> onA = subscribe(nodeA);
        List<MarketEvent> onB = subscribe(nodeB);
        awaitQuote(onA, 0);
        awaitQuote(onB, 0);
        Await.until("A and B know who serves their subscriptions", () -> unserved(nodeA) + unserved(nodeB) == 0);

        crash(nodeC);
        Await.until("A and B handled C's departure",
                () -> departures(nodeA) == 1 && departures(nodeB) == 1);
        // A quote published after the departure is delivered after anything the departure caused.
        awaitQuote(onA, onA.size());
        awaitQuote(onB, onB.size());
        assertEquals(List.of(), stale(onA));
        assertEquals(List.of(), stale(onB));

        // A subscriber's departure tells nothing to the strategy on the feed's own node either.
        crash(nodeB);
        Await.until("A handled B's departure", () -> departures(nodeA) == 2);
        awaitQuote(onA, onA.size());
        assertEquals(List.of(), stale(onA));
    }

    @Test
    void aGracefulStopOfTheFeedNodeGivesWhatItGaveBeforeAndOneStaleForTheDeparture() {
        Vertx nodeA = node();
        Vertx nodeB = node();
        List<MarketEvent> onB = servedByAOnB(nodeA, nodeB);

        String nodeIdA = TickbusNode.of(nodeA).demand().nodeId();
        nodes.remove(nodeA);
        Await.result(nodeA.close());
        Await.until("B told that A left", TOLD_WITHIN, () -> !stale(onB).isEmpty(), () -> statuses(onB));
        Await.until("B handled A's departure", () -> departures(nodeB) == 1);
        int before = onB.size();
        startFeed(node());
        awaitQuote(onB, before);
        // A feed stopping gracefully publishes no instrument status (only its FeedStatus): the departure's is the one.
        List<InstrumentStatus> statuses = onB.subList(0, before).stream()
                .filter(event -> event instanceof InstrumentStatus).map(InstrumentStatus.class::cast).toList();
        assertEquals(1, statuses.size(), () -> statuses(onB));
        assertEquals(InstrumentState.STALE, statuses.get(0).state());
        assertTrue(statuses.get(0).reason().contains("node=" + nodeIdA), statuses.get(0).reason());
        // Data again from the new feed, and no second STALE.
        assertEquals(1, stale(onB).size(), () -> statuses(onB));
    }

    /**
     * An answer handled after its node's departure was (the membership event came first) serves nothing: it would
     * leave the subscription served by a node whose departure was already told, and no longer asking.
     */
    @Test
    void anAnswerFromANodeNoLongerInTheClusterLeavesTheSubscriptionAsking() {
        Vertx nodeB = node();
        AtomicInteger requests = new AtomicInteger();
        Await.result(nodeB.eventBus().<JsonObject>consumer(Addresses.SNAPSHOT_REQUESTS, request -> {
            requests.incrementAndGet();
            nodeB.eventBus().send(request.body().getString("replyAddress"),
                    new ServingFeed("departed-node", "departure-feed").toJson());
        }).completion());

        subscribe(nodeB);

        Await.until("the subscription asks again", Duration.ofSeconds(15), () -> requests.get() >= 2);
        assertEquals(1, unserved(nodeB));
    }

    /** A burst of statuses while no feed answered asks again once, not once per status. */
    @Test
    void statusesWhileUnservedAskAgainOnceAtATime() {
        Vertx nodeB = node();
        AtomicInteger requests = new AtomicInteger();
        Await.result(nodeB.eventBus().<JsonObject>consumer(Addresses.SNAPSHOT_REQUESTS,
                request -> requests.incrementAndGet()).completion());
        List<MarketEvent> onB = new CopyOnWriteArrayList<>();
        MarketDataSubscription subscription = Await.result(MarketData.create(nodeB).subscribe(INSTRUMENT,
                EnumSet.of(EventKind.QUOTE), onB::add));
        Await.until("the first request", () -> requests.get() == 1);

        nodeB.runOnContext(v -> {
            for (int i = 1; i <= 50; i++) {
                nodeB.eventBus().publish(Addresses.marketData(EventKind.STATUS, INSTRUMENT), new InstrumentStatus(
                        INSTRUMENT, "XSIM", "departure-feed", i, i, i, InstrumentState.LIVE, 0, 0, "burst"));
            }
        });
        Await.until("the burst delivered and asked again", () -> onB.size() == 50 && requests.get() >= 2);
        Await.result(subscription.close());

        assertTrue(requests.get() <= 3, "requests=" + requests.get());
    }

    private static long unserved(Vertx node) {
        return TickbusNode.of(node).departures().unservedSubscriptions();
    }

    private static long departures(Vertx node) {
        return TickbusNode.of(node).departures().departures();
    }

    private Vertx node() {
        Vertx vertx = ClusteredNodes.start(clusterName);
        nodes.add(vertx);
        return vertx;
    }

    /** A's feed serves the instrument to a subscription on B, and B knows it. */
    private List<MarketEvent> servedByAOnB(Vertx nodeA, Vertx nodeB) {
        venue = SimVenue.register(new SimVenue("venue-" + clusterName, List.of("AAA"), 5));
        startFeed(nodeA);
        List<MarketEvent> onB = subscribe(nodeB);
        awaitQuote(onB, 0);
        Await.until("B knows who serves its subscription", () -> unserved(nodeB) == 0);
        return onB;
    }

    private void startFeed(Vertx node) {
        FeedSettings settings = FeedSettings.fromJson(new JsonObject().put("source", "departure-feed")
                .put("venue", "XSIM").put("protocol", "sim").put("releaseLingerMillis", 0)
                .put("settings", new JsonObject().put("venueName", venue.name())), "config");
        FeedVerticle feed = new FeedVerticle(settings, new SimFeedProtocol(venue.name()));
        Await.result(node.deployVerticle(feed));
        Await.until("feed LIVE", () -> feed.metrics().state() == FeedState.LIVE);
    }

    private static List<MarketEvent> subscribe(Vertx node) {
        List<MarketEvent> received = new CopyOnWriteArrayList<>();
        Await.result(MarketData.create(node).subscribe(INSTRUMENT, EnumSet.of(EventKind.QUOTE), received::add));
        return received;
    }

    /** Waits for a quote among the events received after the first {@code from}. */
    private void awaitQuote(List<MarketEvent> received, int from) {
        Await.until("a quote", () -> {
            venue.generate(20);
            List<MarketEvent> all = List.copyOf(received);
            return all.subList(from, all.size()).stream().anyMatch(event -> event instanceof Quote);
        });
    }

    private static String statuses(List<MarketEvent> received) {
        return received.size() + " events, statuses: " + received.stream()
                .filter(event -> event instanceof InstrumentStatus).toList();
    }

    private static List<InstrumentStatus> stale(List<MarketEvent> received) {
        return received.stream().filter(event -> event instanceof InstrumentStatus status
                && status.state() == InstrumentState.STALE).map(InstrumentStatus.class::cast).toList();
    }

    /** Ends {@code node}'s cluster membership without a goodbye, as kill -9 would, once its data is safe. */
    private static void crash(Vertx node) {
        Await.until("cluster safe before the crash", () -> hazelcast(node).getPartitionService().isClusterSafe());
        hazelcast(node).getLifecycleService().terminate();
    }

    private static HazelcastInstance hazelcast(Vertx vertx) {
        return ((HazelcastClusterManager) ((VertxInternal) vertx).clusterManager()).getHazelcastInstance();
    }
}
