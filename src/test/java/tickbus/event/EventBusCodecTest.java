package tickbus.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Local delivery goes through {@code transform()}; {@link EventCodecClusterIT} covers the wire between nodes. */
@ExtendWith(VertxExtension.class)
class EventBusCodecTest {

    static final List<TickbusEvent> EVENTS = List.of(
            new Quote("XNAS:AAPL", "XNAS", "itch-xnas", 7, 1_700_000_000_000_000_001L, 1_700_000_000_000_000_002L,
                    4, 0, 1_912_300, 300, 1_912_500, 100),
            new Trade("XNAS:AAPL", "XNAS", "itch-xnas", 8, 11, 12, 4, 0, 1_912_400, 50, Side.SELL, "T-1",
                    TradeType.CROSS),
            new BookUpdate("XNAS:AAPL", "XNAS", "itch-xnas", 9, 13, 14, 2, 0, true,
                    List.of(new BookLevel(19_123, 300), new BookLevel(19_122, 500)),
                    List.of(new BookLevel(19_125, 100))),
            new InstrumentStatus("XNAS:AAPL", "XNAS", "itch-xnas", 10, 15, 16, InstrumentState.GAP, 100, 120,
                    "sequence gap"),
            new FeedStatus("itch-xnas", "XNAS", 3, 17, 18, FeedState.LIVE, FeedState.RECOVERING, "caught up",
                    BreakerState.CLOSED, 2));

    @Test
    void everyEventTypeCrossesTheEventBusAfterRegisterAll(Vertx vertx, VertxTestContext context) throws Exception {
        EventBus eventBus = vertx.eventBus();
        EventCodecs.registerAll(eventBus);
        EventCodecs.registerAll(eventBus);
        List<TickbusEvent> received = new CopyOnWriteArrayList<>();
        var checkpoint = context.checkpoint(EVENTS.size());
        eventBus.<TickbusEvent>consumer("codec.test", message -> {
            received.add(message.body());
            checkpoint.flag();
        }).completion().onComplete(context.succeeding(
                registered -> EVENTS.forEach(event -> eventBus.publish("codec.test", event))));
        assertTrue(context.awaitCompletion(10, TimeUnit.SECONDS));
        assertEquals(EVENTS, received);
    }

    @Test
    void aConflictingCodecFailsRegistrationAndLeavesNothingHalfRegistered(Vertx vertx) {
        EventBus eventBus = vertx.eventBus();
        eventBus.registerDefaultCodec(BookUpdate.class, new BookUpdateCodec());
        IllegalStateException conflict = assertThrows(IllegalStateException.class,
                () -> EventCodecs.registerAll(eventBus));
        assertTrue(conflict.getMessage().contains(BookUpdate.class.getName()), conflict.getMessage());
        eventBus.unregisterDefaultCodec(BookUpdate.class);
        EventCodecs.registerAll(eventBus);
        EventCodecs.registerAll(eventBus);
    }
}
