package tickbus.feed;

import java.time.Instant;
import java.time.InstantSource;

/** Nanosecond timestamps from an {@link InstantSource}. */
public final class FeedClock {

    private FeedClock() {
    }

    public static long nanos(InstantSource clock) {
        return nanos(clock.instant());
    }

    public static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
