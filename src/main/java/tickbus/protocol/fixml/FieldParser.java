package tickbus.protocol.fixml;

import tickbus.event.Prices;
import tickbus.protocol.fixml.FixmlException.Reason;

/** Exact, allocation-free parsing of FIXML attribute values; every failure names the field, value and rule. */
final class FieldParser {

    static final int MAX_SYMBOL_CHARS = 64;
    private static final int MAX_LONG_DIGITS = 18;
    private static final int MAX_SHOWN_CHARS = 64;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private FieldParser() {
    }

    /** A decimal price as a mantissa at {@code scale}; more significant decimals than the scale is an error. */
    static long price(AttributeValue value, String field, int scale) {
        int decimals = significantDecimals(value);
        if (decimals > scale) {
            throw new FixmlException(Reason.PRICE_PRECISION, "price has more decimals than the scale: field="
                    + field + ", value=" + shown(value) + ", decimals=" + decimals + ", scale=" + scale);
        }
        try {
            return Prices.parse(value, scale);
        } catch (NumberFormatException e) {
            throw badField(field, value, "not a plain decimal (" + e.getMessage() + ")");
        }
    }

    /** A non-negative integer of at most 18 digits. */
    static long unsignedLong(AttributeValue value, String field) {
        int length = value.length();
        if (length == 0 || length > MAX_LONG_DIGITS) {
            throw badField(field, value, "not an integer of 1 to " + MAX_LONG_DIGITS + " digits");
        }
        long result = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw badField(field, value, "not a non-negative integer");
            }
            result = result * 10 + (c - '0');
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

    /** A symbol-like identifier: 1 to 64 printable ASCII characters, no spaces. */
    static void checkIdentifier(AttributeValue value, String field) {
        int length = value.length();
        if (length == 0 || length > MAX_SYMBOL_CHARS) {
            throw badField(field, value, "length must be 1 to " + MAX_SYMBOL_CHARS);
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c > '~') {
                throw badField(field, value, "only printable ASCII without spaces is allowed");
            }
        }
    }

    /** A UTC timestamp {@code YYYY-MM-DDThh:mm:ss[.f{1,9}][Z]} as nanoseconds since the epoch. */
    static long utcTimestampNanos(AttributeValue value, String field) {
        int length = value.length();
        if (length > 0 && value.charAt(length - 1) == 'Z') {
            length--;
        }
        if (length < 19 || length == 20 || length > 29 || value.charAt(4) != '-' || value.charAt(7) != '-'
                || value.charAt(10) != 'T' || value.charAt(13) != ':' || value.charAt(16) != ':'
                || (length > 19 && value.charAt(19) != '.')) {
            throw badField(field, value, "not a UTC timestamp YYYY-MM-DDThh:mm:ss[.fffffffff][Z]");
        }
        int year = digits(value, 0, 4, field);
        int month = digits(value, 5, 2, field);
        int day = digits(value, 8, 2, field);
        int hour = digits(value, 11, 2, field);
        int minute = digits(value, 14, 2, field);
        int second = digits(value, 17, 2, field);
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59
                || second > 59) {
            throw badField(field, value, "date or time out of range");
        }
        long nanos = 0;
        if (length > 19) {
            int fractionDigits = length - 20;
            nanos = digits(value, 20, fractionDigits, field);
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        long seconds = daysFromCivil(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second;
        return seconds * NANOS_PER_SECOND + nanos;
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

    private static int significantDecimals(AttributeValue value) {
        int length = value.length();
        int point = -1;
        for (int i = 0; i < length; i++) {
            if (value.charAt(i) == '.') {
                point = i;
                break;
            }
        }
        if (point < 0) {
            return 0;
        }
        int last = length - 1;
        while (last > point && value.charAt(last) == '0') {
            last--;
        }
        return last - point;
    }

    private static int digits(AttributeValue value, int from, int count, String field) {
        int result = 0;
        for (int i = from; i < from + count; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw badField(field, value, "not a UTC timestamp YYYY-MM-DDThh:mm:ss[.fffffffff][Z]");
            }
            result = result * 10 + (c - '0');
        }
        return result;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    private static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }
}
