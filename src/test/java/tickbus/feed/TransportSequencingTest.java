package tickbus.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Frames that carry a range of sequence numbers (one long-poll document per cursor range). */
class TransportSequencingTest {

    private final List<String> told = new ArrayList<>();
    private final FeedMetrics metrics = new FeedMetrics("s", "V", "p");
    private final TransportSequencing.Listener listener = new TransportSequencing.Listener() {
        @Override
        public void gapOpened(long from, long to) {
            told.add("gap " + from + ".." + to);
        }

        @Override
        public void lossAccepted(long from, long to) {
            told.add("lost " + from + ".." + to);
        }

        @Override
        public void gapHealed(GapRecovery healed, long durationMillis) {
            told.add("healed " + healed.describe());
        }
    };

    private TransportSequencing sequencing(long firstSequence, FeedProtocol.GapPolicy policy) {
        return new TransportSequencing(firstSequence, policy, metrics, listener);
    }

    @Test
    void aRangeMovesTheNextExpectedNumberPastItsLast() {
        TransportSequencing sequencing = sequencing(0, FeedProtocol.GapPolicy.ACCEPT_LOSS);
        assertTrue(sequencing.accept(41, 60, 0), "the first frame starts the numbering");
        assertTrue(sequencing.accept(61, 61, 0));
        assertTrue(sequencing.accept(62, 100, 0));

        assertEquals(101, sequencing.expected());
        assertEquals(List.of(), told);
    }

    @Test
    void aRangeOverlappingProcessedNumbersIsDroppedAsADuplicate() {
        TransportSequencing sequencing = sequencing(0, FeedProtocol.GapPolicy.ACCEPT_LOSS);
        sequencing.accept(1, 10, 0);
        assertFalse(sequencing.accept(5, 10, 0));
        assertFalse(sequencing.accept(8, 15, 0), "cannot be split");

        assertEquals(11, sequencing.expected());
        assertEquals(2, metrics.duplicates());
    }

    @Test
    void aRangeAfterAGapReportsTheLossAndIsProcessedWhenTheSourceCannotReplay() {
        TransportSequencing sequencing = sequencing(0, FeedProtocol.GapPolicy.ACCEPT_LOSS);
        sequencing.accept(1, 10, 0);
        assertTrue(sequencing.accept(31, 40, 0));

        assertEquals(List.of("lost 11..30"), told);
        assertEquals(List.of(41L, 1L, 20L), List.of(sequencing.expected(), metrics.gaps(), metrics.gapMessages()));
    }

    @Test
    void aRangeAfterAGapWaitsForTheReplayWhenTheSourceCanReplay() {
        TransportSequencing sequencing = sequencing(0, FeedProtocol.GapPolicy.REPLAY);
        sequencing.accept(1, 10, 0);
        assertFalse(sequencing.accept(21, 30, 0));
        assertTrue(sequencing.accept(11, 20, 5));
        assertTrue(sequencing.accept(21, 25, 5));
        assertEquals(List.of("gap 11..20"), told, "not healed short of the highest number dropped");
        assertTrue(sequencing.accept(26, 30, 7));

        assertEquals(List.of("gap 11..20", "healed from=11, to=20"), told);
        assertEquals(31, sequencing.expected());
    }

    @Test
    void aSourceStartingLaterThanTheFirstNumberAskedForOpensAGap() {
        TransportSequencing sequencing = sequencing(1, FeedProtocol.GapPolicy.REPLAY);
        assertEquals(1, sequencing.expected());
        assertFalse(sequencing.accept(5, 5, 0));

        assertEquals(List.of("gap 1..4"), told);
    }

    @Test
    void numbersTheSourceWillNeverSendAreCountedAsLostAndSkipped() {
        TransportSequencing sequencing = sequencing(1, FeedProtocol.GapPolicy.REPLAY);
        sequencing.lost(1, 4, 0);
        assertTrue(sequencing.accept(5, 5, 0));
        sequencing.lost(1, 4, 0);

        assertEquals(List.of("lost 1..4"), told, "a loss already behind the stream is not counted again");
        assertEquals(List.of(6L, 1L, 4L), List.of(sequencing.expected(), metrics.gaps(), metrics.gapMessages()));
        assertEquals(1, metrics.recentGaps().size());
        assertTrue(metrics.recentGaps().get(0).lost());
    }
}
