package tickbus.protocol.redisjson;

import com.fasterxml.jackson.core.JsonToken;

/**
 * Tokens of the common payload without Jackson: one flat object of known field names (each once) whose values are
 * ASCII strings without escapes, numbers, {@code true}, {@code false} or {@code null}, well within the limits.
 * Anything else (an escape, a nested value, an unknown or repeated name, a limit approached, any syntax error)
 * throws {@link Declined} at the first token that is not plainly valid, and the decoder reads the payload again
 * with Jackson's hardened parser, which gives every refusal its reason. So on the tokens it hands out this scanner
 * agrees with Jackson token for token; it never refuses a payload itself. Not thread-safe.
 */
final class FlatJsonTokens implements JsonTokens {

    /** Not for this scanner: read the payload with Jackson. Thrown without a stack trace. */
    static final class Declined extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private Declined() {
            super("declined", null, false, false);
        }
    }

    static final Declined DECLINED = new Declined();

    /** Longest integer read here: 19 digits, as long as it fits a long. */
    private static final int MAX_INTEGER_DIGITS = 19;
    /** Tokens of a payload this scanner takes, at most: far below any sensible maxTokens. */
    private static final int MAX_TOKENS = 64;

    private enum State { START, FIRST_NAME, VALUE, AFTER_VALUE, DONE }

    private final int maxStringLength;
    private final int maxNumberLength;
    private final int maxTokens;
    private char[] text = new char[64];
    private byte[] input;
    private int position;
    private int end;
    private State state;
    private JsonToken current;
    private JsonToken pendingValue;
    private String name;
    private int textLength;
    private long longValue;
    private long namesSeen;
    private int tokens;
    private final KnownFieldNames knownNames = new KnownFieldNames();

    FlatJsonTokens(RedisJsonLimits limits) {
        // Strictly inside Jackson's limits, so what Jackson might refuse at the edge is always left to it.
        this.maxStringLength = limits.maxStringLength() - 1;
        this.maxNumberLength = Math.min(limits.maxNumberLength(), limits.maxStringLength()) - 1;
        this.maxTokens = Math.min(MAX_TOKENS, limits.maxTokens() - 2);
    }

    /** Start on {@code input[offset, offset + length)}. */
    FlatJsonTokens reset(byte[] input, int offset, int length) {
        this.input = input;
        this.position = offset;
        this.end = offset + length;
        this.state = State.START;
        this.current = null;
        this.name = null;
        this.namesSeen = 0;
        this.tokens = 0;
        knownNames.startDocument();
        return this;
    }

    @Override
    public JsonToken nextToken() {
        if (++tokens > maxTokens) {
            throw DECLINED;
        }
        skipWhitespace();
        switch (state) {
            case START -> {
                expect('{');
                state = State.FIRST_NAME;
                return current = JsonToken.START_OBJECT;
            }
            case FIRST_NAME -> {
                if (peek() == '}') {
                    return endObject();
                }
                return fieldName();
            }
            case VALUE -> {
                state = State.AFTER_VALUE;
                return current = pendingValue;
            }
            case AFTER_VALUE -> {
                if (peek() == '}') {
                    return endObject();
                }
                expect(',');
                skipWhitespace();
                return fieldName();
            }
            default -> {
                if (position != end) {
                    throw DECLINED;
                }
                return current = null;
            }
        }
    }

    @Override
    public JsonToken currentToken() {
        return current;
    }

    @Override
    public String currentName() {
        return name;
    }

    @Override
    public void skipChildren() {
        // Values here are scalars: nothing to skip.
    }

    @Override
    public char[] textCharacters() {
        return text;
    }

    @Override
    public int textOffset() {
        return 0;
    }

    @Override
    public int textLength() {
        return textLength;
    }

    @Override
    public boolean isBigInteger() {
        return false;
    }

    @Override
    public long longValue() {
        return longValue;
    }

    @Override
    public String text() {
        return switch (current) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new String(text, 0, textLength);
            case FIELD_NAME -> name;
            default -> current.asString();
        };
    }

    private JsonToken endObject() {
        position++;
        state = State.DONE;
        return current = JsonToken.END_OBJECT;
    }

    private JsonToken fieldName() {
        expect('"');
        int start = position;
        int quote = indexOfQuote(start);
        int index = knownNames.indexOf(input, start, quote - start);
        if (index < 0 || (namesSeen & (1L << index)) != 0) {
            throw DECLINED;
        }
        namesSeen |= 1L << index;
        name = KnownFieldNames.NAMES[index];
        position = quote + 1;
        skipWhitespace();
        expect(':');
        skipWhitespace();
        // Like Jackson, read the value with its name: a bad value fails the name's token.
        pendingValue = value();
        state = State.VALUE;
        return current = JsonToken.FIELD_NAME;
    }

    private JsonToken value() {
        int b = peek();
        if (b == '"') {
            position++;
            int start = position;
            int quote = indexOfQuote(start);
            copyText(start, quote - start, maxStringLength);
            position = quote + 1;
            return afterValue(JsonToken.VALUE_STRING);
        }
        if (b == '-' || b >= '0' && b <= '9') {
            return number();
        }
        if (literal("true")) {
            return afterValue(JsonToken.VALUE_TRUE);
        }
        if (literal("false")) {
            return afterValue(JsonToken.VALUE_FALSE);
        }
        if (literal("null")) {
            return afterValue(JsonToken.VALUE_NULL);
        }
        throw DECLINED;
    }

    /** {@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?}, as Jackson reads it. */
    private JsonToken number() {
        int start = position;
        int i = position;
        if (input[i] == '-') {
            i++;
        }
        int integerStart = i;
        i = digits(i);
        int integerDigits = i - integerStart;
        if (integerDigits == 0 || integerDigits > 1 && input[integerStart] == '0') {
            throw DECLINED;
        }
        boolean isInteger = true;
        if (i < end && input[i] == '.') {
            int fraction = ++i;
            i = digits(i);
            if (i == fraction) {
                throw DECLINED;
            }
            isInteger = false;
        }
        if (i < end && (input[i] == 'e' || input[i] == 'E')) {
            i++;
            if (i < end && (input[i] == '+' || input[i] == '-')) {
                i++;
            }
            int exponent = i;
            i = digits(i);
            if (i == exponent) {
                throw DECLINED;
            }
            isInteger = false;
        }
        copyText(start, i - start, maxNumberLength);
        position = i;
        if (!isInteger) {
            return afterValue(JsonToken.VALUE_NUMBER_FLOAT);
        }
        if (integerDigits > MAX_INTEGER_DIGITS) {
            throw DECLINED;
        }
        long value = 0;
        for (int d = integerStart; d < integerStart + integerDigits; d++) {
            value = value * 10 + (input[d] - '0');
        }
        if (value < 0) {
            // Past Long.MAX_VALUE (19 digits wrap at most once): Jackson's BIG_INTEGER.
            throw DECLINED;
        }
        longValue = input[start] == '-' ? -value : value;
        return afterValue(JsonToken.VALUE_NUMBER_INT);
    }

    /** A value must be followed by whitespace, a comma or the closing brace, else Jackson has something to say. */
    private JsonToken afterValue(JsonToken token) {
        if (position >= end) {
            throw DECLINED;
        }
        byte b = input[position];
        if (b != ',' && b != '}' && !isWhitespace(b)) {
            throw DECLINED;
        }
        return token;
    }

    private boolean literal(String literal) {
        int length = literal.length();
        if (end - position < length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (input[position + i] != literal.charAt(i)) {
                return false;
            }
        }
        position += length;
        return true;
    }

    private int digits(int from) {
        int i = from;
        while (i < end && input[i] >= '0' && input[i] <= '9') {
            i++;
        }
        return i;
    }

    /** The closing quote of a string from {@code start}: plain printable ASCII only, no escapes. */
    private int indexOfQuote(int start) {
        for (int i = start; i < end; i++) {
            byte b = input[i];
            if (b == '"') {
                return i;
            }
            if (b == '\\' || b < 0x20) {
                // Also every byte >= 0x80 (negative): non-ASCII text is decoded by Jackson.
                throw DECLINED;
            }
        }
        throw DECLINED;
    }

    private void copyText(int start, int length, int max) {
        if (length > max) {
            throw DECLINED;
        }
        if (text.length < length) {
            text = new char[Math.max(length, text.length * 2)];
        }
        for (int i = 0; i < length; i++) {
            text[i] = (char) input[start + i];
        }
        textLength = length;
    }

    private int peek() {
        if (position >= end) {
            throw DECLINED;
        }
        return input[position];
    }

    private void expect(char c) {
        if (peek() != c) {
            throw DECLINED;
        }
        position++;
    }

    private void skipWhitespace() {
        while (position < end && isWhitespace(input[position])) {
            position++;
        }
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
