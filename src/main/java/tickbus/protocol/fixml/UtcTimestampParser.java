package tickbus.protocol.fixml;

import java.util.Arrays;

/**
 * Parses FIXML UTC timestamps {@code YYYY-MM-DDThh:mm:ss[.f{1,9}][Z]} to nanoseconds since the epoch, exactly.
 * Remembers the last date, since a feed's timestamps share it for a whole day.
 */
final class UtcTimestampParser {

    private static final String FORMAT = "not a UTC timestamp YYYY-MM-DDThh:mm:ss[.fffffffff][Z]";
    private static final int DATE_CHARS = 10;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long SECONDS_PER_DAY = 86_400L;

    private final char[] cachedDate = new char[DATE_CHARS];
    private boolean hasCachedDate;
    private long cachedDateSeconds;

    long parseNanos(AttributeValue value, String field) {
        int length = value.length();
        if (length > 0 && value.charAt(length - 1) == 'Z') {
            length--;
        }
        if (length < 19 || length == 20 || length > 29 || value.charAt(10) != 'T' || value.charAt(13) != ':'
                || value.charAt(16) != ':' || (length > 19 && value.charAt(19) != '.')) {
            throw FieldParser.badField(field, value, FORMAT);
        }
        int hour = digits(value, 11, 2, field);
        int minute = digits(value, 14, 2, field);
        int second = digits(value, 17, 2, field);
        if (hour > 23 || minute > 59 || second > 59) {
            throw FieldParser.badField(field, value, "date or time out of range");
        }
        long nanos = 0;
        if (length > 19) {
            int fractionDigits = length - 20;
            nanos = digits(value, 20, fractionDigits, field);
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        long seconds = dateSeconds(value, field) + hour * 3600L + minute * 60L + second;
        return seconds * NANOS_PER_SECOND + nanos;
    }

    private long dateSeconds(AttributeValue value, String field) {
        char[] buffer = value.buffer();
        int start = value.start();
        if (hasCachedDate && Arrays.equals(buffer, start, start + DATE_CHARS, cachedDate, 0, DATE_CHARS)) {
            return cachedDateSeconds;
        }
        if (value.charAt(4) != '-' || value.charAt(7) != '-') {
            throw FieldParser.badField(field, value, FORMAT);
        }
        int year = digits(value, 0, 4, field);
        int month = digits(value, 5, 2, field);
        int day = digits(value, 8, 2, field);
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            throw FieldParser.badField(field, value, "date or time out of range");
        }
        System.arraycopy(buffer, start, cachedDate, 0, DATE_CHARS);
        cachedDateSeconds = daysFromCivil(year, month, day) * SECONDS_PER_DAY;
        hasCachedDate = true;
        return cachedDateSeconds;
    }

    private static int digits(AttributeValue value, int from, int count, String field) {
        char[] buffer = value.buffer();
        int offset = value.start() + from;
        int result = 0;
        for (int i = offset; i < offset + count; i++) {
            int digit = buffer[i] - '0';
            if (digit < 0 || digit > 9) {
                throw FieldParser.badField(field, value, FORMAT);
            }
            result = result * 10 + digit;
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
