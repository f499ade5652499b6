package tickbus.feed;

import java.util.function.LongUnaryOperator;

/**
 * Exponential backoff with full jitter: the n-th consecutive delay is uniform in
 * {@code [0, min(max, initial * 2^n)]}. A connection that stayed healthy for {@code resetAfterHealthyMillis}
 * resets the sequence, so a feed that flaps once a day does not wait the maximum.
 */
public final class ReconnectBackoff {

    private final long initialDelayMillis;
    private final long maxDelayMillis;
    private final long resetAfterHealthyMillis;
    private final LongUnaryOperator uniformUpTo;
    private int consecutiveFailures;
    private long healthySinceMillis = -1;

    /** {@code uniformUpTo.applyAsLong(bound)} returns a uniform value in {@code [0, bound]}. */
    public ReconnectBackoff(FeedSettings.BackoffSettings settings, LongUnaryOperator uniformUpTo) {
        this.initialDelayMillis = settings.initialDelayMillis();
        this.maxDelayMillis = settings.maxDelayMillis();
        this.resetAfterHealthyMillis = settings.resetAfterHealthyMillis();
        this.uniformUpTo = uniformUpTo;
    }

    /** The upper bound of the next delay. */
    public long nextCeilingMillis() {
        int doublings = Math.min(consecutiveFailures, 62);
        long ceiling = initialDelayMillis << Math.min(doublings, Long.numberOfLeadingZeros(initialDelayMillis) - 1);
        return Math.min(maxDelayMillis, ceiling);
    }

    /** The delay before the next attempt; counts one more consecutive failure. */
    public long nextDelayMillis() {
        long delay = uniformUpTo.applyAsLong(nextCeilingMillis());
        consecutiveFailures++;
        return delay;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** The connection is healthy (LIVE) from now on. */
    public void healthy(long nowMillis) {
        if (healthySinceMillis < 0) {
            healthySinceMillis = nowMillis;
        }
    }

    /** The connection was lost; resets the sequence if it had been healthy long enough. */
    public void lost(long nowMillis) {
        if (healthySinceMillis >= 0 && nowMillis - healthySinceMillis >= resetAfterHealthyMillis) {
            consecutiveFailures = 0;
        }
        healthySinceMillis = -1;
    }

    public void reset() {
        consecutiveFailures = 0;
        healthySinceMillis = -1;
    }
}
