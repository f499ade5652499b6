package tickbus.normalize.redisjson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tickbus.event.Quote;
import tickbus.protocol.redisjson.DeadLetterLog;
import tickbus.protocol.redisjson.PayloadFormat;
import tickbus.protocol.redisjson.RedisJsonException;
import tickbus.protocol.redisjson.RedisJsonException.Reason;
import tickbus.protocol.redisjson.RedisJsonLimits;

/**
 * Hostile and malformed payloads, one case per test: each is refused with its reason, counted and
 * dead-lettered, nothing reaches the sink, and a valid payload right after it still decodes.
 */
class HostileJsonTest {

    private static final String CHANNEL = "md:BTC-USD:quotes";
    private static final long RECEIVED_NANOS = 1_618_677_817_500_000_000L;
    private static final String VALID_QUOTE = "{\"v\":1,\"type\":\"quote\",\"sym\":\"BTC-USD\",\"seq\":%d,"
            + "\"ts\":1618677817089723000,\"bid\":\"61234.5\",\"bidSize\":\"0.25\",\"ask\":\"61235\",\"askSize\":\"1.5\"}";
    private static final String QUOTE_HEAD = "{\"v\":1,\"type\":\"quote\",\"sym\":\"BTC-USD\",\"seq\":1,"
            + "\"ts\":1618677817089723000,\"bidSize\":\"0.25\",\"ask\":\"61235\",\"askSize\":\"1.5\",";

    private final RecordingSink sink = new RecordingSink();
    private final DeadLetterLog deadLetters = new DeadLetterLog(16, 64 * 1024, 128);
    private final RedisJsonIngest ingest = new RedisJsonIngest(RedisJsonLimits.DEFAULTS, 8, 8,
            new RedisJsonNormalizer("redis-test", "COINBASE", false, RedisJsonNormalizer.SequenceCheck.ADMIT_ALL,
                    sink), deadLetters);
    private long nextValidSequence = 100;

    @AfterEach
    void exactlyOneRejectionWasCounted() {
        assertEquals(1, deadLetters.rejectedTotal(), deadLetters.rejectedByReason().toString());
    }

    @Test
    void badSyntax() {
        String message = rejects(Reason.SYNTAX, "{\"v\":1,,\"type\":\"quote\"}");
        assertTrue(message.startsWith("malformed JSON: field="), message);
    }

    @Test
    void truncated() {
        String valid = String.format(VALID_QUOTE, 1);
        String message = rejects(Reason.TRUNCATED, valid.substring(0, valid.length() / 2));
        assertTrue(message.contains("end-of-input"), message);
    }

    @Test
    void deepNestingOfTenThousandArrays() {
        String message = rejects(Reason.TOO_DEEP, QUOTE_HEAD + "\"bid\":\"1\",\"x\":" + "[".repeat(10_000)
                + "]".repeat(10_000) + "}");
        assertEquals("nesting too deep: field=x, depth=17, max=16", message);
    }

    @Test
    void deepNestingOfTenThousandObjects() {
        String message = rejects(Reason.TOO_DEEP, QUOTE_HEAD + "\"bid\":\"1\",\"x\":" + "{\"a\":".repeat(10_000)
                + "1" + "}".repeat(10_000) + "}");
        assertTrue(message.contains("max=16"), message);
    }

    @Test
    void hugeStringInAKnownField() {
        String message = rejects(Reason.STRING_TOO_LONG, String.format(VALID_QUOTE, 1).replace("BTC-USD",
                "A".repeat(20_000)));
        assertTrue(message.contains("field=sym, length>=") && message.contains("max=1024"), message);
    }

    @Test
    void symbolLongerThanItsLimit() {
        String message = rejects(Reason.STRING_TOO_LONG, String.format(VALID_QUOTE, 1).replace("BTC-USD", "X".repeat(65)));
        assertTrue(message.contains("field=sym") && message.contains("length=65, max=64"), message);
    }

    @Test
    void hugeDocument() {
        String message = rejects(Reason.DOCUMENT_TOO_LARGE, QUOTE_HEAD + "\"bid\":\"1\",\"pad\":\""
                + " ".repeat(1 << 20) + "\"}");
        assertTrue(message.contains("length=1048") && message.contains("max=65536"), message);
    }

    @Test
    void hugeNumberOfTenThousandDigits() {
        String message = rejects(Reason.NUMBER_TOO_LONG, QUOTE_HEAD + "\"bid\":" + "9".repeat(10_000) + "}");
        assertTrue(message.contains("field=bid, length>=") && message.contains("max=64"), message);
    }

