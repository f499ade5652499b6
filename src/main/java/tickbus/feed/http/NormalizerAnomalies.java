package tickbus.feed.http;

import tickbus.feed.DecoderContext;
import tickbus.normalize.fixml.NormalizerCounters;

/** Turns the growth of a FIXML normalizer's counters into book-anomaly counts for the feed's metrics. */
final class NormalizerAnomalies {

    private static final NormalizerCounters NONE = new NormalizerCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private NormalizerCounters reported = NONE;

    /** Count what {@code now} holds beyond what was reported before. */
    void report(NormalizerCounters now, DecoderContext context) {
        if (now.equals(reported)) {
            return;
        }
        count(context, "fixml-unknown-level-delete", now.unknownLevelDeletes(), reported.unknownLevelDeletes());
        count(context, "fixml-unknown-level-change", now.unknownLevelChanges(), reported.unknownLevelChanges());
        count(context, "fixml-level-dropped-side-full", now.droppedLevels(), reported.droppedLevels());
        count(context, "fixml-level-evicted-side-full", now.evictedLevels(), reported.evictedLevels());
        count(context, "fixml-instrument-limit", now.droppedInstruments(), reported.droppedInstruments());
        count(context, "fixml-empty-snapshot-level", now.emptySnapshotLevels(), reported.emptySnapshotLevels());
        count(context, "fixml-unsupported-action", now.unsupportedActions(), reported.unsupportedActions());
        reported = now;
    }

    /** The normalizer was replaced: its successor counts from zero. */
    void restart() {
        reported = NONE;
    }

    private static void count(DecoderContext context, String kind, long now, long before) {
        if (now > before) {
            context.bookAnomalies(kind, now - before);
        }
    }
}
