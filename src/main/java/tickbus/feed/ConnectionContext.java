package tickbus.feed;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.InstantSource;

/**
 * What the engine gives a protocol's connection, on the feed's event loop: one per connection attempt. Once the
 * engine gives the attempt up (its connect timed out or failed, its connection was dropped, the feed is stopping),
 * everything reported through it is ignored.
 */
public interface ConnectionContext {

    Vertx vertx();

    FeedSettings settings();

    InstantSource clock();

    /**
     * The next sequence number the engine expects (last processed + 1); before any was processed the protocol's
     * {@link FeedProtocol#firstSequence()}.
     */
    long resumeSequence();

    /** Any bytes arrived, heartbeats included; keeps the connection alive in the watchdog's eyes. */
    void bytesReceived(int count);

    /**
     * One complete data frame, framed on the event loop; decoding happens on a worker. {@code sequence} is the
     * transport sequence number, or 0 when the transport has none (the decoder may validate payload numbers).
     * The bytes are copied; the caller may reuse {@code source}.
     */
    default void frame(long sequence, Buffer source, int offset, int length) {
        frame(sequence, sequence, source, offset, length);
    }

    /**
     * One frame that carries the consecutive transport sequence numbers {@code firstSequence..lastSequence} (a
     * long-poll document answering a cursor range, say), validated as a whole: processed when
     * {@code firstSequence} is the next expected number, dropped as a duplicate when it is below it (a frame that
     * overlaps processed numbers cannot be split), a gap when it is above. The decoder receives
     * {@code firstSequence}.
     */
    void frame(long firstSequence, long lastSequence, Buffer source, int offset, int length);

    /**
     * A frame the connection made itself (a channel no longer heard, say): handed to the decoder in stream order
     * like a data frame, but no data, so it neither ends a silence nor counts as a frame. Copied like one.
     */
    void notice(Buffer source, int offset, int length);

    /** The current read is complete: hand the frames gathered so far to the workers. */
    void endOfRead();

    /**
     * Run {@code action} on this event loop once every frame handed over so far has been decoded and its events
     * published: the moment a source may record them as done (a checkpoint a restarted feed resumes after).
     */
    void afterPublished(Runnable action);

    /**
     * The venue asked not to be contacted again for {@code delayMillis} (HTTP {@code Retry-After}): the next
     * connection attempt, scheduled after a failed connect or {@link #connectionLost}, waits at least that long.
     */
    void retryAfter(long delayMillis);

    /**
     * The venue made an instrument that was subscribed unreadable (a Redis stream key overwritten with another
     * type, say) and the connection has stopped reading it: its subscription is FAILED permanently, not retried,
     * and SUBSCRIPTION_FAILED is published with {@code reason}. The connection itself carries on.
     */
    void subscriptionRefused(String instrument, String reason);

    /**
     * The source will never send {@code from..to} (a first login answered later than it asked: the server no longer
     * holds them). Whatever the gap policy, the engine counts and reports the loss and goes on after it.
     */
    void sequencesLost(long from, long to);

    /** The connection failed or was closed by the peer; the engine reconnects with backoff. */
    void connectionLost(String reason);

    /**
     * The connection was given up for a reason worth counting apart from an ordinary loss (a protocol error, say):
     * as {@link #connectionLost(String)}, the disconnect counted under {@code kind} instead of {@code peer}.
     */
    default void connectionLost(String reason, String kind) {
        connectionLost(reason);
    }

    /** The venue ended the session; the engine stops reconnecting. */
    void endOfSession(String reason);

    /**
     * The upstream session changed (e.g. a new session id): the engine publishes RESET, tells the decoders to
     * drop their state, and restarts sequence validation at {@code nextSequence}.
     */
    void sessionChanged(String reason, long nextSequence);
}
