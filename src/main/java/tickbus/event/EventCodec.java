package tickbus.event;

import io.vertx.core.eventbus.MessageCodec;

/** What every event codec shares: a stable name, no system codec id, and identity for local delivery. */
public abstract class EventCodec<T extends TickbusEvent> implements MessageCodec<T, T> {

    private final String name;

    EventCodec(String name) {
        this.name = name;
    }

    /** Events are immutable records, so local delivery shares the instance. */
    @Override
    public final T transform(T event) {
        return event;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final byte systemCodecID() {
        return -1;
    }
}
