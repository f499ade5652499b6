package tickbus.event;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/** Registers the binary codec of every event type, so that {@code eventBus.publish(address, quote)} works. */
public final class EventCodecs {

    private static final Set<EventBus> REGISTERED = Collections.newSetFromMap(new WeakHashMap<>());

    private EventCodecs() {
    }

    /**
     * Register every event codec as the default codec for its record class; a second call for the same
     * event bus does nothing. Call it on every node before traffic flows: a receiver without the codec
     * drops the message silently.
     *
     * @throws IllegalStateException when another codec is already registered for an event class or codec
     *     name; nothing is left registered by this call then
     */
    public static void registerAll(EventBus eventBus) {
        synchronized (REGISTERED) {
            if (REGISTERED.contains(eventBus)) {
                return;
            }
            List<Class<?>> done = new ArrayList<>();
            try {
                register(eventBus, Quote.class, new QuoteCodec(), done);
                register(eventBus, Trade.class, new TradeCodec(), done);
                register(eventBus, BookUpdate.class, new BookUpdateCodec(), done);
                register(eventBus, InstrumentStatus.class, new InstrumentStatusCodec(), done);
                register(eventBus, FeedStatus.class, new FeedStatusCodec(), done);
            } catch (IllegalStateException e) {
                done.forEach(eventBus::unregisterDefaultCodec);
                throw e;
            }
            REGISTERED.add(eventBus);
        }
    }

    private static <T> void register(EventBus eventBus, Class<T> type, MessageCodec<T, ?> codec,
            List<Class<?>> done) {
        eventBus.registerDefaultCodec(type, codec);
        done.add(type);
    }
}
