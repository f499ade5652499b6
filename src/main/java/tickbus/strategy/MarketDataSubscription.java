package tickbus.strategy;

import io.vertx.core.Future;

/** One instrument's subscription; close it to release the demand. */
public interface MarketDataSubscription {

    String instrument();

    /** Events dropped because their (source, sequence) was already delivered. */
    long duplicatesDropped();

    /** Events skipped by conflation, statuses coalesced for a strategy that was behind included. */
    long conflated();

    /**
     * Unregisters and releases the demand; from the call on, the handler gets no event, not even one still queued for
     * a strategy that was behind. Idempotent.
     */
    Future<Void> close();
}