    @Test
    void hugeFractionOfTenThousandDigits() {
        String message = rejects(Reason.NUMBER_TOO_LONG, QUOTE_HEAD + "\"bid\":0." + "1".repeat(10_000) + "}");
        assertTrue(message.contains("field=bid"), message);
    }

    @Test
    void numberTooLargeForALongMantissa() {
        String message = rejects(Reason.PRICE_OUT_OF_RANGE, QUOTE_HEAD + "\"bid\":123456789012345678901234567890}");
        assertTrue(message.contains("field=bid, value=\"123456789012345678901234567890\", scale=8"), message);
    }

    @Test
    void moreDecimalsThanThePriceScale() {
        String message = rejects(Reason.PRICE_OUT_OF_RANGE, QUOTE_HEAD + "\"bid\":\"0.123456789\"}");
        assertTrue(message.contains("field=bid, value=\"0.123456789\", scale=8"), message);
    }

    @Test
    void duplicateKeys() {
        String message = rejects(Reason.DUPLICATE_KEY, QUOTE_HEAD + "\"bid\":\"1\",\"bid\":\"2\"}");
        assertTrue(message.contains("field=bid"), message);
    }

    @Test
    void duplicateKeysInsideAnIgnoredField() {
        String message = rejects(Reason.DUPLICATE_KEY, QUOTE_HEAD + "\"bid\":\"1\",\"extra\":{\"k\":1,\"k\":2}}");
        assertTrue(message.contains("field=k"), message);
    }

    @Test
    void priceAsObject() {
        String message = rejects(Reason.WRONG_TYPE, QUOTE_HEAD + "\"bid\":{\"value\":\"1\"}}");
        assertTrue(message.contains("field=bid, expected=decimal string or number, token=START_OBJECT"), message);
    }

    @Test
    void priceAsArray() {
        String message = rejects(Reason.WRONG_TYPE, QUOTE_HEAD + "\"bid\":[\"1\"]}");
        assertTrue(message.contains("token=START_ARRAY"), message);
    }

    @Test
    void priceAsBoolean() {
        String message = rejects(Reason.WRONG_TYPE, QUOTE_HEAD + "\"bid\":true}");
        assertTrue(message.contains("token=VALUE_TRUE"), message);
    }

    @Test
    void sequenceAsString() {
        String message = rejects(Reason.WRONG_TYPE, String.format(VALID_QUOTE, 1).replace("\"seq\":1", "\"seq\":\"1\""));
        assertTrue(message.contains("field=seq, expected=integer"), message);
    }

    @Test
    void payloadIsAnArray() {
        String message = rejects(Reason.WRONG_TYPE, "[" + String.format(VALID_QUOTE, 1) + "]");
        assertTrue(message.contains("expected=object, token=START_ARRAY"), message);
    }

    @Test
    void nanToken() {
        String message = rejects(Reason.NOT_A_NUMBER, QUOTE_HEAD + "\"bid\":NaN}");
        assertTrue(message.contains("field=bid, value=NaN"), message);
    }

    @Test
    void infinityToken() {
        String message = rejects(Reason.NOT_A_NUMBER, QUOTE_HEAD + "\"bid\":Infinity}");
        assertTrue(message.contains("value=Infinity"), message);
    }

    @Test
    void negativeInfinityToken() {
        String message = rejects(Reason.NOT_A_NUMBER, QUOTE_HEAD + "\"bid\":-Infinity}");
        assertTrue(message.contains("value=-Infinity"), message);
    }

    @Test
    void nanAsString() {
        String message = rejects(Reason.NOT_A_NUMBER, QUOTE_HEAD + "\"bid\":\"nan\"}");
        assertTrue(message.contains("field=bid, value=\"nan\""), message);
    }

    @Test
    void missingField() {
        String message = rejects(Reason.MISSING_FIELD, QUOTE_HEAD + "\"extra\":1}");
        assertEquals("missing field: field=bid, type=quote", message);
    }

    @Test
    void missingPriceInACryptofeedTrade() {
        String message = rejects(Reason.MISSING_FIELD, PayloadFormat.CRYPTOFEED_TRADE, "{\"exchange\":\"COINBASE\","
                + "\"symbol\":\"SKL-USD\",\"side\":\"buy\",\"amount\":450.0,\"id\":\"1\",\"type\":\"None\","
                + "\"timestamp\":1618677817.121358,\"receipt_timestamp\":1618677817.1299179}");
        assertEquals("missing field: field=price, shape=trade", message);
    }

