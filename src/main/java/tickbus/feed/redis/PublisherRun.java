package tickbus.feed.redis;

import java.util.LinkedHashSet;
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
 * voids what the channel told about each of them.
 */
final class PublisherRun {

    private boolean started;
    private long lastSequence;
    private long lastTimestampNanos;
    private boolean countsFromZero;
    /**
     * In the order first seen; kept until the decoder resets or the channel is unsubscribed, as a snapshot may
     * still hand on an older run.
     */
    private final Set<String> instruments = new LinkedHashSet<>();

    /** A message of {@code instrument} arrived on this channel. */
    void carried(String instrument) {
        instruments.add(instrument);
    }

    /** The instruments this channel carried, in the order first seen. */
    Set<String> instruments() {
        return instruments;
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
