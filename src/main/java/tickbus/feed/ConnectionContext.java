package tickbus.feed;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.InstantSource;

/** What the engine gives a protocol's connection, on the feed's event loop. */
public interface ConnectionContext {

    Vertx vertx();

    FeedSettings settings();

    InstantSource clock();

    /** The next sequence number the engine expects (last processed + 1), or 0 before any was processed. */
    long resumeSequence();

    /** Any bytes arrived, heartbeats included; keeps the connection alive in the watchdog's eyes. */
    void bytesReceived(int count);

    /**
     * One complete data frame, framed on the event loop; decoding happens on a worker. {@code sequence} is the
     * transport sequence number, or 0 when the transport has none (the decoder may validate payload numbers).
     * The bytes are copied; the caller may reuse {@code source}.
     */
    void frame(long sequence, Buffer source, int offset, int length);

    /** The current read is complete: hand the frames gathered so far to the workers. */
    void endOfRead();

    /** The connection failed or was closed by the peer; the engine reconnects with backoff. */
    void connectionLost(String reason);

    /** The venue ended the session; the engine stops reconnecting. */
    void endOfSession(String reason);

    /**
     * The upstream session changed (e.g. a new session id): the engine publishes RESET, tells the decoders to
     * drop their state, and restarts sequence validation at {@code nextSequence}.
     */
    void sessionChanged(String reason, long nextSequence);
}
