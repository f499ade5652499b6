package tickbus.strategy;

import java.util.HashMap;
import java.util.Map;
import tickbus.event.BookUpdate;
import tickbus.event.EventKind;
import tickbus.event.MarketEvent;

/**
 * The last sequence number delivered per (kind, source), to drop duplicates. A subscription almost always hears one
 * source per kind, so the last source of each kind is remembered by identity and the map is asked only when the
 * source changes. One thread.
 */
final class LastSequences {

    private static final int KINDS = EventKind.values().length;
    /** The last of a source not heard yet. */
    private static final long[] NONE = new long[0];

    @SuppressWarnings("unchecked")
    private final Map<String, long[]>[] bySource = new Map[KINDS];
    private final String[] recentSource = new String[KINDS];
    private final long[][] recentLast = new long[KINDS][];

    LastSequences() {
        for (int kind = 0; kind < KINDS; kind++) {
            bySource[kind] = new HashMap<>();
            recentLast[kind] = NONE;
        }
    }

    /**
     * Whether {@code event} is past the last one of its kind and source (or, for a book snapshot, as of it); if so,
     * it becomes the last.
     */
    boolean advance(MarketEvent event) {
        return advance(event.kind(), event.source(), event.sequence(), restates(event));
    }

    /** Whether {@code sequence} is past the last one of this kind and source; if so, it becomes the last. */
    boolean advance(EventKind kind, String source, long sequence) {
        return advance(kind, source, sequence, false);
    }

    /**
     * Whether {@code event} restates the whole state as of its sequence number, and so is news even when an
     * update with that number came first (a feed's book snapshot has its last message's number).
     */
    static boolean restates(MarketEvent event) {
        return event instanceof BookUpdate book && book.snapshot();
    }

    private boolean advance(EventKind kind, String source, long sequence, boolean orEqual) {
        int slot = kind.ordinal();
        long[] last = source == recentSource[slot] ? recentLast[slot] : lookUp(slot, source);
        if (last.length > 0 && (sequence < last[0] || sequence == last[0] && !orEqual)) {
            return false;
        }
        if (last.length == 0) {
            last = new long[] {sequence};
            bySource[slot].put(source, last);
            recentLast[slot] = last;
        } else {
            last[0] = sequence;
        }
        return true;
    }

    /** Forget every source: after a reset, numbering may start again. */
    void clear() {
        for (int slot = 0; slot < KINDS; slot++) {
            bySource[slot].clear();
            recentSource[slot] = null;
            recentLast[slot] = NONE;
        }
    }

    private long[] lookUp(int slot, String source) {
        long[] last = bySource[slot].getOrDefault(source, NONE);
        recentSource[slot] = source;
        recentLast[slot] = last;
        return last;
    }
}