    @Test
    void noneAsACryptofeedPrice() {
        String message = rejects(Reason.MISSING_FIELD, PayloadFormat.CRYPTOFEED_TRADE, "{\"exchange\":\"COINBASE\","
                + "\"symbol\":\"SKL-USD\",\"side\":\"buy\",\"amount\":450.0,\"price\":\"None\",\"id\":\"1\","
                + "\"type\":\"None\",\"timestamp\":1618677817.121358,\"receipt_timestamp\":1618677817.1299179}");
        assertTrue(message.contains("field=price, value=\"None\""), message);
    }

    @Test
    void unknownType() {
        String message = rejects(Reason.UNKNOWN_TYPE, String.format(VALID_QUOTE, 1).replace("\"quote\"", "\"book\""));
        assertTrue(message.contains("field=type, value=\"book\", expected=quote|trade"), message);
    }

    @Test
    void unsupportedVersion() {
        String message = rejects(Reason.UNSUPPORTED_VERSION, String.format(VALID_QUOTE, 1).replace("\"v\":1", "\"v\":2"));
        assertTrue(message.contains("field=v, value=2, supported=1"), message);
    }

    @Test
    void trailingGarbage() {
        String message = rejects(Reason.TRAILING_DATA, String.format(VALID_QUOTE, 1) + "x");
        assertTrue(message.contains("expected=end of input"), message);
    }

    @Test
    void secondObjectAfterThePayload() {
        String message = rejects(Reason.TRAILING_DATA, String.format(VALID_QUOTE, 1) + " {}");
        assertTrue(message.contains("token=START_OBJECT"), message);
    }

    @Test
    void emptyPayload() {
        assertEquals("empty payload: length=0", rejects(Reason.EMPTY, ""));
    }

    @Test
    void whitespaceOnlyPayload() {
        assertEquals("empty payload: length=3", rejects(Reason.EMPTY, " \n\t"));
    }

    @Test
    void invalidUtf8Byte() {
        byte[] payload = String.format(VALID_QUOTE, 1).getBytes(StandardCharsets.UTF_8);
        int symbolAt = String.format(VALID_QUOTE, 1).indexOf("BTC");
        payload[symbolAt] = (byte) 0xFF;
        String message = rejects(Reason.INVALID_ENCODING, PayloadFormat.TICKBUS, payload);
        assertEquals("not UTF-8: offset=" + symbolAt + ", byte=0xff", message);
    }

    @Test
    void invalidUtf8AfterAnInvalidFieldIsStillTheReason() {
        byte[] head = (QUOTE_HEAD.replace("\"v\":1", "\"v\":2") + "\"bid\":\"").getBytes(StandardCharsets.UTF_8);
        byte[] payload = concat(head, new byte[] {(byte) 0xFF}, "\"}".getBytes(StandardCharsets.UTF_8));
        String message = rejects(Reason.INVALID_ENCODING, PayloadFormat.TICKBUS, payload);
        assertTrue(message.contains("offset=" + head.length + ", byte=0xff"), message);
    }

    @Test
    void overlongUtf8InAnIgnoredField() {
        byte[] head = (QUOTE_HEAD + "\"bid\":\"1\",\"note\":\"").getBytes(StandardCharsets.UTF_8);
        byte[] payload = concat(head, new byte[] {(byte) 0xC0, (byte) 0xAF}, "\"}".getBytes(StandardCharsets.UTF_8));
        String message = rejects(Reason.INVALID_ENCODING, PayloadFormat.TICKBUS, payload);
        assertTrue(message.contains("offset=" + head.length + ", byte=0xc0"), message);
    }

    @Test
    void utf8EncodedSurrogate() {
        byte[] head = (QUOTE_HEAD + "\"bid\":\"1\",\"note\":\"").getBytes(StandardCharsets.UTF_8);
        byte[] payload = concat(head, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}".getBytes(StandardCharsets.UTF_8));
        rejects(Reason.INVALID_ENCODING, PayloadFormat.TICKBUS, payload);
    }

    @Test
    void utf16PayloadIsNotSniffed() {
        String message = rejects(Reason.SYNTAX, PayloadFormat.TICKBUS,
                String.format(VALID_QUOTE, 1).getBytes(StandardCharsets.UTF_16LE));
        assertTrue(message.contains("code 0"), message);
    }

    @Test
    void comment() {
        rejects(Reason.SYNTAX, "{/* hi */" + String.format(VALID_QUOTE, 1).substring(1));
    }

    @Test
    void singleQuotes() {
        rejects(Reason.SYNTAX, String.format(VALID_QUOTE, 1).replace("\"sym\"", "'sym'"));
    }

    @Test
    void trailingComma() {
        rejects(Reason.SYNTAX, QUOTE_HEAD + "\"bid\":\"1\",}");
    }

    @Test
    void leadingZeros() {
        rejects(Reason.SYNTAX, QUOTE_HEAD + "\"bid\":0061234}");
    }

