package tickbus.strategy.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tickbus.Addresses;
import tickbus.TickbusNode;
import tickbus.event.EventKind;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.event.Quote;
import tickbus.testing.Await;

/** The cross-venue spread against quotes published by hand, one leg at a time. */
class CrossVenueSpreadStrategyTest {

    private static final String LEG_A = "XSIM:AAA";
    private static final String LEG_B = "YSIM:AAA";

    private final Vertx vertx = Vertx.vertx();
    private final List<JsonObject> outputs = new CopyOnWriteArrayList<>();

    @BeforeEach
    void deploy() {
        Await.result(TickbusNode.start(vertx));
        Await.result(vertx.eventBus().<JsonObject>consumer(Addresses.strategyOutput("spread-test"),
                message -> outputs.add(message.body())).completion());
        Await.result(vertx.deployVerticle(new CrossVenueSpreadStrategy(), new DeploymentOptions().setConfig(
                new JsonObject().put("name", "spread-test").put("legA", LEG_A).put("legB", LEG_B))));
    }

    @AfterEach
    void close() {
        Await.result(vertx.close());
    }

    /** Prices in hundredths; size 0 is a side withdrawn. */
    private void quote(String instrument, long sequence, long bid, long bidSize, long ask, long askSize) {
        String venue = instrument.substring(0, instrument.indexOf(':'));
        vertx.eventBus().publish(Addresses.marketData(EventKind.QUOTE, instrument),
                new Quote(instrument, venue, "sim-" + venue, sequence, sequence, sequence, 2, 0, bid, bidSize, ask,
                        askSize));
    }

    private static String summary(JsonObject output) {
        return output.getLong("seqA") + "/" + output.getLong("seqB") + " " + output.getString("arbitrage");
    }

    @Test
    void aWithdrawnBidIsNoLongerCrossedAgainstTheOtherVenue() {
        quote(LEG_A, 1, 10_000, 100, 10_010, 100);
        quote(LEG_B, 1, 10_020, 100, 10_030, 100);
        quote(LEG_B, 2, 10_020, 0, 10_030, 100);
        quote(LEG_A, 2, 10_000, 100, 10_005, 100);
        quote(LEG_B, 3, 9_990, 100, 10_030, 100);

        Await.until("the spread of leg B's quote 3", java.time.Duration.ofSeconds(20),
                () -> outputs.stream().anyMatch(output -> output.getLong("seqB") == 3), outputs::toString);
        assertEquals(List.of("1/1 BUY_A_SELL_B", "2/3 null"), outputs.stream().map(
                CrossVenueSpreadStrategyTest::summary).toList(), "leg B's bid 100.20 was withdrawn by its quote 2");
    }

    @Test
    void aHaltedLegIsNoLongerCrossedAgainstTheOtherVenue() {
        quote(LEG_A, 1, 10_000, 100, 10_010, 100);
        quote(LEG_B, 1, 10_020, 100, 10_030, 100);
        vertx.eventBus().publish(Addresses.marketData(EventKind.STATUS, LEG_B), new InstrumentStatus(LEG_B, "YSIM",
                "sim-YSIM", 2, 2, 2, InstrumentState.HALTED, 0, 0, "halted by the venue"));
        quote(LEG_A, 2, 10_000, 100, 10_005, 100);
        quote(LEG_B, 3, 9_990, 100, 10_030, 100);

        Await.until("the spread of leg B's quote 3", java.time.Duration.ofSeconds(20),
                () -> outputs.stream().anyMatch(output -> output.getLong("seqB") == 3), outputs::toString);
        assertEquals(List.of("1/1 BUY_A_SELL_B", "2/3 null"), outputs.stream().map(
                CrossVenueSpreadStrategyTest::summary).toList(), "leg B's quote 1 was void once it halted");
    }
}
