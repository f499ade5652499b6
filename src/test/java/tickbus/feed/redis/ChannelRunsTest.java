package tickbus.feed.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tickbus.testing.MutableClock;

/** The channels' runs stay within their limits, forgetting the least recently used channel. */
class ChannelRunsTest {

    private final RedisFeedCounters counters = new RedisFeedCounters();
    private final List<String> forgotten = new ArrayList<>();
    private final ChannelRuns runs = new ChannelRuns("redis-test", new MutableClock(1_700_000_000_000L), counters,
            forgotten::add);

    @Test
    void tooManyInstrumentsInAllForgetTheLeastRecentlyUsedChannel() {
        String[] instruments = new String[PublisherRun.MAX_INSTRUMENTS];
        for (int i = 0; i < instruments.length; i++) {
            instruments[i] = "XSIM:S" + i;
        }
        int fullChannels = ChannelRuns.MAX_INSTRUMENTS / PublisherRun.MAX_INSTRUMENTS - 1;
        PublisherRun used = runs.carrying("ch0", instruments[0]);
        for (int c = 1; c <= fullChannels; c++) {
            for (String instrument : instruments) {
                runs.carrying("ch" + c, instrument);
            }
        }
        assertSame(used, runs.carrying("ch0", instruments[1]));
        for (String instrument : instruments) {
            runs.carrying("new", instrument);
        }
        assertEquals(List.of("ch1"), forgotten);
        assertEquals(1, counters.channelsEvicted());
    }

    @Test
    void anUnsubscribedChannelStartsAfreshAndCountsNothing() {
        PublisherRun first = runs.carrying("ch", "XSIM:AAA");
        runs.remove("ch");
        assertNotSame(first, runs.carrying("ch", "XSIM:AAA"));
        assertEquals(0, counters.channelsEvicted());
    }
}
