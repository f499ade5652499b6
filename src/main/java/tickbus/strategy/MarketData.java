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
     * Subscribe with a delivery choice: {@link Delivery#CONFLATED} hands a slow handler only the latest quote and
     * book, so it cannot make memory grow. Trades and statuses are never conflated away silently (a {@code GAP}
     * status says how many were skipped or coalesced when a strategy falls far behind), and order is kept: a status
     * or trade comes after the quotes that arrived before it.
     */
    Future<MarketDataSubscription> subscribe(String instrument, Set<EventKind> kinds, Delivery delivery,
            Handler<MarketEvent> handler);

    /** How events reach a handler. */
    enum Delivery {
        /** Each event. */
        EVERY,
        /**
         * The latest quote and book when the handler is ready, intermediate ones counted and skipped (the levels
         * that skipped book updates changed are folded into the update delivered); trades queued
         * as with {@link #EVERY} (a {@code GAP} status says how many were skipped if even that queue overflows).
         */
        CONFLATED
    }
}
