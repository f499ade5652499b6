package tickbus.protocol.redisjson;

import java.io.IOException;
import tickbus.event.Side;
import tickbus.protocol.redisjson.RedisJson.Cryptofeed;
import tickbus.protocol.redisjson.RedisJsonException.Reason;

/**
 * Reads one cryptofeed trade or ticker object, in any field order. {@code "None"} (cryptofeed's
 * {@code none_to}) and {@code null} mean "no value": refused for required values, absent otherwise.
 */
final class CryptofeedPayloadReader {

    private static final String[] FIELD_NAMES = {Cryptofeed.EXCHANGE, Cryptofeed.SYMBOL, Cryptofeed.TIMESTAMP,
        Cryptofeed.RECEIPT_TIMESTAMP, Cryptofeed.SIDE, Cryptofeed.AMOUNT, Cryptofeed.PRICE, Cryptofeed.TRADE_ID,
        Cryptofeed.ORDER_TYPE, Cryptofeed.BID, Cryptofeed.ASK};
    private static final int EXCHANGE = 1;
    private static final int SYMBOL = 1 << 1;
    private static final int TIMESTAMP = 1 << 2;
    private static final int RECEIPT_TIMESTAMP = 1 << 3;
    private static final int SIDE = 1 << 4;
    private static final int AMOUNT = 1 << 5;
    private static final int PRICE = 1 << 6;
    private static final int TRADE_ID = 1 << 7;
    private static final int ORDER_TYPE = 1 << 8;
    private static final int BID = 1 << 9;
    private static final int ASK = 1 << 10;
    private static final int TRADE_REQUIRED = EXCHANGE | SYMBOL | TIMESTAMP | SIDE | AMOUNT | PRICE;
    private static final int TICKER_REQUIRED = EXCHANGE | SYMBOL | TIMESTAMP | BID | ASK;

    private final CryptofeedTradeMessage trade = new CryptofeedTradeMessage();
    private final CryptofeedTickerMessage ticker = new CryptofeedTickerMessage();
    private String exchange;
    private String symbol;
    private long timestampNanos;
    private long receiptTimestampNanos;

    CryptofeedPayloadReader(int priceScale, int sizeScale) {
        trade.priceScale = priceScale;
        trade.sizeScale = sizeScale;
        ticker.priceScale = priceScale;
        ticker.sizeScale = sizeScale;
    }

    /** Read the fields of a trade ({@code ticker} false) or ticker object up to its closing brace. */
    void read(JsonValueReader in, boolean isTicker) throws IOException {
        receiptTimestampNanos = PayloadMessage.NO_TIMESTAMP;
        trade.tradeId = "";
        int seen = 0;
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            int bit = readCommon(in, field);
            if (bit == 0) {
                bit = isTicker ? readTickerField(in, field) : readTradeField(in, field);
            }
            seen |= bit;
        }
        int missing = (isTicker ? TICKER_REQUIRED : TRADE_REQUIRED) & ~seen;
        if (missing != 0) {
            throw new RedisJsonException(Reason.MISSING_FIELD, "field="
                    + FIELD_NAMES[Integer.numberOfTrailingZeros(missing)] + ", shape="
                    + (isTicker ? "ticker" : "trade"));
        }
    }

    void deliverTrade(RedisJsonListener listener, String channel, long receiveTimeNanos) {
        fillCommon(trade, channel, receiveTimeNanos);
        listener.onCryptofeedTrade(trade);
    }

    void deliverTicker(RedisJsonListener listener, String channel, long receiveTimeNanos) {
        fillCommon(ticker, channel, receiveTimeNanos);
        listener.onCryptofeedTicker(ticker);
    }

    private void fillCommon(CryptofeedMessage message, String channel, long receiveTimeNanos) {
        message.channel = channel;
        message.symbol = symbol;
        message.exchange = exchange;
        message.timestampNanos = timestampNanos;
        message.receiptTimestampNanos = receiptTimestampNanos;
        message.receiveTimeNanos = receiveTimeNanos;
    }

    private int readCommon(JsonValueReader in, String field) throws IOException {
        return switch (field) {
            case Cryptofeed.EXCHANGE -> {
                exchange = required(in).symbol();
                yield EXCHANGE;
            }
            case Cryptofeed.SYMBOL -> {
                symbol = required(in).symbol();
                yield SYMBOL;
            }
            case Cryptofeed.TIMESTAMP -> {
                timestampNanos = optionalTimestamp(in);
                yield TIMESTAMP;
            }
            case Cryptofeed.RECEIPT_TIMESTAMP -> {
                receiptTimestampNanos = optionalTimestamp(in);
                yield RECEIPT_TIMESTAMP;
            }
            default -> 0;
        };
    }

    private int readTradeField(JsonValueReader in, String field) throws IOException {
        return switch (field) {
            case Cryptofeed.SIDE -> {
                trade.aggressor = in.isNone() ? Side.UNKNOWN : in.side(RedisJson.NONE);
                yield SIDE;
            }
            case Cryptofeed.AMOUNT -> {
                trade.amount = required(in).size();
                yield AMOUNT;
            }
            case Cryptofeed.PRICE -> {
                trade.price = required(in).price();
                yield PRICE;
            }
            case Cryptofeed.TRADE_ID -> {
                trade.tradeId = in.isNone() ? "" : in.tradeId();
                yield TRADE_ID;
            }
            case Cryptofeed.ORDER_TYPE -> {
                checkOrderType(in);
                yield ORDER_TYPE;
            }
            default -> skip(in);
        };
    }

    private int readTickerField(JsonValueReader in, String field) throws IOException {
        return switch (field) {
            case Cryptofeed.BID -> {
                ticker.hasBid = !in.isNone();
                ticker.bidPrice = ticker.hasBid ? in.price() : 0;
                yield BID;
            }
            case Cryptofeed.ASK -> {
                ticker.hasAsk = !in.isNone();
                ticker.askPrice = ticker.hasAsk ? in.price() : 0;
                yield ASK;
            }
            default -> skip(in);
        };
    }

    private static int skip(JsonValueReader in) throws IOException {
        in.skipValue();
        return 0;
    }

    /** The order type is not mapped, but must still be a string or no value. */
    private static void checkOrderType(JsonValueReader in) throws IOException {
        if (!in.isNone()) {
            in.tradeId();
        }
    }

    private static JsonValueReader required(JsonValueReader in) throws IOException {
        if (in.isNone()) {
            throw in.error(Reason.MISSING_FIELD, "value=" + in.describeValue());
        }
        return in;
    }

    private static long optionalTimestamp(JsonValueReader in) throws IOException {
        return in.isNone() ? PayloadMessage.NO_TIMESTAMP : in.epochSecondsAsNanos();
    }
}
