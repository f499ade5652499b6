package tickbus.event;

import io.vertx.core.buffer.Buffer;

/**
 * Binary event-bus codec for {@link InstrumentStatus}; header and primitives as in {@link EventWire}.
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
        WireWriter out = WireWriter.begin(buffer);
        out.writeHeader(status);
        out.writeEnum(status.state());
        out.writeLong(status.gapFrom());
        out.writeLong(status.gapTo());
        out.writeText(status.reason());
        out.finish();
    }

    @Override
    public InstrumentStatus decodeFromWire(int position, Buffer buffer) {
        WireReader in = WireReader.begin(buffer, position, NAME);
        in.readMarketHeader();
        return new InstrumentStatus(in.instrument(), in.venue(), in.source(), in.sequence(),
                in.exchangeTimeNanos(), in.receiveTimeNanos(), in.readEnum(STATES, "state"),
                in.readLong("gapFrom"), in.readLong("gapTo"), in.readText("reason"));
    }
}
