package tickbus.feed.soupbintcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.event.Quote;
import tickbus.testing.Await;
import tickbus.testing.ItchFlowGenerator;
import tickbus.testing.ListItchSource;

/**
 * Session changed: the server starts a new session (a new day: numbering from 1, order references reused). The
 * relogin into the old session is refused ("session not available"); the feed then asks for the current session
 * from its first message, publishes RESET and rebuilds the books from the new session alone — the new day's
 * orders never meet the old day's books (which would make the instrument SUSPECT).
 */
class SessionChangedIT {

    private static final String INSTRUMENT = "XNAS:SYM1";

    @Test
    void aNewSessionResetsTheBooksInsteadOfMixingDays() {
        ItchFlowGenerator dayOne = new ItchFlowGenerator(23, 2);
        List<byte[]> dayOneMessages = dayOne.messages(3_000);
        ItchFlowGenerator dayTwo = new ItchFlowGenerator(29, 2);
        List<byte[]> dayTwoMessages = dayTwo.messages(2_000);
        try (ItchFeedScenario scenario = new ItchFeedScenario()) {
            scenario.startSim(dayOneMessages, new JsonObject().put("session", "DAY1"));
            scenario.subscribe(INSTRUMENT);
            scenario.deployFeed(new JsonObject(), new JsonObject());
            scenario.awaitDecoded(dayOneMessages.size());
            scenario.awaitTrades(INSTRUMENT, ItchFeedScenario.tradesOf(dayOne.expectedTrades(), INSTRUMENT).size());

            Await.result(scenario.sim.startNewSession("DAY2", new ListItchSource(dayTwoMessages)));
            scenario.awaitDecoded(dayOneMessages.size() + dayTwoMessages.size());
            Await.until("the RESET status", () -> !scenario.statuses(InstrumentState.RESET).isEmpty());

            List<String> expectedTrades = new ArrayList<>(ItchFeedScenario.tradesOf(dayOne.expectedTrades(),
                    INSTRUMENT));
            // Day two numbers from 1 again: had any of its trades arrived before the RESET, the subscriber would have
            // dropped it as a duplicate of day one's numbers, and this list would be short.
            expectedTrades.addAll(ItchFeedScenario.tradesOf(dayTwo.expectedTrades(), INSTRUMENT));
            scenario.awaitTrades(INSTRUMENT, expectedTrades.size());
            assertEquals(expectedTrades, scenario.trades(INSTRUMENT));
            InstrumentStatus reset = scenario.statuses(InstrumentState.RESET).get(0);
            assertEquals("session changed: from='DAY1', to='DAY2'", reset.reason());
            assertTrue(scenario.statuses(InstrumentState.SUSPECT).isEmpty(), "books mixed across sessions");
            Quote last = scenario.lastQuote(INSTRUMENT);
            assertEquals(dayTwo.reference().bestBid(1), last.bidPrice());
            assertEquals(dayTwo.reference().bestAsk(1), last.askPrice());
            assertEquals(List.of("session='' sequence=1", "session='DAY1' sequence=" + (dayOneMessages.size() + 1),
                    "session='' sequence=1"), scenario.sim.stats().loginRequests());
            assertEquals("DAY2", scenario.protocol.lastSession());
        }
    }
}
