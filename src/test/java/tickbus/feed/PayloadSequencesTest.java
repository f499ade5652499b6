package tickbus.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tickbus.testing.MutableClock;

/** Payload sequence streams: gaps per stream, and a bounded number of streams however many a publisher invents. */
class PayloadSequencesTest {

    private final FeedMetrics metrics = new FeedMetrics("test", "XSIM", "test");
    private final PayloadSequences sequences = new PayloadSequences(metrics, new MutableClock(1_700_000_000_000L));
    private final List<String> gaps = new ArrayList<>();

    @Test
    void aGapIsCountedAndTold() {
        check("a", 1);
        check("a", 4);
        assertEquals(List.of("a 2..3"), gaps);
        assertEquals(1, metrics.gaps());
    }

    /** Past the limit the least recently used stream is forgotten: its next number starts afresh, no GAP. */
    @Test
    void inventedStreamsEvictTheLeastRecentlyUsedWithoutInventingAGap() {
        check("first", 1);
        for (int i = 0; i < PayloadSequences.MAX_STREAMS; i++) {
            check("invented-" + i, 1);
        }
        assertEquals(SequenceValidator.Verdict.ACCEPT, check("first", 50));
        assertEquals(List.of(), gaps);
        assertEquals(0, metrics.gaps());
        // The oldest tenth and one, or a few more where uses share a nanoTime tick.
        assertTrue(metrics.payloadStreamsEvicted() >= PayloadSequences.MAX_STREAMS / 10 + 1,
                () -> "evicted=" + metrics.payloadStreamsEvicted());
    }

    /** A stream in use is not among the least recently used, however many are invented meanwhile. */
    @Test
    void aStreamInUseSurvivesInventedOnes() {
        check("live", 1);
        for (int i = 0; i < 3 * PayloadSequences.MAX_STREAMS; i++) {
            check("invented-" + i, 1);
            if (i % 1_000 == 0) {
                check("live", 2 + i / 1_000);
            }
        }
        check("live", 1_000);
        assertEquals(List.of("live " + (3 + 3 * PayloadSequences.MAX_STREAMS / 1_000 - 1) + "..999"), gaps);
    }

    private SequenceValidator.Verdict check(String stream, long sequence) {
        return sequences.check(stream, sequence, Set.of("XSIM:AAA"),
                (s, instruments, from, to) -> gaps.add(s + " " + from + ".." + to));
    }
}
