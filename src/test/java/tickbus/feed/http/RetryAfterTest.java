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
    void theObsoleteHttpDateFormatsEveryRecipientMustAcceptAreReadToo() {
        // RFC 9110 §5.6.7: RFC 850 and asctime dates; NOW_MILLIS + 30 s is Tuesday, 14 November 2023, 22:13:50 GMT.
        assertEquals(30_000, RetryAfter.millis("Tuesday, 14-Nov-23 22:13:50 GMT", NOW_MILLIS, MAX_MILLIS));
        assertEquals(30_000, RetryAfter.millis("Tue Nov 14 22:13:50 2023", NOW_MILLIS, MAX_MILLIS));
        assertEquals(0, RetryAfter.millis("Sun Nov  5 22:13:50 2023", NOW_MILLIS, MAX_MILLIS), "a day padded, past");
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
