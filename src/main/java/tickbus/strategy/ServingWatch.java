package tickbus.strategy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import tickbus.demand.ServingFeed;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;

/**
 * Which feeds, on which nodes, serve one subscription's instrument (as their snapshot answers said), and what the
 * subscription must be told when one of those nodes leaves the cluster: one {@code STALE} per feed it loses. While no
 * feed is known (none answered yet: the feed may start after the subscription; or the last one's node left), the
 * subscription is unserved. Thread-safe.
 */
final class ServingWatch {

    private final String instrument;
    private final Predicate<String> inCluster;
    private final Set<ServingFeed> serving = new HashSet<>();

    /** {@code inCluster} tells whether a node is in the cluster now. */
    ServingWatch(String instrument, Predicate<String> inCluster) {
        this.instrument = instrument;
        this.inCluster = inCluster;
    }

    /**
     * A feed answered a snapshot request: the subscription has a source, unless the feed's node left already (its
     * departure, told first, found nothing to take away; it would never be told again).
     */
    synchronized void served(ServingFeed feed) {
        if (inCluster.test(feed.node())) {
            serving.add(feed);
        }
    }

    /** The statuses to deliver because {@code node} left: none when it served nothing of this subscription. */
    synchronized List<InstrumentStatus> nodeLeft(String node, long nowNanos) {
        List<InstrumentStatus> statuses = new ArrayList<>();
        for (ServingFeed feed : List.copyOf(serving)) {
            if (feed.node().equals(node)) {
                serving.remove(feed);
                statuses.add(stale(feed, nowNanos));
            }
        }
        return statuses;
    }

    /** Whether no feed is known to serve the instrument. */
    synchronized boolean unserved() {
        return serving.isEmpty();
    }

    private InstrumentStatus stale(ServingFeed feed, long nowNanos) {
        String venue = instrument.substring(0, instrument.indexOf(':'));
        // Sequence 0: the status comes from the subscriber's node, not from the source's numbering.
        return new InstrumentStatus(instrument, venue, feed.source(), 0, nowNanos, nowNanos, InstrumentState.STALE, 0,
                0, "the node serving the instrument left the cluster: node=" + feed.node() + ", source="
                        + feed.source() + ", instrument=" + instrument
                        + "; no data from it until a feed serves the instrument again");
    }
}
