package tickbus.event;

import io.vertx.core.buffer.Buffer;

/**
 * Binary event-bus codec for {@link Trade}; big-endian, header and primitives as in {@link EventWire}.
 *
 * <pre>
 * +--------+------------+-------+-------+-----------+---------+-----------+
 * | header | priceScale | price | size  | aggressor | tradeId | tradeType |
 * |        | uint8      | int64 | int64 | enum      | string  | enum      |
 * +--------+------------+-------+-------+-----------+---------+-----------+
 * </pre>
 */
public final class TradeCodec extends EventCodec<Trade> {

    public static final String NAME = "tickbus.Trade";

    private static final Side[] SIDES = Side.values();
    private static final TradeType[] TRADE_TYPES = TradeType.values();

    public TradeCodec() {
        super(NAME);
    }

    @Override
    public void encodeToWire(Buffer buffer, Trade trade) {
        EventWire.writeHeader(buffer, trade);
        buffer.appendByte((byte) trade.priceScale()).appendLong(trade.price()).appendLong(trade.size());
        EventWire.writeEnum(buffer, trade.aggressor());
        EventWire.writeString(buffer, trade.tradeId());
        EventWire.writeEnum(buffer, trade.type());
    }

    @Override
    public Trade decodeFromWire(int position, Buffer buffer) {
        EventWire in = new EventWire(buffer, position, NAME);
        EventWire.Header header = in.readMarketHeader();
        return new Trade(header.instrument(), header.venue(), header.source(), header.sequence(),
                header.exchangeTimeNanos(), header.receiveTimeNanos(), in.readByte("priceScale"),
                in.readLong("price"), in.readLong("size"), in.readEnum(SIDES, "aggressor"),
                in.readString("tradeId"), in.readEnum(TRADE_TYPES, "tradeType"));
    }
}
