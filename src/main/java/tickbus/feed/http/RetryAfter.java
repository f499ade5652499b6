package tickbus.feed.http;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads HTTP {@code Retry-After} (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. */
final class RetryAfter {

    /** Returned when the header is absent or unreadable: the engine's own backoff applies. */
    static final long NONE = -1;

    private static final int MAX_SECONDS_DIGITS = 9;

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
        try {
            long until = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
            return Math.min(maxMillis, Math.max(0, until - nowMillis));
        } catch (DateTimeParseException e) {
            return NONE;
        }
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
