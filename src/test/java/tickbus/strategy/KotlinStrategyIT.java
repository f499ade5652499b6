package tickbus.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tickbus.event.EventKind;
import tickbus.event.MarketEvent;
import tickbus.event.Quote;

/** The Kotlin cross-venue spread strategy, deployed by its alias, against two simulated venues. */
class KotlinStrategyIT {

    private static final String LEG_A = "XSIM:AAA";
    private static final String LEG_B = "YSIM:AAA";

    private StrategyTestNode node;

    @BeforeEach
    void start() {
        node = new StrategyTestNode();
        node.venueWithFeed("XSIM", List.of("AAA"));
        node.venueWithFeed("YSIM", List.of("AAA"));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void spreadIsTheMidDifferenceOfTheLatestQuotesOfBothLegs() {
        List<MarketEvent> quotesA = node.record(LEG_A, EnumSet.of(EventKind.QUOTE));
        List<MarketEvent> quotesB = node.record(LEG_B, EnumSet.of(EventKind.QUOTE));
        List<JsonObject> outputs = node.outputs("spread-test");
        node.deploy(new JsonObject().put("name", "spread-test").put("verticle", "cross-venue-spread")
                .put("worker", true).put("config", new JsonObject().put("name", "spread-test")
                        .put("legA", LEG_A).put("legB", LEG_B)));

        node.pumpUntil("10 spread outputs", 2, () -> outputs.size() >= 10);

        for (JsonObject output : List.copyOf(outputs).subList(0, 10)) {
            Quote a = quote(quotesA, output.getLong("seqA"));
            Quote b = quote(quotesB, output.getLong("seqB"));
            BigDecimal midA = a.bid().add(a.ask()).divide(BigDecimal.valueOf(2));
            BigDecimal midB = b.bid().add(b.ask()).divide(BigDecimal.valueOf(2));
            assertEquals(midA.toPlainString(), output.getString("midA"), output.encode());
            assertEquals(midB.toPlainString(), output.getString("midB"), output.encode());
            assertEquals(midA.subtract(midB).multiply(BigDecimal.valueOf(10_000)).divide(midB, MathContext.DECIMAL64)
                    .setScale(2, RoundingMode.HALF_EVEN).toPlainString(), output.getString("spreadBps"));
            String expected = b.bid().compareTo(a.ask()) > 0 ? "BUY_A_SELL_B"
                    : a.bid().compareTo(b.ask()) > 0 ? "BUY_B_SELL_A" : null;
            assertEquals(expected, output.getString("arbitrage"), output.encode());
        }
    }

    private static Quote quote(List<MarketEvent> quotes, long seq) {
        for (MarketEvent event : quotes) {
            if (event instanceof Quote quote && quote.sequence() == seq) {
                return quote;
            }
        }
        throw new AssertionError("the strategy published a quote the recorder never saw: seq=" + seq);
    }
}
