package tickbus.protocol.redisjson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.Objects;
import tickbus.event.Prices;
import tickbus.protocol.redisjson.RedisJsonException.Reason;

/**
 * Decodes one JSON payload per call, of the {@link PayloadFormat} the caller names, and hands it to a
 * {@link RedisJsonListener} only when all of it is valid. Hostile input is refused with a
 * {@link RedisJsonException}; the decoder stays usable for the next payload. Not thread-safe: one per worker.
 */
public final class RedisJsonDecoder {

    /** Longest field name Jackson accepts, in chars; the schemas' names are short. */
    public static final int MAX_FIELD_NAME_LENGTH = 256;

    private final RedisJsonLimits limits;
    private final JsonFactory factory;
    private final RedisJsonListener listener;
    private final JsonValueReader values;
    private final FlatJsonTokens flatTokens;
    private final JsonTokens.Jackson jacksonTokens = new JsonTokens.Jackson();
    private final TickbusPayloadReader tickbus;
    private final CryptofeedPayloadReader cryptofeed;
    private byte[] copyBuffer = new byte[0];

    /** Prices become mantissas at {@code priceScale}, sizes at {@code sizeScale} (both 0 to 18). */
    public RedisJsonDecoder(RedisJsonLimits limits, int priceScale, int sizeScale, RedisJsonListener listener) {
        Prices.powerOfTen(priceScale);
        Prices.powerOfTen(sizeScale);
        this.limits = Objects.requireNonNull(limits, "limits");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.factory = hardenedFactory(limits);
        this.values = new JsonValueReader(limits, priceScale, sizeScale);
        this.flatTokens = new FlatJsonTokens(limits);
        this.tickbus = new TickbusPayloadReader(priceScale, sizeScale);
        this.cryptofeed = new CryptofeedPayloadReader(priceScale, sizeScale);
    }

    /** Decode {@code payload[offset, offset + length)}, received on {@code channel} at {@code receiveTimeNanos}. */
    public void decode(PayloadFormat format, String channel, byte[] payload, int offset, int length,
            long receiveTimeNanos) {
        Objects.checkFromIndexSize(offset, length, payload.length);
        checkLength(length);
        boolean flat;
        try {
            flat = parseFlat(format, payload, offset, length);
        } catch (RedisJsonException refused) {
            checkEncoding(payload, offset, length);
            throw refused;
        }
        if (!flat) {
            checkEncoding(payload, offset, length);
            parse(format, payload, offset, length);
        }
        switch (format) {
            case TICKBUS -> tickbus.deliver(listener, channel, receiveTimeNanos);
            case CRYPTOFEED_TRADE -> cryptofeed.deliverTrade(listener, channel, receiveTimeNanos);
            case CRYPTOFEED_TICKER -> cryptofeed.deliverTicker(listener, channel, receiveTimeNanos);
        }
    }

    /** Decode {@code payload[offset, offset + length)}; the bytes are copied once into a reused array. */
    public void decode(PayloadFormat format, String channel, Buffer payload, int offset, int length,
            long receiveTimeNanos) {
        Objects.checkFromIndexSize(offset, length, payload.length());
        checkLength(length);
        if (copyBuffer.length < length) {
            copyBuffer = new byte[Math.max(length, 512)];
        }
        payload.getBytes(offset, offset + length, copyBuffer, 0);
        decode(format, channel, copyBuffer, 0, length, receiveTimeNanos);
    }

    public RedisJsonLimits limits() {
        return limits;
    }

    /**
     * Invalid UTF-8 is the first reason to refuse a payload. A payload the flat scanner read to the end is plain
     * ASCII (it declines any other byte), so only a payload it declined or refused is checked.
     */
    private static void checkEncoding(byte[] payload, int offset, int length) {
        int invalid = Utf8.firstInvalid(payload, offset, length);
        if (invalid >= 0) {
            throw new RedisJsonException(Reason.INVALID_ENCODING, "offset=" + (invalid - offset) + ", byte=0x"
                    + Integer.toHexString(payload[invalid] & 0xFF));
        }
    }

