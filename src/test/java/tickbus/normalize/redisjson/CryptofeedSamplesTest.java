package tickbus.normalize.redisjson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tickbus.event.Quote;
import tickbus.event.Side;
import tickbus.event.Trade;
import tickbus.event.TradeType;
import tickbus.protocol.redisjson.DeadLetterLog;
import tickbus.protocol.redisjson.PayloadFormat;
import tickbus.protocol.redisjson.RedisJsonLimits;

/** Every line of the real cryptofeed samples decodes and normalizes with exact prices, sizes and times. */
class CryptofeedSamplesTest {

    private static final int PRICE_SCALE = 8;
    private static final int SIZE_SCALE = 8;
    private static final long RECEIVED_NANOS = 1_700_000_000_000_000_000L;

    private final RecordingSink sink = new RecordingSink();
    private final RedisJsonIngest ingest = new RedisJsonIngest(RedisJsonLimits.DEFAULTS, PRICE_SCALE, SIZE_SCALE,
            new RedisJsonNormalizer("redis-coinbase", "COINBASE", false, RedisJsonNormalizer.SequenceCheck.ADMIT_ALL,
                    sink), new DeadLetterLog(100, 1 << 20, 256));

    @Test
    void everyTradeLineNormalizesExactly() throws IOException {
        List<String> lines = Files.readAllLines(SampleData.json("cryptofeed_trades_COINBASE.jsonl"));
        assertEquals(97, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            accept(PayloadFormat.CRYPTOFEED_TRADE, line);
            Trade trade = (Trade) sink.last();
            assertEquals("COINBASE:" + text(line, "symbol"), trade.instrument(), line);
            assertEquals(0, new BigDecimal(number(line, "price")).compareTo(trade.priceDecimal()), line);
            assertEquals(0, new BigDecimal(number(line, "amount")).compareTo(BigDecimal.valueOf(trade.size(), SIZE_SCALE)),
                    line);
            assertEquals(nanos(number(line, "timestamp")), trade.exchangeTimeNanos(), line);
            assertEquals(text(line, "side").equals("buy") ? Side.BUY : Side.SELL, trade.aggressor(), line);
            assertEquals(text(line, "id"), trade.tradeId(), line);
            assertEquals(i + 1, trade.sequence(), line);
            assertEquals(RECEIVED_NANOS, trade.receiveTimeNanos());
            assertEquals(TradeType.REGULAR, trade.type());
        }
        assertEquals(97, sink.events.size());
    }

    @Test
    void everyTickerLineNormalizesExactly() throws IOException {
        List<String> lines = Files.readAllLines(SampleData.json("cryptofeed_tickers_COINBASE.jsonl"));
        assertEquals(107, lines.size());
        for (String line : lines) {
            accept(PayloadFormat.CRYPTOFEED_TICKER, line);
            Quote quote = (Quote) sink.last();
            assertEquals("COINBASE:" + text(line, "symbol"), quote.instrument(), line);
            assertEquals(0, new BigDecimal(number(line, "bid")).compareTo(quote.bid()), line);
            assertEquals(0, new BigDecimal(number(line, "ask")).compareTo(quote.ask()), line);
            assertEquals(nanos(number(line, "timestamp")), quote.exchangeTimeNanos(), line);
        }
        assertEquals(107, sink.events.size());
    }

    @Test
    void firstTradeMatchesTheFileText() throws IOException {
        String first = Files.readAllLines(SampleData.json("cryptofeed_trades_COINBASE.jsonl")).get(0);
        assertTrue(first.contains("\"amount\":985.0,\"price\":1.305e-05,\"id\":\"280232\""), first);
        accept(PayloadFormat.CRYPTOFEED_TRADE, first);
        assertEquals(new Trade("COINBASE:SKL-BTC", "COINBASE", "redis-coinbase", 1, 1_618_677_817_089_723_000L,
                RECEIVED_NANOS, PRICE_SCALE, 8, 1305, 98_500_000_000L, Side.BUY, "280232", TradeType.REGULAR),
                sink.last());
    }

    @Test
    void smallAndPlainTickerPricesMatchTheFileText() throws IOException {
        List<String> lines = Files.readAllLines(SampleData.json("cryptofeed_tickers_COINBASE.jsonl"));
        assertTrue(lines.get(0).contains("\"bid\":14.755,\"ask\":14.806"), lines.get(0));
        assertTrue(lines.get(4).contains("\"bid\":1.302e-05,\"ask\":1.305e-05"), lines.get(4));
        assertTrue(lines.get(2).contains("\"receipt_timestamp\":1618677817.0817301"), lines.get(2));
        accept(PayloadFormat.CRYPTOFEED_TICKER, lines.get(0));
        Quote band = (Quote) sink.last();
        assertEquals(1_475_500_000L, band.bidPrice());
        assertEquals(1_480_600_000L, band.askPrice());
        assertEquals(1_618_677_810_244_075_000L, band.exchangeTimeNanos());
        accept(PayloadFormat.CRYPTOFEED_TICKER, lines.get(4));
        Quote skl = (Quote) sink.last();
        assertEquals(1302, skl.bidPrice());
        assertEquals(1305, skl.askPrice());
        assertEquals(Quote.SIZE_UNKNOWN, skl.bidSize());
        assertEquals(true, skl.hasBid() && skl.hasAsk());
    }

    private void accept(PayloadFormat format, String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        ingest.accept("trades-COINBASE", format, bytes, 0, bytes.length, RECEIVED_NANOS);
    }

    /** Epoch seconds text to nanoseconds, independently of the decoder. */
    private static long nanos(String seconds) {
        return new BigDecimal(seconds).movePointRight(9).setScale(0, RoundingMode.DOWN).longValueExact();
    }

    private static String number(String line, String field) {
        return match(line, "\"" + field + "\":([-0-9.eE+]+)");
    }

    private static String text(String line, String field) {
        return match(line, "\"" + field + "\":\"([^\"]*)\"");
    }

    private static String match(String line, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(line);
        assertTrue(matcher.find(), () -> regex + " in " + line);
        return matcher.group(1);
    }
}
