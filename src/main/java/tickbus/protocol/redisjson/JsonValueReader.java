package tickbus.protocol.redisjson;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import tickbus.event.Side;
import tickbus.protocol.redisjson.RedisJsonException.Reason;

/**
 * Reads typed field values of the payload object from its {@link JsonTokens}, exactly and within the limits;
 * every refusal names the field. Token text is read in place, without a String per value.
 */
final class JsonValueReader {

    private static final int NANOS_SCALE = 9;
    private static final boolean[] SYMBOL_CHARS = symbolChars();

    private final RedisJsonLimits limits;
    private final int priceScale;
    private final int sizeScale;
    private final ExactDecimal decimals = new ExactDecimal();
    private final StringCache names = new StringCache(8192);
    private final CharView text = new CharView();
    private JsonTokens tokens;
    private String field;

    JsonValueReader(RedisJsonLimits limits, int priceScale, int sizeScale) {
        this.limits = limits;
        this.priceScale = priceScale;
        this.sizeScale = sizeScale;
    }

    void attach(JsonTokens tokens) {
        this.tokens = tokens;
        this.field = null;
    }

    /** The field being read, for messages: {@code (payload)} before the first. */
    String fieldForMessage() {
        return field == null ? "(payload)" : field;
    }

    /** Advance to the next field's value and return the field's name, or null at the end of the object. */
    String nextField() throws IOException {
        if (tokens.nextToken() == JsonToken.END_OBJECT) {
            return null;
        }
        field = tokens.currentName();
        tokens.nextToken();
        return field;
    }

    void skipValue() throws IOException {
        tokens.skipChildren();
    }

    /** Whether the value is {@code null} or cryptofeed's {@code "None"}. */
    boolean isNone() throws IOException {
        JsonToken token = tokens.currentToken();
        return token == JsonToken.VALUE_NULL
                || token == JsonToken.VALUE_STRING && string().contentEquals(RedisJson.NONE);
    }

    /** Whether the value is the string {@code literal}. */
    boolean isText(String literal) throws IOException {
        return tokens.currentToken() == JsonToken.VALUE_STRING && string().contentEquals(literal);
    }

