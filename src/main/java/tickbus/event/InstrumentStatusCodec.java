package tickbus.event;

import io.vertx.core.buffer.Buffer;

/**
 * Binary event-bus codec for {@link InstrumentStatus}; big-endian, header and primitives as in {@link EventWire}.
 *
 * <pre>
 * +--------+-------+---------+-------+--------+
 * | header | state | gapFrom | gapTo | reason |
 * |        | enum  | int64   | int64 | string |
 * +--------+-------+---------+-------+--------+
 * </pre>
 */
public final class InstrumentStatusCodec extends EventCodec<InstrumentStatus> {

    public static final String NAME = "tickbus.InstrumentStatus";

    private static final InstrumentState[] STATES = InstrumentState.values();

    public InstrumentStatusCodec() {
        super(NAME);
    }

    @Override
    public void encodeToWire(Buffer buffer, InstrumentStatus status) {
        EventWire.writeHeader(buffer, status);
        EventWire.writeEnum(buffer, status.state());
        buffer.appendLong(status.gapFrom()).appendLong(status.gapTo());
        EventWire.writeString(buffer, status.reason());
    }

    @Override
    public InstrumentStatus decodeFromWire(int position, Buffer buffer) {
        EventWire in = new EventWire(buffer, position, NAME);
        EventWire.Header header = in.readMarketHeader();
        return new InstrumentStatus(header.instrument(), header.venue(), header.source(), header.sequence(),
                header.exchangeTimeNanos(), header.receiveTimeNanos(), in.readEnum(STATES, "state"),
                in.readLong("gapFrom"), in.readLong("gapTo"), in.readString("reason"));
    }
}
