package tickbus.strategy;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tickbus.Addresses;
import tickbus.event.EventKind;
import tickbus.event.MarketEvent;

/**
 * Everything a strategy needs, the same object in Java, Kotlin, Groovy and JavaScript: its name and config, the
 * {@link MarketData} client, and its output address {@code tickbus.strategy.<name>}. Subscriptions made through it
 * are closed (and their demand released) when the strategy is undeployed.
 */
public final class StrategyContext {

    private final Vertx vertx;
    private final String name;
    private final JsonObject config;
    private final MarketData marketData;
    /** Guarded by this, as are the fields below. */
    private final List<MarketDataSubscription> subscriptions = new ArrayList<>();
    /** Subscriptions asked for and not yet complete: {@link #close()} waits for them and closes them too. */
    private final List<Future<MarketDataSubscription>> subscribing = new ArrayList<>();
    private Future<Void> closed;

    private StrategyContext(Vertx vertx, String name, JsonObject config) {
        this.vertx = vertx;
        this.name = name;
        this.config = config;
        this.marketData = MarketData.create(vertx, name);
    }

    /**
     * The context of the strategy deployed on the current Vert.x context; its name is {@code config.name}, else
     * {@code defaultName}.
     */
    public static StrategyContext of(Vertx vertx, String defaultName) {
        Context context = vertx.getOrCreateContext();
        JsonObject config = context.config() == null ? new JsonObject() : context.config();
        Object configured = config.getValue("name", defaultName);
        if (!(configured instanceof String name) || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("strategy name must be 1 to 64 of [A-Za-z0-9._-]: config.name="
                    + configured);
        }
        StrategyContext strategy = new StrategyContext(vertx, name, config);
        if (context instanceof ContextInternal internal && internal.isDeployment()) {
            internal.addCloseHook(completion -> strategy.close().onComplete(completion));
        }
        return strategy;
    }

    public String name() {
        return name;
    }

    public JsonObject config() {
        return config;
    }

    public Vertx vertx() {
        return vertx;
    }

    public MarketData marketData() {
        return marketData;
    }

    public StrategyMetrics metrics() {
        return Strategies.of(vertx).metrics(name);
    }

    /** {@code tickbus.strategy.<name>}. */
    public String outputAddress() {
        return Addresses.strategyOutput(name);
    }

    /** Event kinds by name ({@code "quote"}, {@code "trade"}, {@code "book"}, {@code "status"}). */
    public Set<EventKind> kinds(String... names) {
        Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        for (String kindName : names) {
            EventKind kind = EventKind.fromSegment(kindName);
            if (kind == null) {
                throw new IllegalArgumentException("unknown event kind: kind=" + kindName
                        + ", expected one of [quote, trade, book, status]");
            }
            kinds.add(kind);
        }
        return kinds;
    }

    /** Every update of {@code kinds} (status events always) for one instrument. */
    public Future<MarketDataSubscription> subscribe(String instrument, Set<EventKind> kinds,
            Handler<MarketEvent> handler) {
        return subscribe(instrument, kinds, MarketData.Delivery.EVERY, handler);
    }

    public synchronized Future<MarketDataSubscription> subscribe(String instrument, Set<EventKind> kinds,
            MarketData.Delivery delivery, Handler<MarketEvent> handler) {
        if (closed != null) {
            return Future.failedFuture(new IllegalStateException("strategy closed: strategy=" + name
                    + ", instrument=" + instrument));
        }
        Future<MarketDataSubscription> subscription = marketData.subscribe(instrument, kinds, delivery, handler)
                .compose(this::adopt);
        subscribing.add(subscription);
        subscription.onComplete(done -> forget(subscription));
        return subscription;
    }

    /** Keep a new subscription, or close it at once when the strategy closed while it was being made. */
    private synchronized Future<MarketDataSubscription> adopt(MarketDataSubscription subscription) {
        if (closed == null) {
            subscriptions.add(subscription);
            return Future.succeededFuture(subscription);
        }
        return subscription.close().transform(done -> Future.failedFuture(new IllegalStateException(
                "strategy closed while subscribing: strategy=" + name + ", instrument=" + subscription.instrument())));
    }

    private synchronized void forget(Future<MarketDataSubscription> subscription) {
        subscribing.remove(subscription);
    }

    /**
     * Subscribe every instrument to the same handler; completes when all are registered. An instrument listed twice
     * fails it before any subscription (each of its events would reach the handler twice).
     */
    public Future<Void> subscribeAll(List<String> instruments, Set<EventKind> kinds, MarketData.Delivery delivery,
            Handler<MarketEvent> handler) {
        Set<String> distinct = new HashSet<>();
        for (String instrument : instruments) {
            if (!distinct.add(instrument)) {
                return Future.failedFuture(new IllegalArgumentException(
                        "instrument listed twice, its events would reach the handler twice: instrument=" + instrument));
            }
        }
        List<Future<MarketDataSubscription>> pending = new ArrayList<>();
        for (String instrument : instruments) {
            pending.add(subscribe(instrument, kinds, delivery, handler));
        }
        return Future.all(pending).mapEmpty();
    }

    /** Publish what the strategy computed at {@link #outputAddress()}. */
    public void publish(JsonObject output) {
        vertx.eventBus().publish(outputAddress(), output);
    }

    /** Publish a map (a Groovy map literal, a JavaScript object) as JSON at {@link #outputAddress()}. */
    public void publish(Map<String, ?> output) {
        publish(new JsonObject(new java.util.LinkedHashMap<>(output)).copy());
    }

    /** Closes every subscription and releases its demand; idempotent. */
    public synchronized Future<Void> close() {
        if (closed == null) {
            List<Future<?>> closing = new ArrayList<>();
            subscriptions.forEach(subscription -> closing.add(subscription.close()));
            // A subscription still being made completes only after adopt() closed it.
            subscribing.forEach(subscription -> closing.add(subscription.recover(failed -> Future.succeededFuture())));
            subscriptions.clear();
            closed = Future.join(closing).mapEmpty();
        }
        return closed;
    }
}
