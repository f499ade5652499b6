package tickbus.protocol.redisjson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tickbus.event.Side;
import tickbus.protocol.redisjson.RecordingListener.CryptofeedTicker;
import tickbus.protocol.redisjson.RecordingListener.CryptofeedTrade;
import tickbus.protocol.redisjson.RecordingListener.TickbusQuote;
import tickbus.protocol.redisjson.RecordingListener.TickbusTrade;
import tickbus.protocol.redisjson.RedisJsonException.Reason;

class RedisJsonDecoderTest {

    private static final long RECEIVED = 1_618_677_818_000_000_000L;
    private static final String QUOTE = "{\"v\":1,\"type\":\"quote\",\"sym\":\"BTC-USD\",\"seq\":41,"
            + "\"ts\":1618677817089723000,\"bid\":\"61234.5\",\"bidSize\":\"0.25\",\"ask\":\"61235\",\"askSize\":\"1.5\"}";

    private final RecordingListener listener = new RecordingListener();
    private final RedisJsonDecoder decoder = new RedisJsonDecoder(RedisJsonLimits.DEFAULTS, 8, 8, listener);

    @Test
    void tickbusQuote() {
        decode(PayloadFormat.TICKBUS, QUOTE);
        assertEquals(List.of(new TickbusQuote("BTC-USD", 41, 1_618_677_817_089_723_000L, RECEIVED, 6_123_450_000_000L,
                25_000_000, 6_123_500_000_000L, 150_000_000)), listener.messages);
    }

    @Test
    void tickbusFieldsInAnyOrderUnknownFieldsIgnoredPricesAsNumbers() {
        decode(PayloadFormat.TICKBUS, "{\"askSize\":1.5,\"note\":{\"a\":[1,{\"b\":null}]},\"ask\":6.1235e4,"
                + "\"bid\":61234.50,\"bidSize\":0.25,\"ts\":1618677817089723000,\"seq\":41,\"sym\":\"BTC-USD\","
                + "\"type\":\"quote\",\"v\":1}");
        assertEquals(List.of(new TickbusQuote("BTC-USD", 41, 1_618_677_817_089_723_000L, RECEIVED, 6_123_450_000_000L,
                25_000_000, 6_123_500_000_000L, 150_000_000)), listener.messages);
    }

    @Test
    void tickbusTrades() {
        decode(PayloadFormat.TICKBUS, "{\"v\":1,\"type\":\"trade\",\"sym\":\"ETH-USD\",\"seq\":0,\"ts\":5,"
                + "\"price\":\"-0.5\",\"size\":\"0\",\"side\":\"sell\",\"id\":\"\"}");
        decode(PayloadFormat.TICKBUS, "{\"v\":1,\"type\":\"trade\",\"sym\":\"ETH-USD\",\"seq\":1,\"ts\":6,"
                + "\"price\":\"2500.00000001\",\"size\":\"3\",\"side\":\"unknown\",\"id\":\"t-\\\"1\\\"\"}");
        assertEquals(List.of(
                new TickbusTrade("ETH-USD", 0, 5, RECEIVED, -50_000_000, 0, Side.SELL, ""),
                new TickbusTrade("ETH-USD", 1, 6, RECEIVED, 250_000_000_001L, 300_000_000, Side.UNKNOWN, "t-\"1\"")),
                listener.messages);
    }

    @Test
    void cryptofeedNoneValuesAndStringNumbers() {
        decode(PayloadFormat.CRYPTOFEED_TRADE, "{\"exchange\":\"BINANCE_FUTURES\",\"symbol\":\"BTC-USDT-PERP\","
                + "\"side\":\"None\",\"amount\":\"0.001\",\"price\":\"61234.5\",\"id\":\"None\",\"type\":null,"
                + "\"timestamp\":\"None\",\"receipt_timestamp\":\"1618677817.5\"}");
        decode(PayloadFormat.CRYPTOFEED_TICKER, "{\"exchange\":\"COINBASE\",\"symbol\":\"SKL-BTC\",\"bid\":\"None\","
                + "\"ask\":1.305e-05,\"timestamp\":1618677817.067586,\"receipt_timestamp\":null}");
        assertEquals(List.of(
                new CryptofeedTrade("BINANCE_FUTURES", "BTC-USDT-PERP", PayloadMessage.NO_TIMESTAMP,
                        1_618_677_817_500_000_000L, Side.UNKNOWN, 100_000, 6_123_450_000_000L, ""),
                new CryptofeedTicker("COINBASE", "SKL-BTC", 1_618_677_817_067_586_000L, PayloadMessage.NO_TIMESTAMP,
                        false, 0, true, 1305)), listener.messages);
    }