    private void checkLength(int length) {
        if (length > limits.maxDocumentBytes()) {
            throw new RedisJsonException(Reason.DOCUMENT_TOO_LARGE, "length=" + length + ", max="
                    + limits.maxDocumentBytes());
        }
    }

    /**
     * Read the common flat payload without Jackson; false if {@link FlatJsonTokens} declined it (it agrees with
     * Jackson on every token it hands out, so a refusal by the payload readers up to there is the same either way).
     */
    private boolean parseFlat(PayloadFormat format, byte[] payload, int offset, int length) {
        values.attach(flatTokens.reset(payload, offset, length));
        try {
            flatTokens.nextToken();
            read(format);
            flatTokens.nextToken();
            return true;
        } catch (FlatJsonTokens.Declined declined) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException("the flat scanner reads a byte array and declines what it cannot read", e);
        }
    }

    private void read(PayloadFormat format) throws IOException {
        switch (format) {
            case TICKBUS -> tickbus.read(values);
            case CRYPTOFEED_TRADE -> cryptofeed.read(values, false);
            case CRYPTOFEED_TICKER -> cryptofeed.read(values, true);
        }
    }

    private void parse(PayloadFormat format, byte[] payload, int offset, int length) {
        checkNoByteOrderMark(payload, offset, length);
        JsonParser parser = null;
        boolean objectRead = false;
        try {
            parser = factory.createParser(payload, offset, length);
            jacksonTokens.attach(parser);
            values.attach(jacksonTokens);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new RedisJsonException(Reason.EMPTY, "length=" + length);
            }
            if (first != JsonToken.START_OBJECT) {
                throw new RedisJsonException(Reason.WRONG_TYPE, "field=(payload), expected=object, token=" + first);
            }
            read(format);
            objectRead = true;
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                throw new RedisJsonException(Reason.TRAILING_DATA, "expected=end of input, token=" + extra);
            }
        } catch (JsonProcessingException e) {
            throw objectRead ? JacksonErrors.trailing(e) : JacksonErrors.translate(e, fieldOf(parser), limits);
        } catch (IOException e) {
            throw new RedisJsonException(Reason.SYNTAX, "field=" + values.fieldForMessage() + " (" + e + ")", e);
        } finally {
            close(parser);
        }
    }

    /**
     * A leading U+FEFF is valid UTF-8 that JSON texts must not carry (RFC 8259, 8.1); Jackson, not sniffing
     * encodings, called it invalid UTF-8 and sent the publisher looking for an encoding problem it does not have.
     */
    private static void checkNoByteOrderMark(byte[] payload, int offset, int length) {
        if (length >= 3 && payload[offset] == (byte) 0xEF && payload[offset + 1] == (byte) 0xBB
                && payload[offset + 2] == (byte) 0xBF) {
            throw new RedisJsonException(Reason.SYNTAX, "field=(payload), offset=0, value=\"\\uFEFF\", expected=a "
                    + "JSON object without a byte order mark");
        }
    }

    /** The field Jackson was at when it failed: it names a field before parsing its value. */
    private String fieldOf(JsonParser parser) {
        String name = parser == null ? null : parser.getParsingContext().getCurrentName();
        return name != null ? name : values.fieldForMessage();
    }

    private static void close(JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException e) {
                throw new IllegalStateException("closing a parser over a byte array cannot fail", e);
            }
        }
    }

    static JsonFactory hardenedFactory(RedisJsonLimits limits) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxDocumentLength(limits.maxDocumentBytes())
                .maxNestingDepth(limits.maxDepth())
                .maxStringLength(limits.maxStringLength())
                .maxNumberLength(limits.maxNumberLength())
                .maxNameLength(MAX_FIELD_NAME_LENGTH)
                .maxTokenCount(limits.maxTokens())
                .build();
        JsonFactoryBuilder builder = new JsonFactoryBuilder()
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(JsonFactory.Feature.CHARSET_DETECTION)
                .enable(JsonFactory.Feature.FAIL_ON_SYMBOL_HASH_OVERFLOW);
        // One at a time: jackson-core 2.18's disable(first, others...) enables the others.
        for (JsonReadFeature lenient : JsonReadFeature.values()) {
            builder.disable(lenient);
        }
        return builder.build();
    }
}
