package tickbus.event;

import io.vertx.core.buffer.Buffer;

/**
 * Binary event-bus codec for {@link Quote}; header and primitives as in {@link EventWire}.
 *
 * <pre>
 * +--------+------------+-----------+----------+---------+----------+---------+
 * | header | priceScale | sizeScale | bidPrice | bidSize | askPrice | askSize |
 * |        | uint8      | uint8     | int64    | int64   | int64    | int64   |
 * +--------+------------+-----------+----------+---------+----------+---------+
 * </pre>
 */
public final class QuoteCodec extends EventCodec<Quote> {

    public static final String NAME = "tickbus.Quote";

    public QuoteCodec() {
        super(NAME);
    }

    @Override
    public void encodeToWire(Buffer buffer, Quote quote) {
        WireWriter out = WireWriter.begin(buffer);
        out.writeHeader(quote);
        out.writeByte(quote.priceScale());
        out.writeByte(quote.sizeScale());
        out.writeLong(quote.bidPrice());
        out.writeLong(quote.bidSize());
        out.writeLong(quote.askPrice());
        out.writeLong(quote.askSize());
        out.finish();
    }

    @Override
    public Quote decodeFromWire(int position, Buffer buffer) {
        WireReader in = WireReader.begin(buffer, position, NAME);
        in.readMarketHeader();
        return new Quote(in.instrument(), in.venue(), in.source(), in.sequence(),
                in.exchangeTimeNanos(), in.receiveTimeNanos(), in.readByte("priceScale"), in.readByte("sizeScale"),
                in.readLong("bidPrice"), in.readLong("bidSize"), in.readLong("askPrice"), in.readLong("askSize"));
    }
}
