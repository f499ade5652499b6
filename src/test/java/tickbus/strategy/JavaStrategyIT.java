package tickbus.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tickbus.event.EventKind;
import tickbus.event.MarketEvent;
import tickbus.event.Quote;
import tickbus.event.Trade;

/** The Java mid-spread strategy, deployed by its alias, against a simulated feed. */
class JavaStrategyIT {

    private static final String INSTRUMENT = "XSIM:AAA";

    private StrategyTestNode node;

    @BeforeEach
    void start() {
        node = new StrategyTestNode();
        node.venueWithFeed("XSIM", List.of("AAA"));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void midSpreadPublishesCountsThatMatchWhatTheFeedDelivered() {
        List<MarketEvent> events = node.record(INSTRUMENT, EnumSet.of(EventKind.QUOTE, EventKind.TRADE));
        List<JsonObject> outputs = node.outputs("mid-spread-test");
        node.deploy(new JsonObject().put("name", "mid-spread-test").put("verticle", "mid-spread")
                .put("config", new JsonObject().put("name", "mid-spread-test")
                        .put("instruments", new JsonArray().add(INSTRUMENT)).put("publishIntervalMillis", 20)));
        node.pumpUntil("an output with 50 quotes", 1, () -> outputs.stream()
                .anyMatch(output -> output.getLong("quotes") >= 50));

        JsonObject output = outputs.stream().filter(candidate -> candidate.getLong("quotes") >= 50).findFirst()
                .orElseThrow();
        assertEquals(INSTRUMENT, output.getString("instrument"));
        long quotesSeen = events.stream().filter(Quote.class::isInstance).count();
        long tradesSeen = events.stream().filter(Trade.class::isInstance).count();
        assertTrue(output.getLong("quotes") <= quotesSeen, output.encode() + " quotesSeen=" + quotesSeen);
        assertTrue(output.getLong("trades") <= tradesSeen, output.encode() + " tradesSeen=" + tradesSeen);
        assertTrue(output.getString("spreadBps").matches("\\d+(\\.\\d+)?"), output.encode());
    }
}
