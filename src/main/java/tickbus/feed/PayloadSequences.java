package tickbus.feed;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sequence validation of numbers carried inside payloads (e.g. a publisher's own counter), one stream per
 * publisher. A gap here cannot be replayed: it is counted, told to the checking worker's listener with its range
 * (so the worker publishes it in stream order, among the events it holds) and the stream continues after it.
 * Bounded, so a publisher inventing streams cannot grow memory: past {@value #MAX_STREAMS} streams the least
 * recently used tenth is forgotten (one scan per ten thousand new streams, not one per stream), counted
 * ({@code payloadStreamsEvicted}); a forgotten stream's next number is taken as its first, no GAP.
 * Thread-safe; each stream is normally checked by one worker.
 */
final class PayloadSequences {

    static final int MAX_STREAMS = 100_000;
    private static final int STREAMS_AFTER_EVICTION = MAX_STREAMS - MAX_STREAMS / 10;
    private static final long LOG_INTERVAL_MILLIS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(PayloadSequences.class);

    /** Told about each gap, on the worker that found it. */
    interface GapListener {
        void payloadGap(String stream, Collection<String> instruments, long from, long to);
    }

    /**
     * A stream's validator and when it was last checked: {@link System#nanoTime()}, which orders uses across
     * workers without a shared counter every message would contend on. Both guarded by the stream's monitor.
     */
    private static final class Stream {
        final SequenceValidator validator;
        long lastUsedNanos = System.nanoTime();

        Stream(SequenceValidator validator) {
            this.validator = validator;
        }

        synchronized long lastUsedNanos() {
            return lastUsedNanos;
        }
    }

    private final Map<String, Stream> streams = new ConcurrentHashMap<>();
    private final Object eviction = new Object();
    private final FeedMetrics metrics;
    private final java.time.InstantSource clock;
    private long lastLogMillis = Long.MIN_VALUE;

    PayloadSequences(FeedMetrics metrics, java.time.InstantSource clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    SequenceValidator.Verdict check(String stream, long sequence, Collection<String> instruments,
            GapListener listener) {
        Stream known = streams.get(stream);
        Stream checked = known != null ? known : add(stream, new SequenceValidator(0), false);
        long from;
        synchronized (checked) {
            checked.lastUsedNanos = System.nanoTime();
            SequenceValidator validator = checked.validator;
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
        add(stream, SequenceValidator.startingAt(first), true);
    }

    /** {@code stream} is no longer heard: whatever number it carries next is accepted as its first. */
    void forget(String stream) {
        streams.remove(stream);
    }

    /** Forget every stream (the upstream session changed: every numbering starts again). */
    void clear() {
        streams.clear();
    }

    private Stream add(String name, SequenceValidator validator, boolean replace) {
        Stream added = new Stream(validator);
        Stream prior = replace ? streams.put(name, added) : streams.putIfAbsent(name, added);
        if (prior != null && !replace) {
            return prior;
        }
        if (prior == null && streams.size() > MAX_STREAMS) {
            evictLeastRecentlyUsed();
        }
        return added;
    }

    private void evictLeastRecentlyUsed() {
        synchronized (eviction) {
            long[] used = streams.values().stream().mapToLong(Stream::lastUsedNanos).toArray();
            if (used.length <= MAX_STREAMS) {
                return;
            }
            Arrays.sort(used);
            long newestEvicted = used[used.length - STREAMS_AFTER_EVICTION - 1];
            int evicted = 0;
            for (Map.Entry<String, Stream> entry : streams.entrySet()) {
                Stream stream = entry.getValue();
                if (stream.lastUsedNanos() - newestEvicted <= 0 && streams.remove(entry.getKey(), stream)) {
                    evicted++;
                }
            }
            metrics.payloadStreamsEvicted.add(evicted);
            long now = clock.millis();
            if (lastLogMillis == Long.MIN_VALUE || now - lastLogMillis >= LOG_INTERVAL_MILLIS) {
                lastLogMillis = now;
                LOG.warn("feed {}: payload sequence streams over the limit, forgot the least recently used (their "
                        + "next numbers start afresh, no GAP; logged at most every {} ms): evicted={}, maxStreams={}, "
                        + "evictedSoFar={}", metrics.source(), LOG_INTERVAL_MILLIS, evicted, MAX_STREAMS,
                        metrics.payloadStreamsEvicted());
            }
        }
    }
}
