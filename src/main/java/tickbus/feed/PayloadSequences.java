package tickbus.feed;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sequence validation of numbers carried inside payloads (e.g. a publisher's own counter), one stream per
 * publisher. A gap here cannot be replayed: it is counted, told to the checking worker's listener with its range
 * (so the worker publishes it in stream order, among the events it holds) and the stream continues after it.
 * Thread-safe; each stream is normally checked by one worker.
 */
final class PayloadSequences {

    /** Told about each gap, on the worker that found it. */
    interface GapListener {
        void payloadGap(String stream, Collection<String> instruments, long from, long to);
    }

    private final Map<String, SequenceValidator> streams = new ConcurrentHashMap<>();
    private final FeedMetrics metrics;
    private final java.time.InstantSource clock;

    PayloadSequences(FeedMetrics metrics, java.time.InstantSource clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    SequenceValidator.Verdict check(String stream, long sequence, Collection<String> instruments,
            GapListener listener) {
        SequenceValidator validator = streams.computeIfAbsent(stream, s -> new SequenceValidator(0));
        long from;
        synchronized (validator) {
            from = validator.expected();
            SequenceValidator.Verdict verdict = validator.check(sequence);
            if (verdict == SequenceValidator.Verdict.DUPLICATE) {
                metrics.duplicates.increment();
                return verdict;
            }
            if (verdict == SequenceValidator.Verdict.ACCEPT) {
                return verdict;
            }
            validator.skipTo(sequence);
        }
        metrics.gaps.increment();
        metrics.gapMessages.add(sequence - from);
        metrics.gapLog.lost(stream, from, sequence - 1, clock.millis());
        listener.payloadGap(stream, instruments, from, sequence - 1);
        return SequenceValidator.Verdict.GAP;
    }

    /** {@code stream}'s numbering started again: from now on {@code first} is expected, and nothing else. */
    void restart(String stream, long first) {
        streams.put(stream, SequenceValidator.startingAt(first));
    }

    /** {@code stream} is no longer heard: whatever number it carries next is accepted as its first. */
    void forget(String stream) {
        streams.remove(stream);
    }

    /** Forget every stream (the upstream session changed: every numbering starts again). */
    void clear() {
        streams.clear();
    }
}
