package tickbus.feed.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tickbus.Addresses;
import tickbus.TickbusNode;
import tickbus.event.BookUpdate;
import tickbus.event.EventKind;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.event.MarketEvent;
import tickbus.event.Trade;
import tickbus.feed.FeedSettings;
import tickbus.feed.FeedVerticle;
import tickbus.sim.fixml.FixmlSimServer;
import tickbus.sim.fixml.FixmlSimSettings;
import tickbus.testing.Await;
import tickbus.testing.FeedHarness;

/**
 * A feed with {@code "protocol": "http"} against a simulated FIXML server on loopback, with raw event-bus
 * consumers per instrument (no duplicate filtering, so a duplicate would show) and the demand that makes the feed
 * publish. Instruments are {@code XFIX:SIM001}, {@code XFIX:SIM002}, ...
 */
final class HttpFeedFixture implements AutoCloseable {

    static final String VENUE = "XFIX";

    final FeedHarness harness = new FeedHarness();
    final FixmlSimServer server;
    final int port;
    private final Map<String, List<MarketEvent>> events = new ConcurrentHashMap<>();
    private final Context listeners = harness.vertx.getOrCreateContext();
    HttpFeedProtocol protocol;
    FeedVerticle feed;

    HttpFeedFixture(FixmlSimSettings simulator) {
        // A restart listens again on the same port: keep it out of the ephemeral range, where an outgoing
        // connection (even the feed's own reconnect) could take it while the server is down.
        FixmlSimSettings settings = simulator.port() == 0 ? simulator.withPort(tickbus.testing.FreePorts.stable())
                : simulator;
        server = new FixmlSimServer(harness.vertx, settings, harness.clock);
        port = Await.result(server.start());
    }

    /** Fast test timings: waitMillis 100, idle 250, deadline 1500; {@code settings} and {@code feed} override. */
    FeedVerticle deploy(JsonObject settings, JsonObject feedOverrides) {
        JsonObject http = new JsonObject().put("baseUrl", "http://127.0.0.1:" + port).put("waitMillis", 100)
                .put("idleTimeoutMillis", 250).put("pollTimeoutMillis", 1_500).put("connectTimeoutMillis", 500)
                .mergeIn(settings, true);
        FeedSettings feedSettings = harness.settings(new JsonObject().put("venue", VENUE).put("protocol", "http")
                .put("settings", http).mergeIn(feedOverrides, true));
        protocol = (HttpFeedProtocol) new HttpFeedProtocolProvider().create(feedSettings, "config.settings");
        feed = harness.deploy(feedSettings, protocol);
        return feed;
    }

    FeedVerticle deploy(JsonObject settings) {
        return deploy(settings, new JsonObject());
    }

    /**
     * Listens to every kind of event of {@code instrument}, then demands it. The consumers share one context, so
     * events arrive in the order the feed published them, across addresses.
     */
    void follow(String instrument) {
        List<MarketEvent> received = events.computeIfAbsent(instrument, k -> new CopyOnWriteArrayList<>());
        Promise<Void> registered = Promise.promise();
        listeners.runOnContext(v -> {
            List<Future<Void>> completions = new ArrayList<>();
            for (EventKind kind : EventKind.values()) {
                completions.add(harness.vertx.eventBus().<MarketEvent>consumer(Addresses.marketData(kind, instrument),
                        message -> received.add(message.body())).completion());
            }
            Future.all(completions).<Void>mapEmpty().onComplete(registered);
        });
        Await.result(registered.future());
        Await.result(TickbusNode.of(harness.vertx).demand().acquire(instrument));
    }

    void unfollow(String instrument) {
        Await.result(TickbusNode.of(harness.vertx).demand().release(instrument));
    }

    List<MarketEvent> events(String instrument) {
        return events.getOrDefault(instrument, List.of());
    }

    /** Sequences of the level updates and trades received, in arrival order: one per incremental entry. */
    List<Long> updateSequences(String instrument) {
        return updateSequencesAfter(instrument, null);
    }

    /** As {@link #updateSequences}, counting only what arrived after {@code marker} (null: everything). */
    List<Long> updateSequencesAfter(String instrument, MarketEvent marker) {
        List<MarketEvent> received = List.copyOf(events(instrument));
        int from = marker == null ? 0 : received.indexOf(marker) + 1;
        List<Long> sequences = new ArrayList<>();
        for (MarketEvent event : received.subList(from, received.size())) {
            if (event instanceof Trade || event instanceof BookUpdate update && !update.snapshot()) {
                sequences.add(event.sequence());
            }
        }
        return sequences;
    }

    List<BookUpdate> snapshots(String instrument) {
        List<BookUpdate> snapshots = new ArrayList<>();
        for (MarketEvent event : events(instrument)) {
            if (event instanceof BookUpdate update && update.snapshot()) {
                snapshots.add(update);
            }
        }
        return snapshots;
    }

    List<InstrumentStatus> statuses(String instrument, InstrumentState state) {
        List<InstrumentStatus> statuses = new ArrayList<>();
        for (MarketEvent event : events(instrument)) {
            if (event instanceof InstrumentStatus status && status.state() == state) {
                statuses.add(status);
            }
        }
        return statuses;
    }

    /** Positions of the server's current log in {@code (after, head]} holding incremental updates of the symbol. */
    List<Long> incrementPositions(String symbol, long after) {
        List<Long> positions = new ArrayList<>();
        for (long position = after + 1; position <= server.head(); position++) {
            if (server.incrementAt(position) != null && server.symbolAt(position).equals(symbol)) {
                positions.add(position);
            }
        }
        return positions;
    }

    /** Waits until the feed published, after {@code marker}, the update at {@code position} of {@code instrument}. */
    void awaitUpdate(String instrument, MarketEvent marker, long position) {
        Await.until(instrument + " through position " + position, Duration.ofSeconds(20),
                () -> updateSequencesAfter(instrument, marker).contains(position),
                () -> "received " + updateSequences(instrument).size() + " updates; states " + harness.describeStates()
                        + "; failures " + protocol.counters().failures());
    }

    static String instrument(String symbol) {
        return VENUE + ":" + symbol;
    }

    @Override
    public void close() {
        harness.close();
    }
}
