package tickbus.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tickbus.Addresses;
import tickbus.TickbusNode;
import tickbus.event.EventKind;
import tickbus.event.FeedState;
import tickbus.event.MarketEvent;
import tickbus.event.Quote;
import tickbus.event.Trade;
import tickbus.feed.FeedSettings;
import tickbus.feed.FeedVerticle;
import tickbus.feed.SubscriptionState;
import tickbus.feed.sim.SimFeedProtocol;
import tickbus.sim.SimVenue;
import tickbus.strategy.MarketData;
import tickbus.strategy.MarketDataSubscription;
import tickbus.testing.Await;
import tickbus.testing.ClusteredNodes;

/**
 * Two clustered nodes in one JVM: a feed on A, a strategy on B. Demand on B makes A subscribe upstream, A's
 * events reach B (after a snapshot, none missed), and B's demand goes when B closes its subscription or leaves the
 * cluster.
 */
class DemandClusterIT {

    private static final String INSTRUMENT = "XSIM:AAA";
    /** Short, so that a lost announcement is repaired well within a test's deadline. */
    private static final long RESYNC_MILLIS = 200;
    /** Many resync intervals, and far less than the default interval: only the resync can meet it. */
    private static final Duration REPAIRED_WITHIN = Duration.ofSeconds(5);

    private final String clusterName = ClusteredNodes.uniqueClusterName("tickbus-it");
    private Vertx nodeA;
    private Vertx nodeB;
    private SimVenue venue;

    private Vertx clusteredNode() {
        return ClusteredNodes.start(clusterName);
    }

