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
        var consumer = nodeA.eventBus().<Quote>consumer(replyAddress, message -> replies.add(message.body()));
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
