package tickbus.feed.http;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/**
 * Reads HTTP {@code Retry-After} (RFC 9110 §10.2.3): delay-seconds or an HTTP-date, in the preferred format or
 * one of the two obsolete ones every recipient must accept (§5.6.7: RFC 850 and asctime).
 */
final class RetryAfter {

    /** Returned when the header is absent or unreadable: the engine's own backoff applies. */
    static final long NONE = -1;

    private static final int MAX_SECONDS_DIGITS = 9;
    private static final List<DateTimeFormatter> HTTP_DATES = List.of(DateTimeFormatter.RFC_1123_DATE_TIME,
            new DateTimeFormatterBuilder().appendPattern("EEEE, dd-MMM-").appendValueReduced(ChronoField.YEAR, 2, 2,
                    1970).appendPattern(" HH:mm:ss 'GMT'").toFormatter(Locale.US).withZone(ZoneOffset.UTC),
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC));

    private RetryAfter() {
    }

    /** The delay in milliseconds, at most {@code maxMillis}; {@link #NONE} when absent or unreadable. */
    static long millis(String value, long nowMillis, long maxMillis) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        String text = value.trim();
        if (isDigits(text)) {
            if (text.length() > MAX_SECONDS_DIGITS) {
                return maxMillis;
            }
            return Math.min(maxMillis, Long.parseLong(text) * 1_000);
        }
        for (DateTimeFormatter format : HTTP_DATES) {
            try {
                long until = ZonedDateTime.parse(text, format).toInstant().toEpochMilli();
                return Math.min(maxMillis, Math.max(0, until - nowMillis));
            } catch (DateTimeParseException e) {
                // not in this format: try the next
            }
        }
        return NONE;
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
