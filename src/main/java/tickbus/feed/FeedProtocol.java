package tickbus.feed;

import io.vertx.core.Future;

/**
 * A market-data protocol plugged into the feed engine. The engine owns the state machine, reconnects,
 * backoff, circuit breaker, watchdog, sequence validation and subscriptions; the protocol owns the wire.
 */
public interface FeedProtocol {

    /**
     * Open one connection and log in, on the feed's event loop. The future completes when subscriptions may be
     * issued, and fails with the reason (e.g. login rejected) otherwise.
     */
    Future<FeedConnection> connect(ConnectionContext context);

    /** A decoder for one parser worker; called once per worker, on that worker. */
    FrameDecoder newDecoder(DecoderContext context);

    /**
     * The transport sequence number the first connection asks to start from, validated by the engine: a source
     * starting later shows as a gap, never as silent loss. 0 (the default) accepts whatever the source sends first.
     */
    default long firstSequence() {
        return 0;
    }

    /**
     * Whether the source sends everything whether or not anything is subscribed (ITCH, the simulated venue): its
     * data silence always counts. Otherwise (the default: a source that sends only what was asked for) a feed
     * nobody subscribes to receives nothing by design, and silence counts only while subscriptions are wanted.
     */
    default boolean firehose() {
        return false;
    }

    /** How a gap in transport sequence numbers is handled. */
    default GapPolicy gapPolicy() {
        return GapPolicy.REPLAY;
    }

    /** {@link #shardOf} for a frame every shard must see (a market-wide message). */
    int ALL_SHARDS = -1;

    /**
     * The worker shard for a frame, in {@code [0, shards)}, keeping each instrument on one shard, or
     * {@link #ALL_SHARDS}. The default sends everything to shard 0 (order per connection).
     */
    default int shardOf(io.vertx.core.buffer.Buffer frames, int offset, int length, int shards) {
        return 0;
    }

    /** What the engine does when sequence numbers skip. */
    enum GapPolicy {
        /** Drop what follows the gap and have the protocol replay from the first missing number. */
        REPLAY,
        /** The source cannot replay: report the gap and its size, then continue after it. */
        ACCEPT_LOSS
    }
}
