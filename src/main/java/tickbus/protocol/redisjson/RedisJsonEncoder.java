package tickbus.protocol.redisjson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import tickbus.event.MarketEvent;
import tickbus.event.Prices;
import tickbus.event.Quote;
import tickbus.event.Side;
import tickbus.event.Trade;
import tickbus.protocol.redisjson.RedisJson.Cryptofeed;
import tickbus.protocol.redisjson.RedisJson.Tickbus;

/**
 * Writes quotes and trades as the payloads {@link RedisJsonDecoder} reads, for simulators and tests. The symbol
 * is the instrument id after {@code VENUE:}; sizes are mantissas at the encoder's size scale. cryptofeed
 * numbers are written as Python writes floats, exactly. Not thread-safe.
 */
public final class RedisJsonEncoder {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int NANOS_SCALE = 9;

    private final JsonFactory factory = new JsonFactory();
    private final ByteArrayBuilder bytes = new ByteArrayBuilder(512);
    private final int sizeScale;

    public RedisJsonEncoder(int sizeScale) {
        Prices.powerOfTen(sizeScale);
        this.sizeScale = sizeScale;
    }

    /** The payload of {@code event} in {@code format}: a Quote for tickbus or ticker, a Trade for tickbus or trade. */
    public byte[] encode(PayloadFormat format, MarketEvent event) {
        if (format == PayloadFormat.TICKBUS && event instanceof Quote quote) {
            return tickbusQuote(quote);
        }
        if (format == PayloadFormat.TICKBUS && event instanceof Trade trade) {
            return tickbusTrade(trade);
        }
        if (format == PayloadFormat.CRYPTOFEED_TICKER && event instanceof Quote quote) {
            return cryptofeedTicker(quote);
        }
        if (format == PayloadFormat.CRYPTOFEED_TRADE && event instanceof Trade trade) {
            return cryptofeedTrade(trade);
        }
        throw new IllegalArgumentException("no payload of this format for this event: format=" + format
                + ", event=" + event.kind());
    }

    /** {@code {"v":1,"type":"quote","sym":..,"seq":..,"ts":..,"bid":"..","bidSize":"..","ask":"..","askSize":".."}}. */
    public byte[] tickbusQuote(Quote quote) {
        return payload(out -> {
            writeTickbusHeader(out, Tickbus.TYPE_QUOTE, quote);
            out.writeStringField(Tickbus.BID, plain(quote.bidPrice(), quote.priceScale()));
            out.writeStringField(Tickbus.BID_SIZE, plain(quote.bidSize(), sizeScale));
            out.writeStringField(Tickbus.ASK, plain(quote.askPrice(), quote.priceScale()));
            out.writeStringField(Tickbus.ASK_SIZE, plain(quote.askSize(), sizeScale));
        });
    }

    /** {@code {"v":1,"type":"trade","sym":..,"seq":..,"ts":..,"price":"..","size":"..","side":"buy","id":".."}}. */
    public byte[] tickbusTrade(Trade trade) {
        return payload(out -> {
            writeTickbusHeader(out, Tickbus.TYPE_TRADE, trade);
            out.writeStringField(Tickbus.PRICE, plain(trade.price(), trade.priceScale()));
            out.writeStringField(Tickbus.SIZE, plain(trade.size(), sizeScale));
            out.writeStringField(Tickbus.SIDE, sideText(trade.aggressor(), Tickbus.SIDE_UNKNOWN));
            out.writeStringField(Tickbus.TRADE_ID, trade.tradeId());
        });
    }

    /** cryptofeed's trade dictionary; an empty trade id is written as {@code "None"}. */
    public byte[] cryptofeedTrade(Trade trade) {
        return payload(out -> {
            writeCryptofeedHeader(out, trade);
            out.writeStringField(Cryptofeed.SIDE, sideText(trade.aggressor(), RedisJson.NONE));
            out.writeFieldName(Cryptofeed.AMOUNT);
            out.writeNumber(PythonFloatText.format(trade.size(), sizeScale));
            out.writeFieldName(Cryptofeed.PRICE);
            out.writeNumber(PythonFloatText.format(trade.price(), trade.priceScale()));
            out.writeStringField(Cryptofeed.TRADE_ID, trade.tradeId().isEmpty() ? RedisJson.NONE : trade.tradeId());
            out.writeStringField(Cryptofeed.ORDER_TYPE, RedisJson.NONE);
            writeCryptofeedTimestamps(out, trade);
        });
    }

    /** cryptofeed's ticker dictionary; sizes are not part of it, an empty side is written as {@code "None"}. */
    public byte[] cryptofeedTicker(Quote quote) {
        return payload(out -> {
            writeCryptofeedHeader(out, quote);
            writeTickerSide(out, Cryptofeed.BID, quote.bidPrice(), quote.bidSize(), quote.priceScale());
            writeTickerSide(out, Cryptofeed.ASK, quote.askPrice(), quote.askSize(), quote.priceScale());
            writeCryptofeedTimestamps(out, quote);
        });
    }

    /** Writes the fields of one payload object. */
    private interface FieldWriter {
        void write(JsonGenerator out) throws IOException;
    }

    private byte[] payload(FieldWriter fields) {
        bytes.reset();
        try (JsonGenerator out = factory.createGenerator(bytes)) {
            out.writeStartObject();
            fields.write(out);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeTickbusHeader(JsonGenerator out, String type, MarketEvent event) throws IOException {
        out.writeNumberField(Tickbus.VERSION, Tickbus.SCHEMA_VERSION);
        out.writeStringField(Tickbus.TYPE, type);
        out.writeStringField(Tickbus.SYMBOL, symbolOf(event.instrument()));
        out.writeNumberField(Tickbus.SEQUENCE, event.sequence());
        out.writeNumberField(Tickbus.TIMESTAMP_NANOS, event.exchangeTimeNanos());
    }

    private static void writeCryptofeedHeader(JsonGenerator out, MarketEvent event) throws IOException {
        out.writeStringField(Cryptofeed.EXCHANGE, event.venue());
        out.writeStringField(Cryptofeed.SYMBOL, symbolOf(event.instrument()));
    }

    private static void writeCryptofeedTimestamps(JsonGenerator out, MarketEvent event) throws IOException {
        out.writeFieldName(Cryptofeed.TIMESTAMP);
        out.writeNumber(PythonFloatText.format(event.exchangeTimeNanos(), NANOS_SCALE));
        out.writeFieldName(Cryptofeed.RECEIPT_TIMESTAMP);
        out.writeNumber(PythonFloatText.format(event.receiveTimeNanos(), NANOS_SCALE));
    }

    private static void writeTickerSide(JsonGenerator out, String field, long price, long size, int priceScale)
            throws IOException {
        out.writeFieldName(field);
        if (price == 0 && size == 0) {
            out.writeString(RedisJson.NONE);
        } else {
            out.writeNumber(PythonFloatText.format(price, priceScale));
        }
    }

    private static String symbolOf(String instrument) {
        return instrument.substring(instrument.indexOf(':') + 1);
    }

    private static String sideText(Side side, String unknownText) {
        return switch (side) {
            case BUY -> RedisJson.SIDE_BUY;
            case SELL -> RedisJson.SIDE_SELL;
            case UNKNOWN -> unknownText;
        };
    }

    /** The shortest plain decimal text: {@code 0.5}, {@code 100}, {@code 0}. */
    private static String plain(long mantissa, int scale) {
        return mantissa == 0 ? "0" : BigDecimal.valueOf(mantissa, scale).stripTrailingZeros().toPlainString();
    }
}
