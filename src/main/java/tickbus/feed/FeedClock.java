package tickbus.feed;

import java.time.Instant;
import java.time.InstantSource;

/** Nanosecond timestamps from an {@link InstantSource}. */
public final class FeedClock {

    private FeedClock() {
    }

    public static long nanos(InstantSource clock) {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
