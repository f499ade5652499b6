package tickbus.strategy.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tickbus.Addresses;
import tickbus.TickbusNode;
import tickbus.event.EventKind;
import tickbus.event.MarketEvent;
import tickbus.event.Quote;
import tickbus.event.Side;
import tickbus.event.Trade;
import tickbus.event.TradeType;
import tickbus.testing.Await;

/** Mid, spread and VWAP against events published by hand. */
class MidSpreadStrategyTest {

    private static final String INSTRUMENT = "XSIM:AAA";

    private final Vertx vertx = Vertx.vertx();
    private final List<JsonObject> outputs = new CopyOnWriteArrayList<>();

    @BeforeEach
    void deploy() {
        Await.result(TickbusNode.start(vertx));
        Await.result(vertx.eventBus().<JsonObject>consumer(Addresses.strategyOutput("mid-spread-test"),
                message -> outputs.add(message.body())).completion());
        Await.result(vertx.deployVerticle(new MidSpreadStrategy(), new DeploymentOptions().setConfig(
                new JsonObject().put("name", "mid-spread-test").put("instruments", new JsonArray().add(INSTRUMENT))
                        .put("publishIntervalMillis", 10))));
    }

    @AfterEach
    void close() {
        Await.result(vertx.close());
    }

    private void publish(MarketEvent event) {
        vertx.eventBus().publish(Addresses.marketData(event.kind(), INSTRUMENT), event);
    }

    /** Price in hundredths. */
    private static Trade trade(long sequence, String tradeId, long price, long size, TradeType type) {
        return new Trade(INSTRUMENT, "XSIM", "sim", sequence, sequence, sequence, 2, 0, price, size, Side.BUY, tradeId,
                type);
    }

    private JsonObject firstOutputWithAQuote() {
        Await.until("an output after the quote", Duration.ofSeconds(20),
                () -> outputs.stream().anyMatch(output -> output.getLong("quotes") == 1), outputs::toString);
        return outputs.stream().filter(output -> output.getLong("quotes") == 1).findFirst().orElseThrow();
    }

    @Test
    void aBreakWithoutPriceAndSizeUndoesTheTradeItNames() {
        publish(trade(1, "t1", 1_000, 100, TradeType.REGULAR));
        publish(trade(2, "t2", 2_000, 100, TradeType.REGULAR));
        publish(trade(3, "t2", 0, 0, TradeType.BROKEN));
        publish(new Quote(INSTRUMENT, "XSIM", "sim", 4, 4, 4, 2, 0, 1_000, 10, 1_002, 10));

        JsonObject output = firstOutputWithAQuote();
        assertEquals(List.of("10", "100", 1L), List.of(output.getString("vwap"), output.getString("volume"),
                output.getLong("trades")), output.encode());
    }

    @Test
    void aBreakOfATradeNeverCountedChangesNothing() {
        publish(trade(1, "t1", 1_000, 100, TradeType.REGULAR));
        publish(trade(2, "t0", 3_000, 50, TradeType.BROKEN));
        publish(new Quote(INSTRUMENT, "XSIM", "sim", 3, 3, 3, 2, 0, 1_000, 10, 1_002, 10));

        JsonObject output = firstOutputWithAQuote();
        assertEquals(List.of("10", "100", 1L), List.of(output.getString("vwap"), output.getString("volume"),
                output.getLong("trades")), output.encode());
    }
}
