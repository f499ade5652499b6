package tickbus.monitor;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tickbus.Addresses;
import tickbus.TickbusNode;
import tickbus.event.EventKind;
import tickbus.strategy.MarketData;
import tickbus.strategy.MarketDataSubscription;

/**
 * The instrument peek: answers requests on {@code tickbus.monitor.peek} (search known instruments, describe one),
 * and while browsers watch {@code tickbus.monitor.peek.<instrument>} holds a subscription to it (demand, so the
 * feed subscribes upstream) and publishes its view there, conflated to a maximum rate. Runs on one context.
 */
final class PeekService implements BridgeGuard.PeekWatchers {

    private static final Logger LOG = LoggerFactory.getLogger(PeekService.class);
    private static final int MAX_KNOWN = 1_000;
    private static final int MAX_SEARCH_RESULTS = 20;

    private final Vertx vertx;
    private final Context context;
    private final TickbusNode node;
    private final int maxTrades;
    private final long intervalMillis;
    private final Map<String, Watched> watched = new HashMap<>();
    private final Set<String> known = new LinkedHashSet<>();
    private final tickbus.demand.DemandListener demandListener;
    private MessageConsumer<Object> requests;
    private long timer = -1;

    private static final class Watched {
        final InstrumentPeek peek;
        int watchers;
        Future<MarketDataSubscription> subscription;

        Watched(InstrumentPeek peek) {
            this.peek = peek;
        }
    }

    PeekService(Vertx vertx, Context context, TickbusNode node, int maxTrades, int maxUpdatesPerSecond) {
        this.vertx = vertx;
        this.context = context;
        this.node = node;
        this.maxTrades = maxTrades;
        this.intervalMillis = Math.max(1, 1000 / maxUpdatesPerSecond);
        this.demandListener = (instrument, demanded) -> context.runOnContext(v -> remember(instrument));
    }

    Future<Void> start() {
        node.demand().addListener(demandListener);
        node.demand().demanded().forEach(this::remember);
        requests = vertx.eventBus().consumer(Addresses.MONITOR_PEEK, this::request);
        timer = vertx.setPeriodic(intervalMillis, id -> publishChanged());
        return requests.completion();
    }

    Future<Void> stop() {
        node.demand().removeListener(demandListener);
        vertx.cancelTimer(timer);
        watched.values().forEach(w -> w.subscription.onSuccess(MarketDataSubscription::close));
        watched.clear();
        return requests == null ? Future.succeededFuture() : requests.unregister();
    }

    @Override
    public void watch(String instrument) {
        context.runOnContext(v -> {
            Watched entry = watched.computeIfAbsent(instrument, i -> new Watched(new InstrumentPeek(i, maxTrades)));
            if (entry.watchers++ == 0) {
                remember(instrument);
                entry.subscription = MarketData.create(vertx).subscribe(instrument,
                        EnumSet.of(EventKind.QUOTE, EventKind.TRADE), entry.peek::accept)
                        .onFailure(e -> LOG.warn("peek subscription failed: instrument={}, error={}", instrument,
                                e.getMessage()));
            }
        });
    }

    @Override
    public void unwatch(String instrument) {
        context.runOnContext(v -> {
            Watched entry = watched.get(instrument);
            if (entry != null && --entry.watchers == 0) {
                watched.remove(instrument);
                entry.subscription.onSuccess(MarketDataSubscription::close);
            }
        });
    }

    /** Instruments with a peek subscription open. */
    int watchedCount() {
        return watched.size();
    }

    private void request(Message<Object> message) {
        PeekRequest request;
        try {
            request = PeekRequest.parse(message.body());
        } catch (IllegalArgumentException e) {
            message.fail(400, e.getMessage());
            return;
        }
        if (request.op() == PeekRequest.Op.SEARCH) {
            message.reply(new JsonObject().put("instruments", search(request.argument())));
            return;
        }
        String instrument = request.argument();
        Watched entry = watched.get(instrument);
        JsonObject view = entry == null ? new InstrumentPeek(instrument, maxTrades).toJson() : entry.peek.toJson();
        message.reply(view.put("address", Addresses.monitorPeek(instrument)).put("watched", entry != null));
    }

    private JsonArray search(String prefix) {
        Set<String> matches = new TreeSet<>();
        for (String instrument : known) {
            String upper = instrument.toUpperCase(java.util.Locale.ROOT);
            if (upper.startsWith(prefix) || upper.substring(upper.indexOf(':') + 1).startsWith(prefix)) {
                matches.add(instrument);
            }
        }
        return new JsonArray(matches.stream().limit(MAX_SEARCH_RESULTS).toList());
    }

    private void remember(String instrument) {
        known.remove(instrument);
        known.add(instrument);
        if (known.size() > MAX_KNOWN) {
            known.remove(known.iterator().next());
        }
    }

    private void publishChanged() {
        watched.forEach((instrument, entry) -> {
            if (entry.peek.takeChanged()) {
                vertx.eventBus().publish(Addresses.monitorPeek(instrument), entry.peek.toJson());
            }
        });
    }
}
