package tickbus.protocol.redisjson;

import java.io.IOException;
import tickbus.protocol.redisjson.RedisJson.Tickbus;
import tickbus.protocol.redisjson.RedisJsonException.Reason;

/** Reads one tickbus-schema payload object, in any field order, then hands it to the listener. */
final class TickbusPayloadReader {

    private static final String[] FIELD_NAMES = {Tickbus.VERSION, Tickbus.TYPE, Tickbus.SYMBOL, Tickbus.SEQUENCE,
        Tickbus.TIMESTAMP_NANOS, Tickbus.BID, Tickbus.BID_SIZE, Tickbus.ASK, Tickbus.ASK_SIZE, Tickbus.PRICE,
        Tickbus.SIZE, Tickbus.SIDE, Tickbus.TRADE_ID};
    private static final int VERSION = 1;
    private static final int TYPE = 1 << 1;
    private static final int SYMBOL = 1 << 2;
    private static final int SEQUENCE = 1 << 3;
    private static final int TIMESTAMP = 1 << 4;
    private static final int BID = 1 << 5;
    private static final int BID_SIZE = 1 << 6;
    private static final int ASK = 1 << 7;
    private static final int ASK_SIZE = 1 << 8;
    private static final int PRICE = 1 << 9;
    private static final int SIZE = 1 << 10;
    private static final int SIDE = 1 << 11;
    private static final int TRADE_ID = 1 << 12;
    private static final int COMMON_FIELDS = VERSION | TYPE | SYMBOL | SEQUENCE | TIMESTAMP;
    private static final int QUOTE_FIELDS = COMMON_FIELDS | BID | BID_SIZE | ASK | ASK_SIZE;
    private static final int TRADE_FIELDS = COMMON_FIELDS | PRICE | SIZE | SIDE | TRADE_ID;

    private final TickbusQuoteMessage quote = new TickbusQuoteMessage();
    private final TickbusTradeMessage trade = new TickbusTradeMessage();
    private boolean isTrade;

    TickbusPayloadReader(int priceScale, int sizeScale) {
        quote.priceScale = priceScale;
        quote.sizeScale = sizeScale;
        trade.priceScale = priceScale;
        trade.sizeScale = sizeScale;
    }

    /** Read the fields after the opening brace up to and including the closing one. */
    void read(JsonValueReader in) throws IOException {
        int seen = 0;
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            seen |= readField(in, field);
        }
        if ((seen & TYPE) == 0) {
            throw new RedisJsonException(Reason.MISSING_FIELD, "field=" + Tickbus.TYPE + ", expected="
                    + Tickbus.TYPE_QUOTE + "|" + Tickbus.TYPE_TRADE);
        }
        int missing = (isTrade ? TRADE_FIELDS : QUOTE_FIELDS) & ~seen;
        if (missing != 0) {
            throw new RedisJsonException(Reason.MISSING_FIELD, "field="
                    + FIELD_NAMES[Integer.numberOfTrailingZeros(missing)] + ", type="
                    + (isTrade ? Tickbus.TYPE_TRADE : Tickbus.TYPE_QUOTE));
        }
    }

    void deliver(RedisJsonListener listener, String channel, long receiveTimeNanos) {
        if (isTrade) {
            trade.channel = channel;
            trade.receiveTimeNanos = receiveTimeNanos;
            listener.onTickbusTrade(trade);
        } else {
            quote.channel = channel;
            quote.receiveTimeNanos = receiveTimeNanos;
            listener.onTickbusQuote(quote);
        }
    }

    private int readField(JsonValueReader in, String field) throws IOException {
        return switch (field) {
            case Tickbus.VERSION -> readVersion(in);
            case Tickbus.TYPE -> readType(in);
            case Tickbus.SYMBOL -> setSymbol(in.symbol());
            case Tickbus.SEQUENCE -> setSequence(in.nonNegativeLong());
            case Tickbus.TIMESTAMP_NANOS -> setTimestamp(in.nonNegativeLong());
            case Tickbus.BID -> {
                quote.bidPrice = in.price();
                yield BID;
            }
            case Tickbus.BID_SIZE -> {
                quote.bidSize = in.size();
                yield BID_SIZE;
            }
            case Tickbus.ASK -> {
                quote.askPrice = in.price();
                yield ASK;
            }
            case Tickbus.ASK_SIZE -> {
                quote.askSize = in.size();
                yield ASK_SIZE;
            }
            case Tickbus.PRICE -> {
                trade.price = in.price();
                yield PRICE;
            }
            case Tickbus.SIZE -> {
                trade.size = in.size();
                yield SIZE;
            }
            case Tickbus.SIDE -> {
                trade.aggressor = in.side(Tickbus.SIDE_UNKNOWN);
                yield SIDE;
            }
            case Tickbus.TRADE_ID -> {
                trade.tradeId = in.tradeId();
                yield TRADE_ID;
            }
            default -> {
                in.skipValue();
                yield 0;
            }
        };
    }

    private static int readVersion(JsonValueReader in) throws IOException {
        long version = in.nonNegativeLong();
        if (version != Tickbus.SCHEMA_VERSION) {
            throw in.error(Reason.UNSUPPORTED_VERSION, "value=" + version + ", supported=" + Tickbus.SCHEMA_VERSION);
        }
        return VERSION;
    }

    private int readType(JsonValueReader in) throws IOException {
        if (in.isText(Tickbus.TYPE_QUOTE)) {
            isTrade = false;
        } else if (in.isText(Tickbus.TYPE_TRADE)) {
            isTrade = true;
        } else {
            throw in.error(Reason.UNKNOWN_TYPE, "value=" + in.describeValue() + ", expected=" + Tickbus.TYPE_QUOTE
                    + "|" + Tickbus.TYPE_TRADE);
        }
        return TYPE;
    }

    private int setSymbol(String symbol) {
        quote.symbol = symbol;
        trade.symbol = symbol;
        return SYMBOL;
    }

    private int setSequence(long sequence) {
        quote.sequence = sequence;
        trade.sequence = sequence;
        return SEQUENCE;
    }

    private int setTimestamp(long nanos) {
        quote.timestampNanos = nanos;
        trade.timestampNanos = nanos;
        return TIMESTAMP;
    }
}
