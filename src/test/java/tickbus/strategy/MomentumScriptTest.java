package tickbus.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tickbus.Addresses;
import tickbus.TickbusNode;
import tickbus.event.EventKind;
import tickbus.event.Side;
import tickbus.event.Trade;
import tickbus.event.TradeType;
import tickbus.testing.Await;

/** The momentum script against trades published by hand. */
class MomentumScriptTest {

    private static final String INSTRUMENT = "XSIM:AAA";

    private final Vertx vertx = Vertx.vertx();
    private final List<JsonObject> outputs = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        Await.result(vertx.close());
    }

    private void trade(long sequence, long price) {
        vertx.eventBus().publish(Addresses.marketData(EventKind.TRADE, INSTRUMENT), new Trade(INSTRUMENT, "XSIM",
                "sim", sequence, sequence, sequence, 0, 0, price, 100, Side.BUY, "t" + sequence, TradeType.REGULAR));
    }

    @Test
    void aCrossThatTouchesOnTheWayIsStillACross() {
        Await.result(TickbusNode.start(vertx));
        Await.result(vertx.eventBus().<JsonObject>consumer(Addresses.strategyOutput("momentum-test"),
                message -> outputs.add(message.body())).completion());
        Await.result(vertx.deployVerticle("groovy:strategies/momentum.groovy", new DeploymentOptions().setConfig(
                new JsonObject().put("name", "momentum-test").put("instruments", new JsonArray().add(INSTRUMENT))
                        .put("fastPeriod", 1).put("slowPeriod", 2))));

        // fast = the price; slow: 10, 12, 12, 11.33…: above, equal, below.
        trade(1, 10);
        trade(2, 13);
        trade(3, 12);
        trade(4, 11);

        Await.until("3 outputs", Duration.ofSeconds(20), () -> outputs.size() >= 3, outputs::toString);
        assertEquals(List.of("UP false", "FLAT false", "DOWN true"), outputs.stream()
                .map(output -> output.getString("signal") + " " + output.getBoolean("crossed")).toList(),
                "the fast average went from above the slow one to below it: " + outputs);
    }
}
