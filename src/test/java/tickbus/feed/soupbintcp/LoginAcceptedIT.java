package tickbus.feed.soupbintcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import tickbus.event.FeedState;
import tickbus.event.Quote;
import tickbus.testing.ItchFlowGenerator;

/**
 * Login accepted: the feed logs in with its credentials, asking for the configured session from message 1, goes
 * LIVE, and a strategy receives exactly the trades and final best bid and offer of the session.
 */
class LoginAcceptedIT {

    private static final String INSTRUMENT = "XNAS:SYM2";

    @Test
    void logsInFromTheFirstMessageAndDeliversTheSession() {
        ItchFlowGenerator flow = new ItchFlowGenerator(7, 4);
        List<byte[]> messages = flow.messages(3_000);
        List<String> expectedTrades = ItchFeedScenario.tradesOf(flow.expectedTrades(), INSTRUMENT);
        try (ItchFeedScenario scenario = new ItchFeedScenario()) {
            scenario.startSim(messages, new JsonObject().put("username", "alice").put("password", "s3cret")
                    .put("session", "DAY1"));
            scenario.subscribe(INSTRUMENT);
            scenario.deployFeed(new JsonObject().put("username", "alice").put("password", "s3cret")
                    .put("session", "DAY1"), new JsonObject());

            scenario.harness.awaitState(FeedState.LIVE);
            scenario.awaitTrades(INSTRUMENT, expectedTrades.size());

            assertEquals(List.of("session='DAY1' sequence=1"), scenario.sim.stats().loginRequests());
            assertEquals(expectedTrades, scenario.trades(INSTRUMENT));
            Quote last = scenario.lastQuote(INSTRUMENT);
            assertEquals(flow.reference().bestBid(2), last.bidPrice());
            assertEquals(flow.reference().bestAsk(2), last.askPrice());
            assertEquals("DAY1", scenario.protocol.lastSession());
        }
    }
}
