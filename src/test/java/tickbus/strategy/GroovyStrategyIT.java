package tickbus.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tickbus.event.EventKind;
import tickbus.event.MarketEvent;
import tickbus.event.Trade;

/** The Groovy momentum script, deployed from a descriptor entry as a user would, against a simulated feed. */
class GroovyStrategyIT {

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
    void momentumScriptPublishesTheMovingAveragesOfTheTradesItReceived() {
        List<MarketEvent> trades = node.record(INSTRUMENT, EnumSet.of(EventKind.TRADE));
        List<JsonObject> outputs = node.outputs("momentum-test");
        node.deploy(new JsonObject().put("name", "momentum-test").put("verticle", "groovy:strategies/momentum.groovy")
                .put("worker", true).put("config", new JsonObject().put("name", "momentum-test")
                        .put("instruments", new JsonArray().add(INSTRUMENT)).put("fastPeriod", 3)
                        .put("slowPeriod", 8)));

        node.pumpUntil("10 momentum outputs", 2, () -> outputs.size() >= 10);

        for (JsonObject output : List.copyOf(outputs).subList(0, 10)) {
            List<BigDecimal> prices = pricesThrough(trades, output.getLong("seq"));
            assertTrue(prices.size() >= 8, "published before the slow period filled: " + output);
            assertEquals(INSTRUMENT, output.getString("instrument"));
            assertEquals(plain(ema(prices, 3)), output.getString("emaFast"), output.encode());
            assertEquals(plain(ema(prices, 8)), output.getString("emaSlow"), output.encode());
            int direction = ema(prices, 3).compareTo(ema(prices, 8));
            assertEquals(direction > 0 ? "UP" : direction < 0 ? "DOWN" : "FLAT", output.getString("signal"));
        }
        assertFalse(outputs.stream().anyMatch(output -> output.getString("instrument").equals("XSIM:BBB")));
    }

    /** The prices of the trades up to and including {@code seq}, in the order the strategy saw them. */
    private static List<BigDecimal> pricesThrough(List<MarketEvent> trades, long seq) {
        List<BigDecimal> prices = new ArrayList<>();
        for (MarketEvent event : trades) {
            if (event instanceof Trade trade && trade.sequence() <= seq) {
                prices.add(trade.priceDecimal());
            }
        }
        return prices;
    }

    private static BigDecimal ema(List<BigDecimal> prices, int period) {
        MathContext math = MathContext.DECIMAL64;
        BigDecimal alpha = BigDecimal.valueOf(2).divide(BigDecimal.valueOf(period + 1), math);
        BigDecimal ema = null;
        for (BigDecimal price : prices) {
            ema = ema == null ? price : ema.add(alpha.multiply(price.subtract(ema, math), math), math);
        }
        return ema;
    }

    private static String plain(BigDecimal value) {
        return value.setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
