package tickbus.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tickbus.Addresses;
import tickbus.TickbusNode;
import tickbus.event.EventKind;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.event.MarketEvent;
import tickbus.event.Quote;
import tickbus.event.Side;
import tickbus.event.Trade;
import tickbus.event.TradeType;
import tickbus.testing.Await;

/** A subscription against a feed played by the test: the snapshot it answers with, the events it publishes. */
class EventBusMarketDataTest {

    private static final String INSTRUMENT = "XSIM:AAA";

    private final Vertx vertx = Vertx.vertx();
    private final List<MarketEvent> delivered = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        Await.result(vertx.close());
    }

    @Test
    void theSnapshotBringsOnlyTheKindsAskedFor() {
        Await.result(TickbusNode.start(vertx));
        Quote quote = new Quote(INSTRUMENT, "XSIM", "sim", 7, 7, 7, 2, 0, 1_000, 10, 1_002, 10);
        InstrumentStatus trading = new InstrumentStatus(INSTRUMENT, "XSIM", "sim", 7, 7, 7, InstrumentState.TRADING,
                0, 0, "state when the subscription began");
        Trade trade = new Trade(INSTRUMENT, "XSIM", "sim", 8, 8, 8, 2, 0, 1_001, 5, Side.BUY, "t8", TradeType.REGULAR);
        Await.result(vertx.eventBus().<JsonObject>consumer(Addresses.SNAPSHOT_REQUESTS, request -> {
            String replyAddress = request.body().getString("replyAddress");
            vertx.eventBus().send(replyAddress, quote);
            vertx.eventBus().send(replyAddress, trading);
            vertx.eventBus().publish(Addresses.marketData(EventKind.TRADE, INSTRUMENT), trade);
        }).completion());

        Await.result(MarketData.create(vertx).subscribe(INSTRUMENT, EnumSet.of(EventKind.TRADE), delivered::add));

        Await.until("trade 8", Duration.ofSeconds(20), () -> delivered.contains(trade), delivered::toString);
        assertEquals(List.of(trading, trade), delivered, "a trades-only subscription was handed a quote");
    }

    @Test
    void aSubscriptionClosedWithItsNodeLeavesNoDepartureWatchBehind() {
        Await.result(TickbusNode.start(vertx));
        Await.result(vertx.deployVerticle(new VerticleBase() {
            @Override
            public Future<?> start() {
                // Closed by the undeployment, once the node is closing.
                return StrategyContext.of(vertx, "closing").subscribe(INSTRUMENT, EnumSet.of(EventKind.QUOTE),
                        MarketData.Delivery.EVERY, delivered::add);
            }
        }));

        FeedDepartures watch = TickbusNode.of(vertx).departures();
        Await.result(vertx.close());

        assertEquals(0, watch.listeners(), "a subscription closed with its node is still watching departures");
    }
}
