package tickbus.event;

import io.vertx.core.buffer.Buffer;

/**
 * Binary event-bus codec for {@link Quote}; big-endian, header and primitives as in {@link EventWire}.
 *
 * <pre>
 * +--------+------------+----------+---------+----------+---------+
 * | header | priceScale | bidPrice | bidSize | askPrice | askSize |
 * |        | uint8      | int64    | int64   | int64    | int64   |
 * +--------+------------+----------+---------+----------+---------+
 * </pre>
 */
public final class QuoteCodec extends EventCodec<Quote> {

    public static final String NAME = "tickbus.Quote";

    public QuoteCodec() {
        super(NAME);
    }

    @Override
    public void encodeToWire(Buffer buffer, Quote quote) {
        EventWire.writeHeader(buffer, quote);
        buffer.appendByte((byte) quote.priceScale())
                .appendLong(quote.bidPrice())
                .appendLong(quote.bidSize())
                .appendLong(quote.askPrice())
                .appendLong(quote.askSize());
    }

    @Override
    public Quote decodeFromWire(int position, Buffer buffer) {
        EventWire in = new EventWire(buffer, position, NAME);
        EventWire.Header header = in.readMarketHeader();
        return new Quote(header.instrument(), header.venue(), header.source(), header.sequence(),
                header.exchangeTimeNanos(), header.receiveTimeNanos(), in.readByte("priceScale"),
                in.readLong("bidPrice"), in.readLong("bidSize"), in.readLong("askPrice"), in.readLong("askSize"));
    }
}
