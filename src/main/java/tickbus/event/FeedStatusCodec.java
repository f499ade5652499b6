package tickbus.event;

import io.vertx.core.buffer.Buffer;

/**
 * Binary event-bus codec for {@link FeedStatus}; header and primitives as in {@link EventWire}.
 *
 * <pre>
 * +--------+-------+----------+--------+---------+------------+
 * | header | state | previous | reason | breaker | reconnects |
 * |        | enum  | enum     | string | enum    | int64      |
 * +--------+-------+----------+--------+---------+------------+
 * </pre>
 */
public final class FeedStatusCodec extends EventCodec<FeedStatus> {

    public static final String NAME = "tickbus.FeedStatus";

    private static final FeedState[] STATES = FeedState.values();
    private static final BreakerState[] BREAKER_STATES = BreakerState.values();

    public FeedStatusCodec() {
        super(NAME);
    }

    @Override
    public void encodeToWire(Buffer buffer, FeedStatus status) {
        WireWriter out = WireWriter.begin(buffer);
        out.writeHeader(status);
        out.writeEnum(status.state());
        out.writeEnum(status.previous());
        out.writeText(status.reason());
        out.writeEnum(status.breaker());
        out.writeLong(status.reconnects());
        out.finish();
    }

    @Override
    public FeedStatus decodeFromWire(int position, Buffer buffer) {
        WireReader in = WireReader.begin(buffer, position, NAME);
        in.readHeader();
        return new FeedStatus(in.source(), in.venue(), in.sequence(), in.exchangeTimeNanos(),
                in.receiveTimeNanos(), in.readEnum(STATES, "state"), in.readEnum(STATES, "previous"),
                in.readText("reason"), in.readEnum(BREAKER_STATES, "breaker"), in.readLong("reconnects"));
    }
}
