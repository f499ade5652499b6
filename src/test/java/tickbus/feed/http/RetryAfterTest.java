package tickbus.feed.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final long NOW_MILLIS = 1_700_000_000_000L;
    private static final long MAX_MILLIS = 300_000;

    @Test
    void delaySecondsAreMillisecondsCappedAtTheMaximum() {
        assertEquals(0, RetryAfter.millis("0", NOW_MILLIS, MAX_MILLIS));
        assertEquals(120_000, RetryAfter.millis(" 120 ", NOW_MILLIS, MAX_MILLIS));
        assertEquals(MAX_MILLIS, RetryAfter.millis("86400", NOW_MILLIS, MAX_MILLIS));
        assertEquals(MAX_MILLIS, RetryAfter.millis("99999999999999999999", NOW_MILLIS, MAX_MILLIS));
    }

    @Test
    void anHttpDateIsTheTimeLeftUntilIt() {
        assertEquals(30_000, RetryAfter.millis(httpDate(NOW_MILLIS + 30_000), NOW_MILLIS, MAX_MILLIS));
        assertEquals(0, RetryAfter.millis(httpDate(NOW_MILLIS - 5_000), NOW_MILLIS, MAX_MILLIS));
        assertEquals(MAX_MILLIS, RetryAfter.millis(httpDate(NOW_MILLIS + 3_600_000), NOW_MILLIS, MAX_MILLIS));
    }

    @Test
    void anAbsentOrUnreadableValueLeavesTheEnginesBackoffAlone() {
        assertEquals(RetryAfter.NONE, RetryAfter.millis(null, NOW_MILLIS, MAX_MILLIS));
        assertEquals(RetryAfter.NONE, RetryAfter.millis("  ", NOW_MILLIS, MAX_MILLIS));
        assertEquals(RetryAfter.NONE, RetryAfter.millis("-5", NOW_MILLIS, MAX_MILLIS));
        assertEquals(RetryAfter.NONE, RetryAfter.millis("soon", NOW_MILLIS, MAX_MILLIS));
        assertEquals(RetryAfter.NONE, RetryAfter.millis("1.5", NOW_MILLIS, MAX_MILLIS));
    }

    private static String httpDate(long millis) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC));
    }
}
