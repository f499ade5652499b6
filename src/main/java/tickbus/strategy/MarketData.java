package tickbus.strategy;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import java.util.Set;
import tickbus.TickbusNode;
import tickbus.event.EventKind;
import tickbus.event.MarketEvent;

/**
 * The one way strategies receive market data, from any JVM language. Subscribing registers demand cluster-wide,
 * so the feed serving the instrument subscribes upstream; closing the last subscription releases it.
 * Duplicates (same source, sequence not increasing) are dropped; gaps and feed health arrive as
 * {@link tickbus.event.InstrumentStatus} events, always, whatever kinds were asked for.
 */
public interface MarketData {

    /** The client of a node started with {@link TickbusNode#start(Vertx)}, for a strategy without a name. */
    static MarketData create(Vertx vertx) {
        return create(vertx, "unnamed");
    }

    /** The client for the strategy {@code strategyName}: handler failures and blocked threads are reported under it. */
    static MarketData create(Vertx vertx, String strategyName) {
        return new EventBusMarketData(TickbusNode.of(vertx), Strategies.of(vertx).metrics(strategyName));
    }

    /** Every update, in order, on the caller's context. */
    default Future<MarketDataSubscription> subscribe(String instrument, Set<EventKind> kinds,
            Handler<MarketEvent> handler) {
        return subscribe(instrument, kinds, Delivery.EVERY, handler);
    }

    /**
     * Subscribe with a delivery choice: {@link Delivery#CONFLATED} hands a slow handler only the latest event of
     * each kind (status events are never conflated away), so it cannot make memory grow.
     */
    Future<MarketDataSubscription> subscribe(String instrument, Set<EventKind> kinds, Delivery delivery,
            Handler<MarketEvent> handler);

    /** How events reach a handler. */
    enum Delivery {
        /** Each event. */
        EVERY,
        /** The latest event per kind when the handler is ready; intermediate updates are counted and skipped. */
        CONFLATED
    }
}
