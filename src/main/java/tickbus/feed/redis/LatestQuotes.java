package tickbus.feed.redis;

import java.util.HashMap;
import java.util.Map;
import tickbus.event.EventSink;
import tickbus.event.Quote;

/**
 * The latest quote of each instrument a worker decoded, handed to a subscriber that just arrived. Bounded: past
 * {@value #MAX_INSTRUMENTS} instruments, new ones get no snapshot (a publisher inventing symbols through a pattern
 * cannot grow memory). Not thread-safe: one per worker.
 */
final class LatestQuotes {

    static final int MAX_INSTRUMENTS = 100_000;

    private final Map<String, Quote> byInstrument = new HashMap<>();

    void remember(Quote quote) {
        if (byInstrument.size() < MAX_INSTRUMENTS || byInstrument.containsKey(quote.instrument())) {
            byInstrument.put(quote.instrument(), quote);
        }
    }

    /** Put the latest quote of {@code instrument}, if any, into {@code sink}. */
    void snapshot(String instrument, EventSink sink) {
        Quote latest = byInstrument.get(instrument);
        if (latest != null) {
            sink.accept(latest);
        }
    }

    void clear() {
        byInstrument.clear();
    }
}
