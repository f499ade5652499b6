package tickbus.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tickbus.event.EventKind;
import tickbus.event.MarketEvent;
import tickbus.event.Quote;

/** The JavaScript quote-imbalance strategy on GraalJS (run with {@code -Pjs}), deployed from a descriptor entry. */
class JsStrategyIT {

    private static final String INSTRUMENT = "XSIM:AAA";

    private StrategyTestNode node;

    @BeforeEach
    void start() {
        node = new StrategyTestNode();
        node.venueWithFeed("XSIM", List.of("AAA", "BBB"));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void imbalanceAndMicroPriceAreComputedFromEachQuote() {
        List<MarketEvent> quotes = node.record(INSTRUMENT, EnumSet.of(EventKind.QUOTE));
        List<JsonObject> outputs = node.outputs("imbalance-test");
        node.deploy(new JsonObject().put("name", "imbalance-test").put("verticle", "js:strategies/imbalance.js")
                .put("worker", true).put("config", new JsonObject().put("name", "imbalance-test")
                        .put("instruments", new JsonArray().add(INSTRUMENT)).put("threshold", "0.3")));

        node.pumpUntil("10 imbalance outputs", 2, () -> outputs.size() >= 10);

        for (JsonObject output : List.copyOf(outputs).subList(0, 10)) {
            Quote quote = quotes.stream().filter(event -> event.sequence() == output.getLong("seq"))
                    .map(Quote.class::cast).findFirst().orElseThrow();
            BigDecimal depth = BigDecimal.valueOf(quote.bidSize() + quote.askSize());
            BigDecimal imbalance = BigDecimal.valueOf(quote.bidSize() - quote.askSize())
                    .divide(depth, 4, RoundingMode.HALF_EVEN);
            BigDecimal microPrice = quote.bid().multiply(BigDecimal.valueOf(quote.askSize()))
                    .add(quote.ask().multiply(BigDecimal.valueOf(quote.bidSize())))
                    .divide(depth, 6, RoundingMode.HALF_EVEN);
            assertEquals(INSTRUMENT, output.getString("instrument"));
            assertEquals(imbalance.toPlainString(), output.getString("imbalance"), output.encode());
            assertEquals(microPrice.stripTrailingZeros().toPlainString(), output.getString("microPrice"));
            BigDecimal difference = BigDecimal.valueOf(quote.bidSize() - quote.askSize());
            String pressure = difference.compareTo(new BigDecimal("0.3").multiply(depth)) >= 0 ? "BID"
                    : difference.compareTo(new BigDecimal("-0.3").multiply(depth)) <= 0 ? "ASK" : "NEUTRAL";
            assertEquals(pressure, output.getString("pressure"), output.encode());
        }
    }

    @Test
    void pressureComparesTheExactImbalanceNotTheRoundedOne() {
        String instrument = "XHAND:ZZZ";
        List<JsonObject> outputs = node.outputs("imbalance-edge");
        node.deploy(new JsonObject().put("name", "imbalance-edge").put("verticle", "js:strategies/imbalance.js")
                .put("worker", true).put("config", new JsonObject().put("name", "imbalance-edge")
                        .put("instruments", new JsonArray().add(instrument)).put("threshold", "0.3")));
        long[][] sizes = {{64_999, 35_001}, {65_000, 35_000}, {35_001, 64_999}, {35_000, 65_000}};
        for (int i = 0; i < sizes.length; i++) {
            node.vertx.eventBus().publish(tickbus.Addresses.marketData(EventKind.QUOTE, instrument), new Quote(
                    instrument, "XHAND", "hand", i + 1, i + 1, i + 1, 2, 0, 10_000, sizes[i][0], 10_002, sizes[i][1]));
        }

        tickbus.testing.Await.until("4 outputs", java.time.Duration.ofSeconds(20), () -> outputs.size() >= 4,
                () -> outputs.toString());
        assertEquals(List.of("0.3000 NEUTRAL", "0.3000 BID", "-0.3000 NEUTRAL", "-0.3000 ASK"), outputs.stream()
                .map(output -> output.getString("imbalance") + " " + output.getString("pressure")).toList());
    }

    @Test
    void scriptThatDoesNotCompileNamesFileAndLineAndTheNodeKeepsRunning() {
        AssertionError failure = assertThrows(AssertionError.class, () -> node.deploy(new JsonObject()
                .put("name", "broken-js").put("verticle", "js:src/test/resources/strategies/broken.js")));

        assertTrue(failure.getMessage().contains("script does not compile: file=src/test/resources/strategies/broken.js,"
                + " line=4,"), failure.getMessage());
        List<JsonObject> outputs = node.outputs("imbalance-after");
        node.deploy(new JsonObject().put("name", "imbalance-after").put("verticle", "js:strategies/imbalance.js")
                .put("config", new JsonObject().put("name", "imbalance-after")
                        .put("instruments", new JsonArray().add(INSTRUMENT))));
        node.pumpUntil("an output after the failed deployment", 2, () -> !outputs.isEmpty());
    }
}
