package tickbus.protocol.redisjson;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tickbus.protocol.redisjson.RedisJsonException.Reason;

/**
 * Every rejected payload is counted by reason; the most recent ones are kept with a prefix of their raw
 * bytes, bounded in entries and in bytes, oldest evicted first (and counted). Thread-safe: written by the
 * parser worker, read by monitoring.
 */
public final class DeadLetterLog {

    /** Bytes charged per entry besides its payload prefix and texts. */
    public static final int ENTRY_OVERHEAD_BYTES = 64;
    /** Longest channel name kept, in chars. */
    public static final int MAX_CHANNEL_CHARS = 256;
    /** Longest error message kept, in chars. */
    public static final int MAX_MESSAGE_CHARS = 512;

    /** One rejected payload. */
    public static final class Entry {

        private final long timeNanos;
        private final String channel;
        private final Reason reason;
        private final String message;
        private final int payloadLength;
        private final byte[] payloadPrefix;

        Entry(long timeNanos, String channel, Reason reason, String message, int payloadLength, byte[] payloadPrefix) {
            this.timeNanos = timeNanos;
            this.channel = channel;
            this.reason = reason;
            this.message = message;
            this.payloadLength = payloadLength;
            this.payloadPrefix = payloadPrefix;
        }

        /** When the payload was received, nanoseconds since the epoch. */
        public long timeNanos() {
            return timeNanos;
        }

        public String channel() {
            return channel;
        }

        public Reason reason() {
            return reason;
        }

        public String message() {
            return message;
        }

        /** The whole payload's length; the prefix may be shorter. */
        public int payloadLength() {
            return payloadLength;
        }

        public byte[] payloadPrefix() {
            return payloadPrefix.clone();
        }

        /** The prefix as text, invalid UTF-8 shown as U+FFFD. */
        public String payloadPrefixText() {
            return new String(payloadPrefix, StandardCharsets.UTF_8);
        }

        long costBytes() {
            return ENTRY_OVERHEAD_BYTES + payloadPrefix.length + 2L * (channel.length() + message.length());
        }
    }

    private final int maxEntries;
    private final long maxBytes;
    private final int maxPrefixBytes;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private final long[] rejectedByReason = new long[Reason.values().length];
    private long retainedBytes;
    private long evicted;

    public DeadLetterLog(int maxEntries, long maxBytes, int maxPrefixBytes) {
        if (maxEntries < 1 || maxPrefixBytes < 0 || maxBytes < ENTRY_OVERHEAD_BYTES + maxPrefixBytes) {
            throw new IllegalArgumentException("dead-letter bounds out of range: maxEntries=" + maxEntries
                    + ", maxBytes=" + maxBytes + ", maxPrefixBytes=" + maxPrefixBytes + "; expected maxEntries>=1"
                    + ", maxBytes>=" + ENTRY_OVERHEAD_BYTES + "+maxPrefixBytes");
        }
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.maxPrefixBytes = maxPrefixBytes;
    }

    /** Count the rejection of {@code payload[offset, offset + length)} and keep it, evicting old entries. */
    public void add(long timeNanos, String channel, RedisJsonException error, byte[] payload, int offset,
            int length) {
        record(timeNanos, channel, error, Arrays.copyOfRange(payload, offset, offset + Math.min(length, maxPrefixBytes)),
                length);
    }

    /** Count the rejection of {@code payload[offset, offset + length)} and keep it, evicting old entries. */
    public void add(long timeNanos, String channel, RedisJsonException error, Buffer payload, int offset,
            int length) {
        record(timeNanos, channel, error, payload.getBytes(offset, offset + Math.min(length, maxPrefixBytes)), length);
    }

    private synchronized void record(long timeNanos, String channel, RedisJsonException error, byte[] prefix,
            int length) {
        rejectedByReason[error.reason().ordinal()]++;
        Entry entry = new Entry(timeNanos, truncate(channel, MAX_CHANNEL_CHARS), error.reason(),
                truncate(error.getMessage(), MAX_MESSAGE_CHARS), length, prefix);
        entries.addLast(entry);
        retainedBytes += entry.costBytes();
        while (entries.size() > maxEntries || retainedBytes > maxBytes && entries.size() > 1) {
            retainedBytes -= entries.removeFirst().costBytes();
            evicted++;
        }
    }

    /** The kept entries, oldest first. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    public synchronized long rejected(Reason reason) {
        return rejectedByReason[reason.ordinal()];
    }

    /** Rejections by reason, only reasons seen at least once. */
    public synchronized Map<Reason, Long> rejectedByReason() {
        Map<Reason, Long> counts = new EnumMap<>(Reason.class);
        for (Reason reason : Reason.values()) {
            if (rejectedByReason[reason.ordinal()] > 0) {
                counts.put(reason, rejectedByReason[reason.ordinal()]);
            }
        }
        return counts;
    }

    public synchronized long rejectedTotal() {
        long total = 0;
        for (long count : rejectedByReason) {
            total += count;
        }
        return total;
    }

    /** Entries dropped to stay within the bounds. */
    public synchronized long evicted() {
        return evicted;
    }

    public synchronized long retainedBytes() {
        return retainedBytes;
    }

    private static String truncate(String text, int maxChars) {
        String value = String.valueOf(text);
        return value.length() <= maxChars ? value : value.substring(0, maxChars) + "...";
    }
}
