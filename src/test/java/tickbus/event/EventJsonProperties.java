package tickbus.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The canonical JSON form round-trips through its text, by the type's own reader and by the generic one. */
class EventJsonProperties {

    private static final Map<Class<?>, Function<JsonObject, TickbusEvent>> READERS = Map.of(
            Quote.class, Quote::fromJson,
            Trade.class, Trade::fromJson,
            BookUpdate.class, BookUpdate::fromJson,
            InstrumentStatus.class, InstrumentStatus::fromJson,
            FeedStatus.class, FeedStatus::fromJson);

    @Property(tries = 5_000)
    void everyEventRoundTripsThroughItsText(@ForAll(supplier = EventArbitraries.Events.class) TickbusEvent event) {
        JsonObject parsed = new JsonObject(event.toJson().encode());
        assertEquals(event, READERS.get(event.getClass()).apply(parsed));
        assertEquals(event, TickbusEvents.fromJson(parsed));
    }
}
