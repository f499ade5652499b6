package tickbus.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tickbus.TickbusNode;
import tickbus.demand.DemandRegistry;
import tickbus.event.EventKind;
import tickbus.testing.Await;

/** A strategy's subscriptions end with it, also those still being made when it closes. */
class StrategyContextTest {

    private static final String INSTRUMENT = "XSIM:AAA";

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        Await.result(vertx.close());
    }

    /** Subscribes 50 instruments and one malformed name: its start fails while the others are still subscribing. */
    public static final class HalfBadStrategy extends VerticleBase {
        @Override
        public Future<?> start() {
            List<String> instruments = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                instruments.add("XSIM:S" + i);
            }
            instruments.add("malformed-instrument");
            return StrategyContext.of(vertx, "half-bad").subscribeAll(instruments, EnumSet.of(EventKind.QUOTE),
                    MarketData.Delivery.EVERY, event -> { });
        }
    }

    @Test
    void aStrategyWhoseStartFailsLeavesNoDemandBehind() {
        Await.result(TickbusNode.start(vertx));
        Future<String> deployed = vertx.deployVerticle(new HalfBadStrategy());
        Await.until("the deployment failed", deployed::failed);

        DemandRegistry demand = TickbusNode.of(vertx).demand();
        Await.until("every subscription closed", java.time.Duration.ofSeconds(10), () -> demand.demanded().isEmpty(),
                () -> demand.demanded().toString());
    }

    @Test
    void aSubscriptionStillBeingMadeWhenTheStrategyClosesIsClosedToo() {
        Await.result(TickbusNode.start(vertx));
        Promise<MarketDataSubscription> subscribed = Promise.promise();
        Promise<Void> closed = Promise.promise();
        // One task on an event loop: the subscribe cannot complete before close() runs (an undeploy racing start).
        vertx.getOrCreateContext().runOnContext(v -> {
            StrategyContext strategy = StrategyContext.of(vertx, "closing");
            strategy.subscribe(INSTRUMENT, EnumSet.of(EventKind.QUOTE), event -> { }).onComplete(subscribed);
            strategy.close().onComplete(closed);
        });
        Await.result(closed.future());

        assertTrue(subscribed.future().failed(), "the subscription outlived its strategy");
        assertEquals("strategy closed while subscribing: strategy=closing, instrument=" + INSTRUMENT,
                subscribed.future().cause().getMessage());
        assertEquals(0, TickbusNode.of(vertx).demand().localCount(INSTRUMENT));
    }

    @Test
    void anInstrumentListedTwiceIsRefusedRatherThanDeliveredTwice() {
        Await.result(TickbusNode.start(vertx));
        Future<Void> subscribed = Future.future(promise -> vertx.getOrCreateContext().runOnContext(v ->
                StrategyContext.of(vertx, "twice").subscribeAll(List.of(INSTRUMENT, "XSIM:BBB", INSTRUMENT),
                        EnumSet.of(EventKind.TRADE), MarketData.Delivery.EVERY, event -> { }).onComplete(promise)));
        Await.until("the subscription done", () -> subscribed.isComplete());

        assertTrue(subscribed.failed(), "each event of " + INSTRUMENT + " would reach the handler twice");
        assertEquals("instrument listed twice, its events would reach the handler twice: instrument=" + INSTRUMENT,
                subscribed.cause().getMessage());
        assertEquals(0, TickbusNode.of(vertx).demand().localCount(INSTRUMENT));
    }
}