    @AfterEach
    void close() {
        if (venue != null) {
            SimVenue.unregister(venue.name());
        }
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            Await.result(nodeA.close());
        }
    }

    @Test
    void demandOnOneNodeDrivesTheFeedOnAnotherAndLeavesWithIt() {
        FeedVerticle feed = startFeedOnA(List.of("AAA", "BBB"));
        DemandRegistry demandOnA = TickbusNode.of(nodeA).demand();

        List<MarketEvent> receivedOnB = new CopyOnWriteArrayList<>();
        MarketDataSubscription subscription = Await.result(MarketData.create(nodeB)
                .subscribe(INSTRUMENT, EnumSet.of(EventKind.QUOTE, EventKind.TRADE), receivedOnB::add));
        Await.until("A subscribed upstream for B", () -> feed.subscriptionState(INSTRUMENT) == SubscriptionState.ACTIVE);
        assertEquals(1, demandOnA.count(INSTRUMENT));
        assertEquals(0, demandOnA.localCount(INSTRUMENT));

        Await.until("quotes from A reach B", () -> {
            venue.generate(20);
            return receivedOnB.stream().anyMatch(event -> event instanceof Quote);
        });
        assertEquals(INSTRUMENT, receivedOnB.get(0).instrument());

        Await.result(subscription.close());
        Await.until("A released upstream", () -> feed.subscriptionState(INSTRUMENT) == SubscriptionState.UNSUBSCRIBED);
        assertEquals(0, demandOnA.count(INSTRUMENT));

        Await.result(MarketData.create(nodeB).subscribe(INSTRUMENT, EnumSet.of(EventKind.QUOTE), event -> {
        }));
        Await.until("A subscribed again", () -> feed.subscriptionState(INSTRUMENT) == SubscriptionState.ACTIVE);
        Await.until("cluster safe before the crash", () -> hazelcast(nodeA).getPartitionService().isClusterSafe());
        hazelcast(nodeB).getLifecycleService().terminate();
        Await.until("B's demand removed when B left", () -> demandOnA.count(INSTRUMENT) == 0);
        Await.until("A released upstream after B left",
                () -> feed.subscriptionState(INSTRUMENT) == SubscriptionState.UNSUBSCRIBED);
        assertEquals(2, venue.subscribeAttempts("AAA"));
    }

    /**
     * B's demand announcement and its snapshot request reach A on different contexts, so A may serve the request
     * first (here the announcement is held back): the events after the snapshot must still reach B.
     */
    @Test
    void everyEventAfterTheSnapshotReachesARemoteSubscriberWhoseDemandAnnouncementIsLate() {
        // One symbol: every message is the instrument's, so its events are numbered without holes.
        startFeedOnA(List.of("AAA"));
        venue.generate(20);
        Await.until("A holds a quote of the instrument", () -> latestQuoteOnA() != null);

        List<DeliveryContext<?>> heldAnnouncements = new CopyOnWriteArrayList<>();
        nodeA.eventBus().addInboundInterceptor(delivery -> {
            if (Addresses.DEMAND_CHANGES.equals(delivery.message().address())) {
                heldAnnouncements.add(delivery);
            } else {
                delivery.next();
            }
        });
        List<MarketEvent> receivedOnB = new CopyOnWriteArrayList<>();
        Await.result(MarketData.create(nodeB).subscribe(INSTRUMENT, EnumSet.of(EventKind.QUOTE, EventKind.TRADE),
                event -> {
                    if (event instanceof Quote || event instanceof Trade) {
                        receivedOnB.add(event);
                    }
                }));
        long snapshotPosition = venue.lastSequence();
        Await.until("B has its snapshot", () -> !receivedOnB.isEmpty());

        venue.generate(20);
        Await.until("A decoded the events after the snapshot",
                () -> {
                    Quote latest = latestQuoteOnA();
                    return latest != null && latest.sequence() > snapshotPosition + 10;
                });
        heldAnnouncements.forEach(DeliveryContext::next);
        Await.until("B's demand applied on A", () -> TickbusNode.of(nodeA).demand().count(INSTRUMENT) == 1);
        venue.generate(20);
        long last = venue.lastSequence();
        Await.until("B received the last event", () -> receivedOnB.stream().anyMatch(e -> e.sequence() == last));

        // Quotes and trades travel on two addresses: each kind keeps its order, the two may interleave differently.
        List<Long> live = receivedOnB.subList(1, receivedOnB.size()).stream().map(MarketEvent::sequence).sorted()
                .toList();
        assertEquals(LongStream.rangeClosed(snapshotPosition + 1, last).boxed().toList(), live);
    }

    /** A's latest quote of the instrument, asked like a subscriber asks for a snapshot, without demand. */
    private Quote latestQuoteOnA() {
        String replyAddress = Addresses.snapshotReply(UUID.randomUUID());
        List<Quote> replies = new CopyOnWriteArrayList<>();
        // The feed's answer (a ServingFeed) comes first, then the snapshot.
        var consumer = nodeA.eventBus().consumer(replyAddress, message -> {
            if (message.body() instanceof Quote quote) {
                replies.add(quote);
            }
        });
        try {
            Await.result(consumer.completion());
            nodeA.eventBus().publish(Addresses.SNAPSHOT_REQUESTS,
                    new JsonObject().put("instrument", INSTRUMENT).put("replyAddress", replyAddress));
            Await.until("a snapshot reply", Duration.ofSeconds(2), () -> !replies.isEmpty());
            return replies.get(0);
        } catch (AssertionError noQuoteYet) {
            return null;
        } finally {
            consumer.unregister();
        }
    }

    @Test
    void aLateCopyOfAnAnnouncementFromANodeThatLeftDoesNotBringItsDemandBack() {
        nodeA = clusteredNode();
        nodeB = clusteredNode();
        DemandRegistry demandOnA = TickbusNode.of(nodeA).demand();
        Await.result(TickbusNode.of(nodeB).demand().acquire(INSTRUMENT));
        JsonObject acquiredOnB = TickbusNode.of(nodeB).demand().announcement(INSTRUMENT);
        Await.until("B's demand seen on A", () -> demandOnA.count(INSTRUMENT) == 1);
        Await.until("cluster safe before the crash", () -> hazelcast(nodeA).getPartitionService().isClusterSafe());
        hazelcast(nodeB).getLifecycleService().terminate();
        Await.until("B's demand removed when B left", () -> demandOnA.count(INSTRUMENT) == 0);
        Await.result(demandOnA.resync());
        assertEquals(0, demandOnA.count(INSTRUMENT));

        // B's announcement delivered late (or again): B is gone and will never release it.
        nodeA.eventBus().publish(Addresses.DEMAND_CHANGES, acquiredOnB);
        nodeA.eventBus().publish(Addresses.DEMAND_CHANGES, new JsonObject().put("node", "marker")
                .put("instrument", "XSIM:MARKER").put("count", 1).put("kinds", 0b1111).put("version", 1));
        Await.until("the marker applied after it", () -> demandOnA.isDemanded("XSIM:MARKER"));
        assertEquals(0, demandOnA.count(INSTRUMENT));
    }

    @Test
    void aNodeThatJoinsLaterIgnoresDemandLeftInTheClusterMapByANodeThatIsGone() {
        nodeA = clusteredNode();
        // An entry nobody removed: its node died after its release was applied but before the map removal ran.
        JsonObject leftBehind = new JsonObject().put("node", UUID.randomUUID().toString()).put("instrument", INSTRUMENT)
                .put("count", 1).put("kinds", 0b1111).put("version", 7);
        Await.result(nodeA.sharedData().<String, JsonObject>getAsyncMap(Addresses.DEMAND)
                .compose(map -> map.put(INSTRUMENT + "|" + leftBehind.getString("node"), leftBehind)));

        nodeB = clusteredNode();
        assertEquals(0, TickbusNode.of(nodeB).demand().count(INSTRUMENT));
        Await.result(TickbusNode.of(nodeB).demand().resync());
        assertEquals(0, TickbusNode.of(nodeB).demand().count(INSTRUMENT));
    }

    @Test
    void anAcquireAnnouncementLostOnTheWayIsRepairedFromTheClusterMap() {
        startNodesWithShortResync();
        DemandRegistry demandOnA = TickbusNode.of(nodeA).demand();
        List<String> changesOnA = recordChanges(demandOnA);
        List<JsonObject> lost = loseOneAnnouncement(nodeA, TickbusNode.of(nodeB).demand().nodeId(), 1);

        Await.result(TickbusNode.of(nodeB).demand().acquire(INSTRUMENT));
        Await.until("the acquire lost on its way to A", () -> !lost.isEmpty());
        Await.until("B's demand on A all the same", REPAIRED_WITHIN, () -> demandOnA.count(INSTRUMENT) == 1);
        assertEquals(List.of(INSTRUMENT + "=true"), changesOnA);
    }

    @Test
    void aReleaseAnnouncementLostOnTheWayIsRepairedFromTheClusterMap() {
        startNodesWithShortResync();
        DemandRegistry demandOnA = TickbusNode.of(nodeA).demand();
        List<String> changesOnA = recordChanges(demandOnA);
        Await.result(TickbusNode.of(nodeB).demand().acquire(INSTRUMENT));
        Await.until("B's demand on A", () -> demandOnA.count(INSTRUMENT) == 1);
        List<JsonObject> lost = loseOneAnnouncement(nodeA, TickbusNode.of(nodeB).demand().nodeId(), 0);

        Await.result(TickbusNode.of(nodeB).demand().release(INSTRUMENT));
        Await.until("the release lost on its way to A", () -> !lost.isEmpty());
        Await.until("B's demand gone from A all the same", REPAIRED_WITHIN, () -> demandOnA.count(INSTRUMENT) == 0);
        assertEquals(List.of(INSTRUMENT + "=true", INSTRUMENT + "=false"), changesOnA);
    }

    /**
     * B's acquire reaches A before its map entry lands, and A's resync reads the map in between: what it reads then
     * (B's earlier release, or before B's first acquire nothing) must not remove the demand.
     */
    @Test
    void anAcquireTheResyncReadsBeforeItsMapEntryLandsIsNotRemoved() {
        startNodesWithShortResync();
        DemandRegistry demandOnA = TickbusNode.of(nodeA).demand();
        DemandRegistry demandOnB = TickbusNode.of(nodeB).demand();
        List<String> changesOnA = recordChanges(demandOnA);
        Await.result(demandOnB.acquire(INSTRUMENT));
        Await.until("B's acquire on A", () -> demandOnA.count(INSTRUMENT) == 1);
        Await.result(demandOnB.release(INSTRUMENT));
        Await.until("B's release on A", () -> demandOnA.count(INSTRUMENT) == 0);
        Await.result(demandOnB.acquire(INSTRUMENT));
        Await.until("B's second acquire on A", () -> demandOnA.count(INSTRUMENT) == 1);

        String key = INSTRUMENT + "|" + demandOnB.nodeId();
        var map = Await.result(nodeA.sharedData().<String, JsonObject>getAsyncMap(Addresses.DEMAND));
        JsonObject acquired = Await.result(map.get(key));
        // The map as the resync reads it before the acquire's put lands: holding the release before it.
        JsonObject released = acquired.copy().put("count", 0).put("kinds", 0)
                .put("version", acquired.getLong("version") - 1);
        Await.result(map.put(key, released));
        Await.result(demandOnA.resync());
        assertEquals(1, demandOnA.count(INSTRUMENT));
        // The same for a first acquire: no entry at all.
        Await.result(map.remove(key));
        Await.result(demandOnA.resync());
        assertEquals(1, demandOnA.count(INSTRUMENT));
        assertEquals(List.of(INSTRUMENT + "=true", INSTRUMENT + "=false", INSTRUMENT + "=true"), changesOnA);
    }

    /**
     * Nodes A and B re-reading the map every {@link #RESYNC_MILLIS}, once B's announcements reach A: until B learns
     * that A listens, they are lost (and repaired) whether or not a test loses one.
     */
    private void startNodesWithShortResync() {
        nodeA = ClusteredNodes.start(clusterName, RESYNC_MILLIS);
        nodeB = ClusteredNodes.start(clusterName, RESYNC_MILLIS);
        AtomicBoolean probeArrived = new AtomicBoolean();
        nodeA.eventBus().addInboundInterceptor(delivery -> {
            if (Addresses.DEMAND_CHANGES.equals(delivery.message().address())
                    && delivery.message().body() instanceof JsonObject announcement
                    && "probe".equals(announcement.getString("node"))) {
                probeArrived.set(true);
            }
            delivery.next();
        });
        // A release of nothing, by a node that never demanded anything: it changes nothing where it arrives.
        JsonObject probe = new JsonObject().put("node", "probe").put("instrument", "XSIM:PROBE").put("count", 0)
                .put("kinds", 0).put("version", 1);
        AtomicInteger polls = new AtomicInteger();
        Await.until("B's announcements reach A", () -> {
            if (polls.getAndIncrement() % 20 == 0) {
                nodeB.eventBus().publish(Addresses.DEMAND_CHANGES, probe);
            }
            return probeArrived.get();
        });
    }

    private static List<String> recordChanges(DemandRegistry demand) {
        List<String> changes = new CopyOnWriteArrayList<>();
        demand.addListener((instrument, demanded) -> changes.add(instrument + "=" + demanded));
        return changes;
    }

    /**
     * Swallows, on {@code receiver}, the next announcement of {@code node} for the instrument with count
     * {@code count} (0: a release, else an acquire), as a dropped cluster connection would; returns what it swallowed.
     */
    private static List<JsonObject> loseOneAnnouncement(Vertx receiver, String node, int count) {
        List<JsonObject> lost = new CopyOnWriteArrayList<>();
        receiver.eventBus().addInboundInterceptor(delivery -> {
            if (lost.isEmpty() && Addresses.DEMAND_CHANGES.equals(delivery.message().address())
                    && delivery.message().body() instanceof JsonObject announcement
                    && node.equals(announcement.getString("node"))
                    && INSTRUMENT.equals(announcement.getString("instrument"))
                    && (announcement.getInteger("count") == 0) == (count == 0)) {
                lost.add(announcement);
            } else {
                delivery.next();
            }
        });
        return lost;
    }

    /** Nodes A and B, and a feed of a simulated firehose venue of {@code symbols} LIVE on A. */
    private FeedVerticle startFeedOnA(List<String> symbols) {
        nodeA = clusteredNode();
        nodeB = clusteredNode();
        venue = SimVenue.register(new SimVenue("venue-" + clusterName, symbols, 5));
        FeedSettings settings = FeedSettings.fromJson(new JsonObject().put("source", "cluster-feed")
                .put("venue", "XSIM").put("protocol", "sim").put("releaseLingerMillis", 0)
                .put("settings", new JsonObject().put("venueName", venue.name())), "config");
        FeedVerticle feed = new FeedVerticle(settings, new SimFeedProtocol(venue.name()));
        Await.result(nodeA.deployVerticle(feed));
        Await.until("feed LIVE", () -> feed.metrics().state() == FeedState.LIVE);
        return feed;
    }

    private static com.hazelcast.core.HazelcastInstance hazelcast(Vertx vertx) {
        return ((HazelcastClusterManager) ((VertxInternal) vertx).clusterManager()).getHazelcastInstance();
    }
}
