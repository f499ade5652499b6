package tickbus.protocol.fixml;

import tickbus.event.Prices;
import tickbus.protocol.fixml.FixmlException.Reason;

/** Exact, allocation-free parsing of FIXML attribute values; every failure names the field, value and rule. */
final class FieldParser {

    static final int MAX_SYMBOL_CHARS = 64;
    private static final int MAX_LONG_DIGITS = 18;
    private static final int MAX_SHOWN_CHARS = 64;

    private FieldParser() {
    }

    /**
     * A decimal price as a mantissa at {@code scale}; more significant decimals than the scale is an error.
     * Plain unsigned prices of at most 18 digits are read directly; everything else goes through
     * {@link Prices#parse}, which defines the result (the two agree exactly, see the round-trip properties).
     */
    static long price(AttributeValue value, String field, int scale) {
        long fast = unsignedPrice(value.buffer(), value.start(), value.length(), scale);
        if (fast >= 0) {
            return fast;
        }
        try {
            return Prices.parse(value, scale);
        } catch (NumberFormatException e) {
            int decimals = significantDecimals(value);
            if (decimals > scale) {
                throw new FixmlException(Reason.PRICE_PRECISION, "price has more decimals than the scale: field="
                        + field + ", value=" + shown(value) + ", decimals=" + decimals + ", scale=" + scale);
            }
            throw badField(field, value, "not a plain decimal (" + e.getMessage() + ")");
        }
    }

    /** The mantissa of {@code d+[.d+]} with at most 18 digits and {@code scale} decimals, else -1. */
    static long unsignedPrice(char[] buffer, int start, int length, int scale) {
        long mantissa = 0;
        int digits = 0;
        int decimals = -1;
        for (int i = start; i < start + length; i++) {
            char c = buffer[i];
            if (c == '.' && decimals < 0 && digits > 0) {
                decimals = 0;
                continue;
            }
            int digit = c - '0';
            if (digit < 0 || digit > 9 || ++digits > MAX_LONG_DIGITS) {
                return -1;
            }
            mantissa = mantissa * 10 + digit;
            if (decimals >= 0 && ++decimals > scale) {
                return -1;
            }
        }
        if (digits == 0 || decimals == 0) {
            return -1;
        }
        int missing = scale - Math.max(decimals, 0);
        if (digits + missing > MAX_LONG_DIGITS) {
            return -1;
        }
        return mantissa * Prices.powerOfTen(missing);
    }

    /** A non-negative integer of at most 18 digits. */
    static long unsignedLong(AttributeValue value, String field) {
        char[] buffer = value.buffer();
        int start = value.start();
        int length = value.length();
        if (length == 0 || length > MAX_LONG_DIGITS) {
            throw badField(field, value, "not an integer of 1 to " + MAX_LONG_DIGITS + " digits");
        }
        long result = 0;
        for (int i = start; i < start + length; i++) {
            int digit = buffer[i] - '0';
            if (digit < 0 || digit > 9) {
                throw badField(field, value, "not a non-negative integer");
            }
            result = result * 10 + digit;
        }
        return result;
    }

    /** A one-character code (FIX type char). */
    static char code(AttributeValue value, String field) {
        if (value.length() != 1) {
            throw badField(field, value, "not a one-character code");
        }
        return value.charAt(0);
    }

    /** Checks a symbol-like identifier: 1 to 64 printable ASCII characters, no spaces. */
    static void checkIdentifier(AttributeValue value, String field) {
        checkIdentifierLength(value, field);
        char[] buffer = value.buffer();
        for (int i = value.start(); i < value.start() + value.length(); i++) {
            checkIdentifierChar(buffer[i], value, field);
        }
    }

    static void checkIdentifierLength(AttributeValue value, String field) {
        if (value.length() == 0 || value.length() > MAX_SYMBOL_CHARS) {
            throw badField(field, value, "length must be 1 to " + MAX_SYMBOL_CHARS);
        }
    }

    static void checkIdentifierChar(char c, AttributeValue value, String field) {
        if (c <= ' ' || c > '~') {
            throw badField(field, value, "only printable ASCII without spaces is allowed");
        }
    }

    static FixmlException badField(String field, CharSequence value, String problem) {
        return new FixmlException(Reason.BAD_FIELD, "bad field: field=" + field + ", value=" + shown(value)
                + ", problem=" + problem);
    }

    static String shown(CharSequence value) {
        if (value.length() <= MAX_SHOWN_CHARS) {
            return value.toString();
        }
        return value.subSequence(0, MAX_SHOWN_CHARS) + "...(length=" + value.length() + ")";
    }

    /** Decimals after the point, trailing zeros excluded; -1 when the text is not a plain decimal. */
    private static int significantDecimals(AttributeValue value) {
        int point = -1;
        int last = -1;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '.' && point < 0) {
                point = i;
            } else if (c >= '1' && c <= '9') {
                last = i;
            } else if (c != '0' && !(i == 0 && (c == '-' || c == '+'))) {
                return -1;
            }
        }
        return point < 0 ? 0 : Math.max(0, last - point);
    }
}
