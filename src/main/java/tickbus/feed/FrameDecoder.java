package tickbus.feed;

import io.vertx.core.buffer.Buffer;

/** Decodes and normalizes frames on a parser worker. One instance per worker; never shared between threads. */
public interface FrameDecoder {

    /**
     * Decode one frame at {@code frames[offset, offset + length)} and put the resulting events into
     * {@link DecoderContext#sink()}. Throw a {@link tickbus.protocol.ProtocolException} for bad input (an
     * {@link InputProblem} for input handled and counted): the worker counts it by kind and goes on with the next
     * frame.
     */
    void decode(long sequence, long receiveTimeNanos, Buffer frames, int offset, int length);

    /**
     * Put the current state of {@code instrument} (latest quote, book snapshot, status) into {@code sink}, for a
     * subscriber that just arrived. Runs on the worker between frames, so it is consistent with the stream.
     */
    default void snapshot(String instrument, tickbus.event.EventSink sink) {
    }

    /**
     * A hint that the frame is decoded soon: the worker announces a few frames before decoding them, so a decoder
     * can load what they will look up (an order table slot, say) and the cache misses of several frames overlap
     * instead of coming one after another. Must not change any state, and must not throw, whatever the bytes.
     */
    default void prefetch(Buffer frames, int offset, int length) {
    }

    /**
     * The worker decoded every frame of one batch. Counters kept per frame can be published here, once per batch,
     * instead of with an atomic operation per frame.
     */
    default void endOfBatch() {
    }

    /** The upstream session changed: forget all state (books, maps). */
    default void reset() {
    }
}
