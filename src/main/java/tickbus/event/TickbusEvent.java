package tickbus.event;

import io.vertx.core.json.JsonObject;

/**
 * Everything tickbus publishes. Records, immutable, safe to share between verticles.
 * Sequence numbers are per source: consumers detect loss and duplicates from (source, sequence).
 */
public sealed interface TickbusEvent permits MarketEvent, FeedStatus {

    /** The feed that produced the event, e.g. {@code itch-xnas}. */
    String source();

    /** The venue, a MIC where one exists, e.g. {@code XNAS}. */
    String venue();

    /** Per-source sequence number. */
    long sequence();

    /** Venue timestamp, nanoseconds since the epoch (receive time where the venue gives none). */
    long exchangeTimeNanos();

    /** When tickbus received the bytes, nanoseconds since the epoch. */
    long receiveTimeNanos();

    /** The canonical JSON form, used by bridges, recordings and non-JVM clients. */
    JsonObject toJson();
}
