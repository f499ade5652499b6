package tickbus.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

    private static final FeedSettings.BackoffSettings SETTINGS = new FeedSettings.BackoffSettings(100, 5_000, 30_000);

    @Test
    void ceilingsDoubleUpToTheCap() {
        List<Long> bounds = new ArrayList<>();
        ReconnectBackoff backoff = new ReconnectBackoff(SETTINGS, bound -> {
            bounds.add(bound);
            return bound;
        });
        for (int i = 0; i < 10; i++) {
            backoff.nextDelayMillis();
        }
        assertEquals(List.of(100L, 200L, 400L, 800L, 1_600L, 3_200L, 5_000L, 5_000L, 5_000L, 5_000L), bounds);
    }

    @Test
    void delaysAreFullJitterWithinZeroAndTheCeiling() {
        Random random = new Random(3);
        ReconnectBackoff backoff = new ReconnectBackoff(SETTINGS, bound -> (long) (random.nextDouble() * (bound + 1)));
        long belowHalf = 0;
        for (int i = 0; i < 2_000; i++) {
            long ceiling = backoff.nextCeilingMillis();
            long delay = backoff.nextDelayMillis();
            assertTrue(delay >= 0 && delay <= ceiling, "delay=" + delay + ", ceiling=" + ceiling);
            if (delay < ceiling / 2) {
                belowHalf++;
            }
        }
        assertTrue(belowHalf > 800 && belowHalf < 1_200, "uniform spread, belowHalf=" + belowHalf);
    }

    @Test
    void healthyLongEnoughResetsAndShortHealthDoesNot() {
        ReconnectBackoff backoff = new ReconnectBackoff(SETTINGS, bound -> bound);
        backoff.nextDelayMillis();
        backoff.nextDelayMillis();
        backoff.nextDelayMillis();
        backoff.healthy(1_000);
        backoff.lost(1_000 + 29_999);
        assertEquals(800, backoff.nextCeilingMillis());
        backoff.healthy(100_000);
        backoff.lost(130_000);
        assertEquals(100, backoff.nextCeilingMillis());
        assertEquals(0, backoff.consecutiveFailures());
    }

    @Test
    void hugeAttemptCountsDoNotOverflow() {
        ReconnectBackoff backoff = new ReconnectBackoff(new FeedSettings.BackoffSettings(1, Long.MAX_VALUE / 2, 0),
                bound -> bound);
        for (int i = 0; i < 200; i++) {
            assertTrue(backoff.nextDelayMillis() > 0);
        }
    }
}
