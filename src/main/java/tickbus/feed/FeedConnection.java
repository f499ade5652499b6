package tickbus.feed;

import io.vertx.core.Future;

/** One live connection of a protocol, used only on the feed's event loop. */
public interface FeedConnection {

    /** Subscribe upstream; completes when the venue confirmed. Fail with {@link SubscriptionException}. */
    Future<Void> subscribe(String instrument);

    /** Unsubscribe upstream; completes when the venue confirmed. */
    Future<Void> unsubscribe(String instrument);

    /**
     * Ask the venue to send everything again from {@code from} on. Completes when the request was made; the
     * engine then waits for the numbers to arrive. The default cannot, and the engine reconnects from
     * {@code from} instead.
     */
    default Future<Void> replay(long from) {
        return Future.failedFuture("replay not supported: from=" + from);
    }

    /** Called by the engine's watchdog; send client heartbeats or keep-alive pings here. */
    default void tick(long nowMillis) {
    }

    /** Stop reading (the parser is behind); {@link #resume()} starts again. */
    void pause();

    void resume();

    /**
     * Close gracefully: log out where the protocol has a logout, cancel any receive in flight, close the
     * socket. Completes when everything is released.
     */
    Future<Void> close();

    /** Close at once, without a logout (after a failure). */
    void abort();
}