    @Test
    void cryptofeedTradeIgnoresTickerFieldsAndTheOtherWayRound() {
        decode(PayloadFormat.CRYPTOFEED_TRADE, "{\"exchange\":\"COINBASE\",\"symbol\":\"SKL-USD\",\"side\":\"sell\","
                + "\"amount\":450.0,\"price\":0.791,\"bid\":{},\"timestamp\":1618677817.121358}");
        decode(PayloadFormat.CRYPTOFEED_TICKER, "{\"exchange\":\"COINBASE\",\"symbol\":\"SKL-USD\",\"bid\":0.7901,"
                + "\"ask\":0.7911,\"price\":[],\"timestamp\":1618677817.056746}");
        assertEquals(2, listener.messages.size());
    }

    @Test
    void timestampDigitsBeyondNanosecondsAreDropped() {
        decode(PayloadFormat.CRYPTOFEED_TICKER, "{\"exchange\":\"COINBASE\",\"symbol\":\"SKL-USD\",\"bid\":1,\"ask\":2,"
                + "\"timestamp\":1618677817.1234567899,\"receipt_timestamp\":1.6186778171234567899e9}");
        CryptofeedTicker ticker = (CryptofeedTicker) listener.messages.get(0);
        assertEquals(1_618_677_817_123_456_789L, ticker.timestampNanos());
        assertEquals(1_618_677_817_123_456_789L, ticker.receiptTimestampNanos());
    }

    @Test
    void timestampDigitsThatTheExponentBringsAboveNanosecondsAreKept() {
        decode(PayloadFormat.CRYPTOFEED_TRADE, "{\"exchange\":\"COINBASE\",\"symbol\":\"SKL-BTC\",\"side\":\"buy\","
                + "\"amount\":985.0,\"price\":1.305e-05,\"id\":\"280232\",\"type\":\"None\","
                + "\"timestamp\":0.0000000000000000001618677817089723e28}");
        assertEquals(List.of(new CryptofeedTrade("COINBASE", "SKL-BTC", 1_618_677_817_089_723_000L,
                PayloadMessage.NO_TIMESTAMP, Side.BUY, 98_500_000_000L, 1305L, "280232")), listener.messages);
    }

    @Test
    void bufferSliceIsDecoded() {
        Buffer frame = Buffer.buffer("garbage").appendString(QUOTE).appendString("more garbage");
        decoder.decode(PayloadFormat.TICKBUS, "md:BTC-USD:quotes", frame, 7, QUOTE.length(), RECEIVED);
        assertEquals(1, listener.messages.size());
        assertEquals("md:BTC-USD:quotes", listener.instances.get(0).channel());
    }

    @Test
    void bufferLongerThanTheDocumentLimitIsRefusedBeforeCopying() {
        Buffer frame = Buffer.buffer(new byte[RedisJsonLimits.DEFAULTS.maxDocumentBytes() + 1]);
        RedisJsonException error = assertThrows(RedisJsonException.class,
                () -> decoder.decode(PayloadFormat.TICKBUS, "ch", frame, 0, frame.length(), RECEIVED));
        assertEquals("document too large: length=65537, max=65536", error.getMessage());
    }

    @Test
    void messageObjectsAreReusedAcrossPayloads() {
        decode(PayloadFormat.TICKBUS, QUOTE);
        decode(PayloadFormat.TICKBUS, QUOTE.replace("\"seq\":41", "\"seq\":42"));
        assertSame(listener.instances.get(0), listener.instances.get(1));
        assertEquals(42, ((TickbusQuoteMessage) listener.instances.get(0)).sequence());
    }

    @Test
    void sizeScaleAppliesToSizesOnly() {
        RedisJsonDecoder wholeUnits = new RedisJsonDecoder(RedisJsonLimits.DEFAULTS, 2, 0, listener);
        byte[] bytes = QUOTE.replace("\"0.25\"", "\"25\"").replace("\"1.5\"", "\"2\"").getBytes(StandardCharsets.UTF_8);
        wholeUnits.decode(PayloadFormat.TICKBUS, "ch", bytes, 0, bytes.length, RECEIVED);
        assertEquals(new TickbusQuote("BTC-USD", 41, 1_618_677_817_089_723_000L, RECEIVED, 6_123_450, 25, 6_123_500, 2),
                listener.messages.get(0));
    }

