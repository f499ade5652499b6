package tickbus.feed.redis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One channel's current run of publisher sequence numbers (tickbus payloads): tells a publisher that started
 * again from a copy of the message just accepted.
 *
 * <p>Redis never resends an old message: pub/sub forgets what it delivered, and a stream is read from the entry
 * after the last one handed on. The only repetition it makes is an adjacent copy: a channel matched by a pattern
 * and subscribed by a template is delivered once per subscription, each copy right after the other. So, against
 * the last accepted number and its event time ({@code ts}):
 * <ul>
 *   <li>a higher number continues the run (in order, or after lost messages: a gap);</li>
 *   <li>the same number with the same event time is that copy: a duplicate;</li>
 *   <li>any other number (lower, or the same with another event time) starts a new run: the publisher started
 *       again, and the messages of the new run before this one were lost.</li>
 * </ul>
 * A run starts at 0 when the channel has ever carried a 0, else at 1 (the schema's first number). One publisher
 * may number several instruments on its channel (a pattern's channel, a cryptofeed stream per exchange): a new run
 * voids what the channel told about each of them; it keeps the {@value #MAX_INSTRUMENTS} it carried most recently
 * (a publisher inventing symbols cannot grow memory), so a RESET or GAP reaches those.
 */
final class PublisherRun {

    static final int MAX_INSTRUMENTS = 1_000;

    private boolean started;
    private long lastSequence;
    private long lastTimestampNanos;
    private boolean countsFromZero;
    /**
     * Least recently carried first; kept until the decoder resets or the channel is forgotten, as a snapshot may
     * still hand on an older run. Values unused: an access-ordered map is the set.
     */
    private final Map<String, Boolean> instruments = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_INSTRUMENTS;
        }
    };

    /** A message of {@code instrument} arrived on this channel; returns how many instruments it kept more (0, 1). */
    int carried(String instrument) {
        int before = instruments.size();
        instruments.put(instrument, Boolean.TRUE);
        return instruments.size() - before;
    }

    /** The instruments this channel carried most recently, the least recent first. */
    Set<String> instruments() {
        return instruments.keySet();
    }

    /** Whether {@code sequence}, stamped {@code timestampNanos}, is the first message of the publisher's new run. */
    boolean restartedBy(long sequence, long timestampNanos) {
        return started && (sequence < lastSequence
                || sequence == lastSequence && timestampNanos != lastTimestampNanos);
    }

    /** The number a new run starts at, {@code sequence} being the first of it to arrive. */
    long firstOfNewRun(long sequence) {
        return countsFromZero || sequence == 0 ? 0 : 1;
    }

    /** The last sequence number accepted, before {@link #accepted} records a new one. */
    long lastSequence() {
        return lastSequence;
    }

    void accepted(long sequence, long timestampNanos) {
        started = true;
        lastSequence = sequence;
        lastTimestampNanos = timestampNanos;
        countsFromZero |= sequence == 0;
    }
}