    /** A decimal string follows the same grammar as a JSON number: "007.5" is no more a price than 007.5. */
    @Test
    void leadingZerosInADecimalString() {
        String message = rejects(Reason.BAD_DECIMAL, QUOTE_HEAD + "\"bid\":\"007.5\"}");
        assertTrue(message.contains("field=bid, value=\"007.5\""), message);
    }

    @Test
    void notADecimalString() {
        String message = rejects(Reason.BAD_DECIMAL, QUOTE_HEAD + "\"bid\":\"12.3.4\"}");
        assertTrue(message.contains("field=bid, value=\"12.3.4\""), message);
    }

    @Test
    void negativeSize() {
        String message = rejects(Reason.SIZE_OUT_OF_RANGE, String.format(VALID_QUOTE, 1).replace("\"0.25\"", "\"-0.25\""));
        assertTrue(message.contains("field=bidSize, value=\"-0.25\", min=0"), message);
    }

    @Test
    void negativeSequence() {
        String message = rejects(Reason.VALUE_OUT_OF_RANGE, String.format(VALID_QUOTE, -1));
        assertTrue(message.contains("field=seq, value=\"-1\", min=0"), message);
    }

    @Test
    void sequenceBeyondALong() {
        String message = rejects(Reason.VALUE_OUT_OF_RANGE, String.format(VALID_QUOTE, 1)
                .replace("\"seq\":1", "\"seq\":9223372036854775808"));
        assertTrue(message.contains("max=9223372036854775807"), message);
    }

    @Test
    void symbolWithASpace() {
        String message = rejects(Reason.INVALID_VALUE, String.format(VALID_QUOTE, 1).replace("BTC-USD", "BTC USD"));
        assertTrue(message.contains("field=sym, value=\"BTC USD\", index=3"), message);
    }

    @Test
    void unknownSide() {
        String message = rejects(Reason.INVALID_VALUE, "{\"v\":1,\"type\":\"trade\",\"sym\":\"BTC-USD\",\"seq\":1,"
                + "\"ts\":1,\"price\":\"1\",\"size\":\"1\",\"side\":\"long\",\"id\":\"7\"}");
        assertTrue(message.contains("field=side, value=\"long\", expected=buy|sell|unknown"), message);
    }

    @Test
    void tooManyTokens() {
        String message = rejects(Reason.DOCUMENT_TOO_LARGE, QUOTE_HEAD + "\"bid\":\"1\",\"x\":["
                + "1,".repeat(5000) + "1]}");
        assertEquals("document too large: tokens exceed max: tokens=4097, max=4096", message);
    }

    private String rejects(Reason reason, String payload) {
        return rejects(reason, PayloadFormat.TICKBUS, payload);
    }

    private String rejects(Reason reason, PayloadFormat format, String payload) {
        return rejects(reason, format, payload.getBytes(StandardCharsets.UTF_8));
    }

    private String rejects(Reason reason, PayloadFormat format, byte[] payload) {
        int delivered = sink.events.size();
        RedisJsonException error = assertThrows(RedisJsonException.class,
                () -> ingest.accept(CHANNEL, format, payload, 0, payload.length, RECEIVED_NANOS));
        assertEquals(reason, error.reason(), error.getMessage());
        assertEquals(reason.label(), error.kind());
        assertEquals(delivered, sink.events.size(), "a refused payload delivers nothing");
        assertEquals(1, deadLetters.rejected(reason));
        List<DeadLetterLog.Entry> entries = deadLetters.entries();
        DeadLetterLog.Entry entry = entries.get(entries.size() - 1);
        assertEquals(CHANNEL, entry.channel());
        assertEquals(reason, entry.reason());
        assertEquals(RECEIVED_NANOS, entry.timeNanos());
        assertEquals(payload.length, entry.payloadLength());
        assertArrayEquals(Arrays.copyOf(payload, Math.min(payload.length, 128)), entry.payloadPrefix());
        assertValidPayloadStillDecodes();
        return error.getMessage();
    }

    private void assertValidPayloadStillDecodes() {
        long sequence = nextValidSequence++;
        byte[] valid = String.format(VALID_QUOTE, sequence).getBytes(StandardCharsets.UTF_8);
        ingest.accept(CHANNEL, PayloadFormat.TICKBUS, valid, 0, valid.length, RECEIVED_NANOS);
        assertEquals(new Quote("COINBASE:BTC-USD", "COINBASE", "redis-test", sequence, 1_618_677_817_089_723_000L,
                RECEIVED_NANOS, 8, 8, 6_123_450_000_000L, 25_000_000L, 6_123_500_000_000L, 150_000_000L), sink.last());
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
