package tickbus.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tickbus.demand.ServingFeed;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;

class ServingWatchTest {

    private final ServingWatch watch = new ServingWatch("XSIM:AAA", node -> true);

    @Test
    void theDepartureOfTheServingNodeGivesOneStaleNamingNodeSourceAndInstrument() {
        watch.served(new ServingFeed("node-a", "feed-1"));

        List<InstrumentStatus> told = watch.nodeLeft("node-a", 42);

        assertEquals(List.of(new InstrumentStatus("XSIM:AAA", "XSIM", "feed-1", 0, 42, 42, InstrumentState.STALE, 0, 0,
                "the node serving the instrument left the cluster: node=node-a, source=feed-1, instrument=XSIM:AAA"
                        + "; no data from it until a feed serves the instrument again")), told);
        assertTrue(watch.unserved());
        assertEquals(List.of(), watch.nodeLeft("node-a", 43));
    }

    @Test
    void anAnswerFromANodeThatLeftAlreadyServesNothing() {
        ServingWatch afterDeparture = new ServingWatch("XSIM:AAA", node -> !node.equals("node-a"));

        afterDeparture.served(new ServingFeed("node-a", "feed-1"));

        assertTrue(afterDeparture.unserved(), "node-a's departure was told before its answer: none would follow");
    }

    @Test
    void aSubscriptionNoFeedAnsweredYetIsUnservedAndToldNothing() {
        assertTrue(watch.unserved());
        assertEquals(List.of(), watch.nodeLeft("node-a", 42));
    }

    @Test
    void theDepartureOfAnotherNodeGivesNothing() {
        watch.served(new ServingFeed("node-a", "feed-1"));

        assertEquals(List.of(), watch.nodeLeft("node-c", 42));
        assertFalse(watch.unserved());
    }

    @Test
    void aFeedThatAnswersAgainServesTheSubscriptionAndItsNodeIsWatchedFromThen() {
        watch.served(new ServingFeed("node-a", "feed-1"));
        watch.nodeLeft("node-a", 42);

        watch.served(new ServingFeed("node-b", "feed-1"));

        assertFalse(watch.unserved());
        assertEquals(1, watch.nodeLeft("node-b", 43).size());
    }

    @Test
    void aSubscriptionStillServedFromAnotherNodeIsToldOfTheLostFeedAndStaysServed() {
        watch.served(new ServingFeed("node-a", "feed-1"));
        watch.served(new ServingFeed("node-b", "feed-2"));

        assertEquals(1, watch.nodeLeft("node-a", 42).size());
        assertFalse(watch.unserved());
    }
}
