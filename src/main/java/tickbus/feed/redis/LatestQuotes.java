package tickbus.feed.redis;

import java.util.HashMap;
import java.util.Map;
import tickbus.event.EventSink;
import tickbus.event.Quote;

/**
 * The latest quote of each instrument a worker decoded, handed to a subscriber that just arrived, and the channel
 * it came on: once the feed stops listening to that channel (pub/sub drops what nobody subscribes to), the quote is
 * forgotten rather than handed to a later subscriber as the instrument's state. Bounded: past
 * {@value #MAX_INSTRUMENTS} instruments, new ones get no snapshot (a publisher inventing symbols through a pattern
 * cannot grow memory). Not thread-safe: one per worker.
 */
final class LatestQuotes {

    static final int MAX_INSTRUMENTS = 100_000;

    private final Map<String, Quote> byInstrument = new HashMap<>();
    private final Map<String, String> channelOf = new HashMap<>();

    void remember(Quote quote, String channel) {
        if (byInstrument.size() < MAX_INSTRUMENTS || byInstrument.containsKey(quote.instrument())) {
            byInstrument.put(quote.instrument(), quote);
            channelOf.put(quote.instrument(), channel);
        }
    }

    /** Put the latest quote of {@code instrument}, if any, into {@code sink}. */
    void snapshot(String instrument, EventSink sink) {
        Quote latest = byInstrument.get(instrument);
        if (latest != null) {
            sink.accept(latest);
        }
    }

    /** Forget the quotes last heard on {@code channel}: nothing more will be heard there. */
    void forgetChannel(String channel) {
        channelOf.entrySet().removeIf(entry -> {
            boolean heardThere = entry.getValue().equals(channel);
            if (heardThere) {
                byInstrument.remove(entry.getKey());
            }
            return heardThere;
        });
    }

    void clear() {
        byInstrument.clear();
        channelOf.clear();
    }
}