    @Test
    void sizesMustBeExactAtTheSizeScale() {
        RedisJsonDecoder wholeUnits = new RedisJsonDecoder(RedisJsonLimits.DEFAULTS, 2, 0, listener);
        byte[] bytes = QUOTE.getBytes(StandardCharsets.UTF_8);
        RedisJsonException error = assertThrows(RedisJsonException.class,
                () -> wholeUnits.decode(PayloadFormat.TICKBUS, "ch", bytes, 0, bytes.length, RECEIVED));
        assertEquals(Reason.SIZE_OUT_OF_RANGE, error.reason());
        assertTrue(error.getMessage().startsWith("size out of range: field=bidSize, value=\"0.25\", scale=0"),
                error.getMessage());
    }

    /** A publisher writing ms as a float, or a number as a string, learns from the message what it sent. */
    @ParameterizedTest
    @ValueSource(strings = {"", ",\"extra\":[{}]"})
    void aValueOfTheWrongTypeIsNamedInTheRefusal(String forceJackson) {
        assertEquals("wrong JSON type: field=ts, expected=integer, token=VALUE_NUMBER_FLOAT, value=\"1.618677817089E15\"",
                refusal(QUOTE.replace("1618677817089723000", "1.618677817089E15"), forceJackson));
        assertEquals("wrong JSON type: field=seq, expected=integer, token=VALUE_STRING, value=\"41\"",
                refusal(QUOTE.replace("\"seq\":41", "\"seq\":\"41\""), forceJackson));
        assertEquals("wrong JSON type: field=sym, expected=string, token=VALUE_NUMBER_INT, value=\"42\"",
                refusal(QUOTE.replace("\"BTC-USD\"", "42"), forceJackson));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{sym:\"X\"}", "{\"sym\":\"X\" # yaml comment\n}", "{\"sym\":\"X\" // comment\n}",
        "{\"bid\":+1}", "{\"bid\":.5}", "{\"bid\":5.}", "{\"sym\":\"a\tb\"}", "{\"sym\":\"\\q\"}",
        "{\"x\":[1,,2]}", "{\"x\":[1,2,]}", "{\"bid\":01}", "{'sym':'X'}", "{\"bid\":NaN}"})
    void lenientJsonIsRefused(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        RedisJsonException error = assertThrows(RedisJsonException.class,
                () -> decoder.decode(PayloadFormat.TICKBUS, "ch", bytes, 0, bytes.length, RECEIVED));
        assertTrue(error.reason() == Reason.SYNTAX || error.reason() == Reason.NOT_A_NUMBER, error.getMessage());
    }

    /** A BOM is valid UTF-8: the publisher must not be sent looking for an encoding problem. */
    @Test
    void aByteOrderMarkIsRefusedAsSuchNotAsInvalidUtf8() {
        byte[] bytes = ("\uFEFF" + QUOTE).getBytes(StandardCharsets.UTF_8);
        RedisJsonException error = assertThrows(RedisJsonException.class,
                () -> decoder.decode(PayloadFormat.TICKBUS, "ch", bytes, 0, bytes.length, RECEIVED));
        assertEquals(Reason.SYNTAX, error.reason(), error.getMessage());
        assertEquals("malformed JSON: field=(payload), offset=0, value=\"\\uFEFF\", expected=a JSON object without a "
                + "byte order mark", error.getMessage());
    }

    @Test
    void scalesOutsideZeroToEighteenAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RedisJsonDecoder(RedisJsonLimits.DEFAULTS, 19, 8, listener));
        assertThrows(IllegalArgumentException.class, () -> new RedisJsonDecoder(RedisJsonLimits.DEFAULTS, 8, -1, listener));
    }

    @Test
    void limitsMustBePositive() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new RedisJsonLimits(1024, 0, 1024, 64, 100, 64, 128));
        assertEquals("limit must be positive: maxDepth=0", error.getMessage());
    }

    private String refusal(String payload, String extraField) {
        byte[] bytes = payload.replace("}", extraField + "}").getBytes(StandardCharsets.UTF_8);
        RedisJsonException error = assertThrows(RedisJsonException.class,
                () -> decoder.decode(PayloadFormat.TICKBUS, "ch", bytes, 0, bytes.length, RECEIVED));
        assertEquals(Reason.WRONG_TYPE, error.reason());
        return error.getMessage();
    }

    private void decode(PayloadFormat format, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        decoder.decode(format, "ch", bytes, 0, bytes.length, RECEIVED);
    }
}
