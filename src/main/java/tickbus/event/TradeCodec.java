package tickbus.event;

import io.vertx.core.buffer.Buffer;

/**
 * Binary event-bus codec for {@link Trade}; header and primitives as in {@link EventWire}.
 *
 * <pre>
 * +--------+------------+-----------+-------+-------+-----------+---------+-----------+
 * | header | priceScale | sizeScale | price | size  | aggressor | tradeId | tradeType |
 * |        | uint8      | uint8     | int64 | int64 | enum      | string  | enum      |
 * +--------+------------+-----------+-------+-------+-----------+---------+-----------+
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
        WireWriter out = WireWriter.begin(buffer);
        out.writeHeader(trade);
        out.writeByte(trade.priceScale());
        out.writeByte(trade.sizeScale());
        out.writeLong(trade.price());
        out.writeLong(trade.size());
        out.writeEnum(trade.aggressor());
        out.writeText(trade.tradeId());
        out.writeEnum(trade.type());
        out.finish();
    }

    @Override
    public Trade decodeFromWire(int position, Buffer buffer) {
        WireReader in = WireReader.begin(buffer, position, NAME);
        in.readMarketHeader();
        return new Trade(in.instrument(), in.venue(), in.source(), in.sequence(),
                in.exchangeTimeNanos(), in.receiveTimeNanos(), in.readByte("priceScale"), in.readByte("sizeScale"),
                in.readLong("price"), in.readLong("size"), in.readEnum(SIDES, "aggressor"),
                in.readText("tradeId"), in.readEnum(TRADE_TYPES, "tradeType"));
    }
}
