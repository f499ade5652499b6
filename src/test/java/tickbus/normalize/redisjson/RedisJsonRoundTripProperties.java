package tickbus.normalize.redisjson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import tickbus.event.MarketEvent;
import tickbus.event.Quote;
import tickbus.event.Side;
import tickbus.event.Trade;
import tickbus.event.TradeType;
import tickbus.protocol.redisjson.DeadLetterLog;
import tickbus.protocol.redisjson.PayloadFormat;
import tickbus.protocol.redisjson.RedisJsonEncoder;
import tickbus.protocol.redisjson.RedisJsonLimits;

/** Encoder, decoder and normalizer agree: an event written as a payload comes back as the same event. */
class RedisJsonRoundTripProperties {

    private static final String SOURCE = "redis-sim";
    private static final String VENUE = "COINBASE";

    @Property(tries = 500)
    void tickbusQuotes(@ForAll("symbols") String symbol, @ForAll @LongRange(min = 0) long sequence,
            @ForAll @LongRange(min = 0) long timeNanos, @ForAll("prices") long bid, @ForAll("sizes") long bidSize,
            @ForAll("prices") long ask, @ForAll("sizes") long askSize, @ForAll @IntRange(max = 18) int priceScale,
            @ForAll @IntRange(max = 18) int sizeScale) {
        Quote quote = new Quote(VENUE + ":" + symbol, VENUE, SOURCE, sequence, timeNanos, 7, priceScale, sizeScale,
                bid, bidSize, ask, askSize);
        assertEquals(quote, roundTrip(PayloadFormat.TICKBUS, quote, priceScale, sizeScale));
    }

    @Property(tries = 500)
    void tickbusTrades(@ForAll("symbols") String symbol, @ForAll @LongRange(min = 0) long sequence,
            @ForAll @LongRange(min = 0) long timeNanos, @ForAll("prices") long price, @ForAll("sizes") long size,
            @ForAll Side side, @ForAll("tradeIds") String tradeId, @ForAll @IntRange(max = 18) int priceScale,
            @ForAll @IntRange(max = 18) int sizeScale) {
        Trade trade = new Trade(VENUE + ":" + symbol, VENUE, SOURCE, sequence, timeNanos, 7, priceScale, sizeScale,
                price, size, side, tradeId, TradeType.REGULAR);
        assertEquals(trade, roundTrip(PayloadFormat.TICKBUS, trade, priceScale, sizeScale));
    }

    @Property(tries = 500)
    void cryptofeedTrades(@ForAll("symbols") String symbol, @ForAll @LongRange(min = 0) long timeNanos,
            @ForAll @LongRange(min = 0) long receiptNanos, @ForAll("prices") long price, @ForAll("sizes") long amount,
            @ForAll Side side, @ForAll("tradeIds") String tradeId, @ForAll @IntRange(max = 18) int priceScale,
            @ForAll @IntRange(max = 18) int sizeScale) {
        Trade trade = new Trade(VENUE + ":" + symbol, VENUE, SOURCE, 1, timeNanos, receiptNanos, priceScale,
                sizeScale, price, amount, side, tradeId, TradeType.REGULAR);
        assertEquals(trade, roundTrip(PayloadFormat.CRYPTOFEED_TRADE, trade, priceScale, sizeScale));
    }

    @Property(tries = 500)
    void cryptofeedTickers(@ForAll("symbols") String symbol, @ForAll @LongRange(min = 0) long timeNanos,
            @ForAll("prices") long bid, @ForAll("prices") long ask, @ForAll @IntRange(max = 18) int priceScale) {
        Quote quote = new Quote(VENUE + ":" + symbol, VENUE, SOURCE, 1, timeNanos, 7, priceScale, 8, bid, 5, ask, 5);
        Quote expected = new Quote(quote.instrument(), VENUE, SOURCE, 1, timeNanos, 7, priceScale, 8, bid,
                Quote.SIZE_UNKNOWN, ask, Quote.SIZE_UNKNOWN);
        assertEquals(expected, roundTrip(PayloadFormat.CRYPTOFEED_TICKER, quote, priceScale, 8));
    }

    /** Encode, then decode and normalize as received at the event's receive time. */
    private static MarketEvent roundTrip(PayloadFormat format, MarketEvent event, int priceScale, int sizeScale) {
        RecordingSink sink = new RecordingSink();
        RedisJsonNormalizer normalizer = new RedisJsonNormalizer(SOURCE, VENUE, false,
                RedisJsonNormalizer.SequenceCheck.ADMIT_ALL, sink);
        RedisJsonIngest ingest = new RedisJsonIngest(RedisJsonLimits.DEFAULTS, priceScale, sizeScale, normalizer,
                new DeadLetterLog(1, 4096, 256));
        byte[] payload = new RedisJsonEncoder(sizeScale).encode(format, event);
        ingest.accept("ch", format, payload, 0, payload.length, event.receiveTimeNanos());
        assertEquals(1, sink.events.size());
        return sink.events.get(0);
    }

    @Provide
    Arbitrary<String> symbols() {
        return Arbitraries.strings().withCharRange('A', 'Z').withCharRange('a', 'z').withCharRange('0', '9')
                .withChars("._/+^=_-").ofMinLength(1).ofMaxLength(64);
    }

    @Provide
    Arbitrary<String> tradeIds() {
        return Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00c0', '\u00ff')
                .withCharRange('\u4e00', '\u4e20').withChars('\u0001', '\n', '\u2028').ofMinLength(1).ofMaxLength(128)
                .filter(id -> !id.equals("None"));
    }

    /** Any mantissa {@code Prices} can parse back: the symmetric long range. */
    @Provide
    Arbitrary<Long> prices() {
        return Arbitraries.oneOf(Arbitraries.longs().greaterOrEqual(-Long.MAX_VALUE),
                Arbitraries.longs().between(-1_000_000, 1_000_000), Arbitraries.of(0L, 1L, Long.MAX_VALUE));
    }

    @Provide
    Arbitrary<Long> sizes() {
        return Arbitraries.oneOf(Arbitraries.longs().greaterOrEqual(0), Arbitraries.longs().between(0, 1_000_000));
    }
}
