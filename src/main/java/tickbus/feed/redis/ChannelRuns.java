package tickbus.feed.redis;

import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link PublisherRun} of each channel a worker decodes, least recently used first. Bounded, so a publisher
 * inventing channels (through a pattern) or symbols cannot grow memory: past {@value #MAX_CHANNELS} channels, or
 * {@value #MAX_INSTRUMENTS} instruments kept by all of them, the least recently used channel is forgotten, counted
 * ({@code channelsEvicted}) and handed to {@code forgotten}; its next message starts a new run, as after an
 * unsubscribe (no GAP). Not thread-safe: one per worker.
 */
final class ChannelRuns {

    static final int MAX_CHANNELS = 100_000;
    static final int MAX_INSTRUMENTS = 1_000_000;
    private static final long LOG_INTERVAL_MILLIS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(ChannelRuns.class);

    private final Map<String, PublisherRun> runs = new LinkedHashMap<>(16, 0.75f, true);
    private final String source;
    private final InstantSource clock;
    private final RedisFeedCounters counters;
    private final Consumer<String> forgotten;
    private int instruments;
    private long lastLogMillis = Long.MIN_VALUE;

    ChannelRuns(String source, InstantSource clock, RedisFeedCounters counters, Consumer<String> forgotten) {
        this.source = source;
        this.clock = clock;
        this.counters = counters;
        this.forgotten = forgotten;
    }

    /** The run of {@code channel}, now the most recently used, which carried {@code instrument}. */
    PublisherRun carrying(String channel, String instrument) {
        PublisherRun run = runs.get(channel);
        if (run == null) {
            run = new PublisherRun();
            runs.put(channel, run);
        }
        instruments += run.carried(instrument);
        while ((runs.size() > MAX_CHANNELS || instruments > MAX_INSTRUMENTS) && runs.size() > 1) {
            evictLeastRecentlyUsed();
        }
        return run;
    }

    void remove(String channel) {
        PublisherRun run = runs.remove(channel);
        if (run != null) {
            instruments -= run.instruments().size();
        }
    }

    void clear() {
        runs.clear();
        instruments = 0;
    }

    private void evictLeastRecentlyUsed() {
        Iterator<Map.Entry<String, PublisherRun>> eldest = runs.entrySet().iterator();
        Map.Entry<String, PublisherRun> entry = eldest.next();
        eldest.remove();
        instruments -= entry.getValue().instruments().size();
        counters.channelsEvicted.increment();
        forgotten.accept(entry.getKey());
        long now = clock.millis();
        if (lastLogMillis == Long.MIN_VALUE || now - lastLogMillis >= LOG_INTERVAL_MILLIS) {
            lastLogMillis = now;
            LOG.warn("feed {}: channel limit reached, forgot the least recently used channel (its next message "
                    + "starts a new run, no GAP; logged at most every {} ms): channel={}, maxChannels={}, "
                    + "maxInstruments={}, evicted={}", source, LOG_INTERVAL_MILLIS, entry.getKey(), MAX_CHANNELS,
                    MAX_INSTRUMENTS, counters.channelsEvicted());
        }
    }
}
