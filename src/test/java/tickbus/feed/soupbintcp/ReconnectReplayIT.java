package tickbus.feed.soupbintcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import tickbus.event.FeedState;
import tickbus.event.Quote;
import tickbus.testing.Await;
import tickbus.testing.ItchFlowGenerator;

/**
 * Reconnect with replay: the server resets the connection in the middle of packets, three times; each time the
 * feed logs in again asking for the message after the last one it processed, and the strategy receives every
 * trade once, in order, and the final best bid and offer of the reference book. Resets at the very first bytes
 * after a login (before or just after the Login Accepted reaches the feed) are survived the same way.
 */
class ReconnectReplayIT {

    @Test
    void eachReloginAsksForTheNextUnprocessedMessage() {
        ItchFlowGenerator flow = new ItchFlowGenerator(17, 3);
        List<byte[]> messages = flow.messages(30_000);
        try (ItchFeedScenario scenario = new ItchFeedScenario()) {
            scenario.startSim(messages, new JsonObject());
            long bytes = scenario.sim.streamBytes();
            scenario.sim.faults().resetAtStreamOffsets(List.of(bytes / 4 + 1, bytes / 2 + 2, 3 * bytes / 4 + 3));
            scenario.subscribe("XNAS:SYM1", "XNAS:SYM2", "XNAS:SYM3");
            scenario.deployFeed(new JsonObject(), new JsonObject());

            scenario.awaitDecoded(messages.size());
            for (int locate = 1; locate <= 3; locate++) {
                String instrument = "XNAS:SYM" + locate;
                List<String> expected = ItchFeedScenario.tradesOf(flow.expectedTrades(), instrument);
                scenario.awaitTrades(instrument, expected.size());
                assertEquals(expected, scenario.trades(instrument));
                Quote last = scenario.lastQuote(instrument);
                assertEquals(flow.reference().bestBid(locate), last.bidPrice(), instrument);
                assertEquals(flow.reference().bestAsk(locate), last.askPrice(), instrument);
            }

            assertEquals(3, scenario.sim.stats().resets());
            scenario.harness.awaitState(FeedState.LIVE);
            List<String> logins = scenario.sim.stats().loginRequests();
            assertEquals(4, logins.size(), logins.toString());
            assertEquals("session='' sequence=1", logins.get(0));
            long previous = 1;
            for (String login : logins.subList(1, 4)) {
                assertTrue(login.startsWith("session='SIM1' sequence="), login);
                long requested = Long.parseLong(login.substring(login.indexOf("sequence=") + 9));
                assertTrue(requested > previous, "each relogin resumes later: " + logins);
                previous = requested;
            }
            assertEquals(0, scenario.feed.metrics().duplicates(), "nothing was sent twice");
        }
    }

    @Test
    void resetsRightAfterTheLoginAreSurvived() {
        ItchFlowGenerator flow = new ItchFlowGenerator(31, 2);
        List<byte[]> messages = flow.messages(2_000);
        try (ItchFeedScenario scenario = new ItchFeedScenario()) {
            scenario.startSim(messages, new JsonObject());
            scenario.sim.faults().resetAtStreamOffsets(List.of(0L, 1L));
            scenario.subscribe("XNAS:SYM1");
            scenario.deployFeed(new JsonObject(), new JsonObject());

            scenario.awaitDecoded(messages.size());
            List<String> expected = ItchFeedScenario.tradesOf(flow.expectedTrades(), "XNAS:SYM1");
            scenario.awaitTrades("XNAS:SYM1", expected.size());

            assertEquals(expected, scenario.trades("XNAS:SYM1"));
            assertEquals(2, scenario.sim.stats().resets());
            assertEquals(3, scenario.sim.stats().logins());
            scenario.harness.awaitState(FeedState.LIVE);
        }
    }
}
