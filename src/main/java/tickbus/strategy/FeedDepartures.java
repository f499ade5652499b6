package tickbus.strategy;

import io.vertx.core.Vertx;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tickbus.demand.ClusterMembership;

/**
 * Tells a node's subscriptions when cluster members join and leave: one membership listener per node (held by
 * {@link tickbus.TickbusNode}), however many subscriptions. Nothing on the event path: only membership changes cost
 * anything.
 */
public final class FeedDepartures {

    /** A subscription that wants word of membership changes; called on a Hazelcast thread. */
    interface Listener {

        void nodeLeft(String node);

        void nodeJoined(String node);

        /** Whether no feed is known to serve the subscription: its serving node's departure would go untold. */
        boolean unserved();
    }

    private static final Logger LOG = LoggerFactory.getLogger(FeedDepartures.class);

    private final ClusterMembership membership;
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private final AtomicLong departures = new AtomicLong();

    private FeedDepartures(Vertx vertx) {
        this.membership = new ClusterMembership(vertx);
    }

    /** Watches the cluster's membership of {@code vertx} until {@link #stop()}. */
    public static FeedDepartures start(Vertx vertx) {
        FeedDepartures departures = new FeedDepartures(vertx);
        departures.membership.watch(departures::joined, departures::left);
        return departures;
    }

    public void stop() {
        membership.stopWatching();
    }

    void add(Listener listener) {
        listeners.add(listener);
    }

    void remove(Listener listener) {
        listeners.remove(listener);
    }

    /** Subscriptions watching (for tests). */
    int listeners() {
        return listeners.size();
    }

    /** Whether {@code node} is in the cluster now (this node always is). */
    boolean isMember(String node) {
        return membership.members().contains(node);
    }

    /** Departures handled since the node started, each after its listeners were told (for tests and monitoring). */
    long departures() {
        return departures.get();
    }

    /** Subscriptions no feed has answered yet (for tests and monitoring). */
    long unservedSubscriptions() {
        return listeners.stream().filter(Listener::unserved).count();
    }

    private void left(String node) {
        LOG.info("node left the cluster, telling the subscriptions it may have served: node={}, watching={}", node,
                listeners.size());
        for (Listener listener : listeners) {
            try {
                listener.nodeLeft(node);
            } catch (RuntimeException e) {
                LOG.error("departure listener failed: node={}", node, e);
            }
        }
        departures.incrementAndGet();
    }

    private void joined(String node) {
        for (Listener listener : listeners) {
            try {
                listener.nodeJoined(node);
            } catch (RuntimeException e) {
                LOG.error("join listener failed: node={}", node, e);
            }
        }
    }
}
