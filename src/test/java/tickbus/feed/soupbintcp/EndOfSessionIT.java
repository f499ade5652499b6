package tickbus.feed.soupbintcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import tickbus.event.FeedState;
import tickbus.event.InstrumentState;
import tickbus.testing.Await;
import tickbus.testing.ItchFlowGenerator;

/**
 * End of Session: after the last message the server ends the session; the feed delivers everything before it,
 * goes END_OF_SESSION with the server's words, tells subscribers, closes the connection and does not reconnect.
 */
class EndOfSessionIT {

    @Test
    void theFeedStopsAtEndOfSessionAfterDeliveringEverything() {
        ItchFlowGenerator flow = new ItchFlowGenerator(13, 3);
        List<byte[]> messages = flow.messages(2_000);
        List<String> expected = ItchFeedScenario.tradesOf(flow.expectedTrades(), "XNAS:SYM3");
        try (ItchFeedScenario scenario = new ItchFeedScenario()) {
            scenario.startSim(messages, new JsonObject().put("endOfSessionWhenDone", true));
            scenario.subscribe("XNAS:SYM3");
            scenario.deployFeed(new JsonObject(), new JsonObject());

            scenario.harness.awaitState(FeedState.END_OF_SESSION);
            scenario.awaitTrades("XNAS:SYM3", expected.size());
            Await.until("END_OF_SESSION status to the subscriber",
                    () -> !scenario.statuses(InstrumentState.END_OF_SESSION).isEmpty());

            assertEquals(expected, scenario.trades("XNAS:SYM3"));
            assertEquals(messages.size(), scenario.protocol.decodedMessages());
            String reason = scenario.harness.feedStatuses.get(scenario.harness.feedStatuses.size() - 1).reason();
            assertEquals("end of session: session='SIM1', nextSequenceNumber=" + (messages.size() + 1), reason);
            assertEquals(1, scenario.feed.metrics().connects());
            assertEquals(0, scenario.feed.metrics().reconnects());
            assertEquals(1, scenario.sim.stats().logins());
            assertTrue(scenario.harness.feedStatuses.stream().noneMatch(s -> s.state() == FeedState.BACKING_OFF),
                    scenario.harness.describeStates());
        }
    }
}
