package tickbus.strategy.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tickbus.Addresses;
import tickbus.TickbusNode;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
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

    private JsonObject firstOutputWithATrade() {
        Await.until("an output after the trade", Duration.ofSeconds(20),
                () -> outputs.stream().anyMatch(output -> output.getLong("trades") == 1), outputs::toString);
        return outputs.stream().filter(output -> output.getLong("trades") == 1).findFirst().orElseThrow();
    }

    @Test
    void aQuoteWithoutABidLeavesNoMid() {
        publish(new Quote(INSTRUMENT, "XSIM", "sim", 1, 1, 1, 2, 0, 1_000, 10, 1_002, 10));
        publish(new Quote(INSTRUMENT, "XSIM", "sim", 2, 2, 2, 2, 0, 0, 0, 1_002, 10));
        publish(trade(3, "t1", 1_001, 100, TradeType.REGULAR));

        JsonObject output = firstOutputWithATrade();
        assertEquals(Arrays.asList(null, null), Arrays.asList(output.getString("mid"), output.getString("spreadBps")),
                "the bid of quote 1 was withdrawn by quote 2: " + output.encode());
    }

    @Test
    void aResetDiscardsTheMid() {
        publish(new Quote(INSTRUMENT, "XSIM", "sim", 1, 1, 1, 2, 0, 1_000, 10, 1_002, 10));
        publish(new InstrumentStatus(INSTRUMENT, "XSIM", "sim", 2, 2, 2, InstrumentState.RESET, 0, 0, "new session"));
        publish(trade(1, "t1", 1_001, 100, TradeType.REGULAR));

        JsonObject output = firstOutputWithATrade();
        assertEquals(Arrays.asList(null, null), Arrays.asList(output.getString("mid"), output.getString("spreadBps")),
                "quote 1 belongs to the session the reset ended: " + output.encode());
    }
}
