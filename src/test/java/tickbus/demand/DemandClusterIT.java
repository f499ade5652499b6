package tickbus.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tickbus.TickbusNode;
import tickbus.event.EventKind;
import tickbus.event.FeedState;
import tickbus.event.MarketEvent;
import tickbus.event.Quote;
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
 * events reach B, and B's demand goes when B closes its subscription or leaves the cluster.
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
        nodeA = clusteredNode();
        nodeB = clusteredNode();
        venue = SimVenue.register(new SimVenue("venue-" + clusterName, List.of("AAA", "BBB"), 5));
        FeedSettings settings = FeedSettings.fromJson(new JsonObject().put("source", "cluster-feed")
                .put("venue", "XSIM").put("protocol", "sim").put("releaseLingerMillis", 0)
                .put("settings", new JsonObject().put("venueName", venue.name())), "config");
        FeedVerticle feed = new FeedVerticle(settings, new SimFeedProtocol(venue.name()));
        Await.result(nodeA.deployVerticle(feed));
        Await.until("feed LIVE", () -> feed.metrics().state() == FeedState.LIVE);
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

    private static com.hazelcast.core.HazelcastInstance hazelcast(Vertx vertx) {
        return ((HazelcastClusterManager) ((VertxInternal) vertx).clusterManager()).getHazelcastInstance();
    }
}
