package tickbus.sim.fixml;

import java.util.List;
import java.util.Set;

/**
 * The simulated server's log of updates at positions 1, 2, 3, ...; it holds the latest {@code capacity} of them
 * (the replay window), so a cursor older than the window is no longer served. Thread-safe.
 */
final class UpdateLog {

    /** What a poll from {@code cursor} gets: the matching updates in {@code (cursor, next]}, in order. */
    record Selection(long cursor, long next, long[] positions, LogEntry[] entries, int count) {

        boolean carriesPositions() {
            return next > cursor;
        }
    }

    private final String id;
    private final LogEntry[] window;
    private long head;

    UpdateLog(String id, int capacity) {
        this.id = id;
        this.window = new LogEntry[capacity];
    }

    /** Identifies this log in every response; a server that loses its log starts one with another id. */
    String id() {
        return id;
    }

    synchronized long append(LogEntry entry) {
        head++;
        window[(int) (head % window.length)] = entry;
        return head;
    }

    /** Appends all at consecutive positions; returns the position before the first. */
    synchronized long appendAll(List<LogEntry> entries) {
        long before = head;
        entries.forEach(this::append);
        return before;
    }

    /** The entry at a position the window holds. */
    synchronized LogEntry entryAt(long position) {
        if (position < oldest() || position > head) {
            throw new IllegalArgumentException("position not held: position=" + position + ", oldest=" + oldest()
                    + ", head=" + head);
        }
        return window[(int) (position % window.length)];
    }

    synchronized long head() {
        return head;
    }

    /** The oldest position held (1 while the window is not full). */
    synchronized long oldest() {
        return Math.max(1, head - window.length + 1);
    }

    /** Whether a poll from {@code cursor} can be answered without missing a position. */
    synchronized boolean holds(long cursor) {
        return cursor >= oldest() - 1 && cursor <= head;
    }

    /**
     * The updates after {@code cursor} for the instruments in {@code filter} (null: all), at most {@code max};
     * {@code next} is the last position looked at, so updates of other instruments are skipped for good.
     */
    synchronized Selection select(long cursor, Set<String> filter, int max) {
        long[] positions = new long[(int) Math.min(max, Math.max(0, head - cursor))];
        LogEntry[] entries = new LogEntry[positions.length];
        int count = 0;
        long position = cursor;
        while (position < head && count < max) {
            position++;
            LogEntry entry = window[(int) (position % window.length)];
            if (entry.matches(filter)) {
                positions[count] = position;
                entries[count++] = entry;
            }
        }
        return new Selection(cursor, position, positions, entries, count);
    }
}
