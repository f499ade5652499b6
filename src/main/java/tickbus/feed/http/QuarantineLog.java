package tickbus.feed.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Documents the feed gave up on: each with the cursor range it skipped, why, and a prefix of its raw bytes.
 * Bounded in entries and in retained bytes, oldest evicted first; every quarantine is counted by kind, evicted
 * or not. Thread-safe: written by the connection and the parser worker, read by monitoring and tests.
 */
public final class QuarantineLog {

    /** Bytes charged for an entry besides its raw prefix and its texts. */
    static final int ENTRY_OVERHEAD_BYTES = 96;
    private static final int MAX_MESSAGE_CHARS = 1_024;

    /**
     * One quarantined document.
     *
     * @param firstPosition, lastPosition the positions of the server's log it covered, now reported as a GAP
     * @param kind the counter label of the failure, e.g. {@code fixml-dtd-forbidden} or {@code body-too-large}
     * @param documentBytes the whole document's length as received (a cut-off body: what arrived)
     */
    public record Entry(long timeNanos, long firstPosition, long lastPosition, String kind, String message,
            int documentBytes, byte[] rawPrefix) {

        /** The raw prefix as text, invalid UTF-8 shown as U+FFFD. */
        public String rawPrefixText() {
            return new String(rawPrefix, StandardCharsets.UTF_8);
        }

        long costBytes() {
            return ENTRY_OVERHEAD_BYTES + rawPrefix.length + 2L * (kind.length() + message.length());
        }
    }

    private final int maxEntries;
    private final long maxBytes;
    private final int maxPrefixBytes;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private final Map<String, Long> byKind = new TreeMap<>();
    private long retainedBytes;
    private long evicted;

    public QuarantineLog(int maxEntries, long maxBytes, int maxPrefixBytes) {
        if (maxEntries < 1 || maxPrefixBytes < 0 || maxBytes < ENTRY_OVERHEAD_BYTES + (long) maxPrefixBytes) {
            throw new IllegalArgumentException("quarantine bounds out of range: maxEntries=" + maxEntries
                    + ", maxBytes=" + maxBytes + ", maxPrefixBytes=" + maxPrefixBytes + "; expected maxEntries>=1, "
                    + "maxBytes>=" + ENTRY_OVERHEAD_BYTES + "+maxPrefixBytes");
        }
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.maxPrefixBytes = maxPrefixBytes;
    }

    /** The most raw bytes an entry keeps. */
    public int maxPrefixBytes() {
        return maxPrefixBytes;
    }

    /** Count and keep a quarantined document; {@code rawPrefix} is cut to {@link #maxPrefixBytes()}. */
    public synchronized void add(long timeNanos, long firstPosition, long lastPosition, String kind, String message,
            int documentBytes, byte[] rawPrefix) {
        byte[] kept = rawPrefix.length <= maxPrefixBytes ? rawPrefix : java.util.Arrays.copyOf(rawPrefix, maxPrefixBytes);
        String text = String.valueOf(message);
        Entry entry = new Entry(timeNanos, firstPosition, lastPosition, kind,
                text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS) + "...",
                documentBytes, kept);
        byKind.merge(kind, 1L, Long::sum);
        entries.addLast(entry);
        retainedBytes += entry.costBytes();
        while (entries.size() > maxEntries || retainedBytes > maxBytes && entries.size() > 1) {
            retainedBytes -= entries.removeFirst().costBytes();
            evicted++;
        }
    }

    /** The entries kept, oldest first. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Quarantines by kind since start, evicted ones included. */
    public synchronized Map<String, Long> byKind() {
        return Map.copyOf(byKind);
    }

    public synchronized long total() {
        return byKind.values().stream().mapToLong(Long::longValue).sum();
    }

    public synchronized long evicted() {
        return evicted;
    }

    public synchronized long retainedBytes() {
        return retainedBytes;
    }
}
