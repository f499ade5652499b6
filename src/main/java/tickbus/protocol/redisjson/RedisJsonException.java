package tickbus.protocol.redisjson;

import java.util.Locale;
import tickbus.protocol.ProtocolException;

/**
 * A JSON payload rejected by {@link RedisJsonDecoder}, with the {@link Reason} it was rejected for. The message
 * names the field, the (truncated) value and the limit in key=value form.
 */
public final class RedisJsonException extends ProtocolException {

    private static final int MAX_QUOTED_CHARS = 40;

    /** Why a payload was rejected; a bounded set, usable as a metric label. */
    public enum Reason {
        EMPTY("empty payload"),
        SYNTAX("malformed JSON"),
        TRUNCATED("truncated JSON"),
        TRAILING_DATA("data after the JSON object"),
        INVALID_ENCODING("not UTF-8"),
        DOCUMENT_TOO_LARGE("document too large"),
        TOO_DEEP("nesting too deep"),
        STRING_TOO_LONG("string too long"),
        NUMBER_TOO_LONG("number too long"),
        DUPLICATE_KEY("duplicate key"),
        WRONG_TYPE("wrong JSON type"),
        MISSING_FIELD("missing field"),
        NOT_A_NUMBER("NaN or Infinity"),
        BAD_DECIMAL("not a decimal number"),
        PRICE_OUT_OF_RANGE("price out of range"),
        SIZE_OUT_OF_RANGE("size out of range"),
        VALUE_OUT_OF_RANGE("value out of range"),
        INVALID_VALUE("invalid value"),
        UNKNOWN_TYPE("unknown message type"),
        UNSUPPORTED_VERSION("unsupported schema version");

        private final String description;
        private final String label;

        Reason(String description) {
            this.description = description;
            this.label = name().toLowerCase(Locale.ROOT);
        }

        /** A short phrase that starts the exception message. */
        public String description() {
            return description;
        }

        /** The lower-case name, e.g. {@code too_deep}. */
        public String label() {
            return label;
        }
    }

    private final Reason reason;

    public RedisJsonException(Reason reason, String details) {
        super(reason.description() + ": " + details);
        this.reason = reason;
    }

    public RedisJsonException(Reason reason, String details, Throwable cause) {
        super(reason.description() + ": " + details, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String kind() {
        return reason.label();
    }

    /** No stack trace: a rejected payload is data, not a bug, and hostile floods must stay cheap. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    /**
     * A value for a message: quoted, at most 40 characters, control and non-ASCII characters shown as {@code ?},
     * with the full length when truncated.
     */
    public static String quote(CharSequence value) {
        if (value == null) {
            return "null";
        }
        int shown = Math.min(value.length(), MAX_QUOTED_CHARS);
        StringBuilder text = new StringBuilder(shown + 24).append('"');
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            text.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? c : '?');
        }
        text.append('"');
        if (shown < value.length()) {
            text.append("...(length=").append(value.length()).append(')');
        }
        return text.toString();
    }
}