    /** A symbol or exchange name: 1 to maxSymbolLength of {@code [A-Za-z0-9._/+^=_-]}. */
    String symbol() throws IOException {
        CharView value = string();
        if (value.length() > limits.maxSymbolLength()) {
            throw error(Reason.STRING_TOO_LONG, "value=" + RedisJsonException.quote(value) + ", length="
                    + value.length() + ", max=" + limits.maxSymbolLength());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= SYMBOL_CHARS.length || !SYMBOL_CHARS[c]) {
                throw error(Reason.INVALID_VALUE, "value=" + RedisJsonException.quote(value) + ", index=" + i
                        + ", allowed=[A-Za-z0-9._/+^=_-]");
            }
        }
        if (value.length() == 0) {
            throw error(Reason.INVALID_VALUE, "value=\"\", min length=1");
        }
        return names.get(tokens.textCharacters(), tokens.textOffset(), tokens.textLength());
    }

    /** A free-form identifier of at most maxTradeIdLength chars. */
    String tradeId() throws IOException {
        CharView value = string();
        if (value.length() > limits.maxTradeIdLength()) {
            throw error(Reason.STRING_TOO_LONG, "value=" + RedisJsonException.quote(value) + ", length="
                    + value.length() + ", max=" + limits.maxTradeIdLength());
        }
        return value.toString();
    }

    /** {@code buy}, {@code sell}, or {@code unknownLiteral} (then {@link Side#UNKNOWN}). */
    Side side(String unknownLiteral) throws IOException {
        CharView value = string();
        if (value.contentEquals(RedisJson.SIDE_BUY)) {
            return Side.BUY;
        }
        if (value.contentEquals(RedisJson.SIDE_SELL)) {
            return Side.SELL;
        }
        if (value.contentEquals(unknownLiteral)) {
            return Side.UNKNOWN;
        }
        throw error(Reason.INVALID_VALUE, "value=" + RedisJsonException.quote(value) + ", expected=buy|sell|"
                + unknownLiteral);
    }

    /** A price, exact at the price scale; may be negative. */
    long price() throws IOException {
        return decimal(priceScale, Reason.PRICE_OUT_OF_RANGE, false);
    }

    /** A size, exact at the size scale; never negative. */
    long size() throws IOException {
        long size = decimal(sizeScale, Reason.SIZE_OUT_OF_RANGE, false);
        if (size < 0) {
            throw error(Reason.SIZE_OUT_OF_RANGE, "value=" + RedisJsonException.quote(text) + ", min=0");
        }
        return size;
    }

    /** Epoch seconds with a fraction (cryptofeed's float timestamps) as nanoseconds; finer digits dropped. */
    long epochSecondsAsNanos() throws IOException {
        long nanos = decimal(NANOS_SCALE, Reason.VALUE_OUT_OF_RANGE, true);
        if (nanos < 0) {
            throw error(Reason.VALUE_OUT_OF_RANGE, "value=" + RedisJsonException.quote(text) + ", min=0");
        }
        return nanos;
    }

    /** A JSON integer in {@code [0, Long.MAX_VALUE]}. */
    long nonNegativeLong() throws IOException {
        if (tokens.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw wrongType("integer");
        }
        if (tokens.isBigInteger() || tokens.longValue() < 0) {
            throw error(Reason.VALUE_OUT_OF_RANGE, "value=" + RedisJsonException.quote(tokens.text())
                    + ", min=0, max=" + Long.MAX_VALUE);
        }
        return tokens.longValue();
    }

    /** The current value for a message: the quoted string, or the token kind. */
    String describeValue() throws IOException {
        JsonToken token = tokens.currentToken();
        return token == JsonToken.VALUE_STRING ? RedisJsonException.quote(string()) : String.valueOf(token);
    }

    RedisJsonException wrongType(String expected) {
        JsonToken token = tokens.currentToken();
        return error(Reason.WRONG_TYPE, "expected=" + expected + ", token=" + token + scalarText(token));
    }

    /** {@code , value="..."} for a string or number, whose token kind alone does not say what was sent. */
    private String scalarText(JsonToken token) {
        if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NUMBER_INT
                && token != JsonToken.VALUE_NUMBER_FLOAT) {
            return "";
        }
        try {
            return ", value=" + RedisJsonException.quote(text.set(tokens.textCharacters(), tokens.textOffset(),
                    tokens.textLength()));
        } catch (IOException e) {
            // A string past Jackson's length limit: its refusal is for the wrong type, not for the length.
            return "";
        }
    }

    RedisJsonException error(Reason reason, String details) {
        return new RedisJsonException(reason, "field=" + fieldForMessage() + ", " + details);
    }

    private long decimal(int scale, Reason outOfRange, boolean truncate) throws IOException {
        JsonToken token = tokens.currentToken();
        CharView value;
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            value = text.set(tokens.textCharacters(), tokens.textOffset(), tokens.textLength());
        } else if (token == JsonToken.VALUE_STRING) {
            value = string();
        } else {
            throw wrongType("decimal string or number");
        }
        try {
            return decimals.parse(tokens.textCharacters(), tokens.textOffset(), tokens.textLength(), scale,
                    truncate);
        } catch (ArithmeticException e) {
            throw error(outOfRange, "value=" + RedisJsonException.quote(value) + ", scale=" + scale + " ("
                    + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            Reason reason = isNonFinite(value) ? Reason.NOT_A_NUMBER : Reason.BAD_DECIMAL;
            throw error(reason, "value=" + RedisJsonException.quote(value)
                    + ", expected=-?(0|[1-9]digits)[.digits][e[+-]digits]");
        }
    }

    private CharView string() throws IOException {
        if (tokens.currentToken() != JsonToken.VALUE_STRING) {
            throw wrongType("string");
        }
        try {
            return text.set(tokens.textCharacters(), tokens.textOffset(), tokens.textLength());
        } catch (StreamConstraintsException e) {
            throw new RedisJsonException(Reason.STRING_TOO_LONG, "field=" + fieldForMessage() + ", length>="
                    + JacksonErrors.firstParenthesised(String.valueOf(e.getOriginalMessage())) + ", max="
                    + limits.maxStringLength(), e);
        }
    }

    /** NaN and infinities as strings ({@code "nan"}, {@code "-Infinity"}, {@code "inf"}), any case. */
    private static boolean isNonFinite(CharView value) {
        int start = value.length() > 0 && (value.charAt(0) == '-' || value.charAt(0) == '+') ? 1 : 0;
        String rest = value.subSequence(start, value.length()).toString().toLowerCase(java.util.Locale.ROOT);
        return rest.equals("nan") || rest.equals("inf") || rest.equals("infinity");
    }

    private static boolean[] symbolChars() {
        boolean[] allowed = new boolean[128];
        for (char c = '0'; c <= '9'; c++) {
            allowed[c] = true;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            allowed[c] = true;
            allowed[Character.toLowerCase(c)] = true;
        }
        for (char c : "._/+^=_-".toCharArray()) {
            allowed[c] = true;
        }
        return allowed;
    }
}
