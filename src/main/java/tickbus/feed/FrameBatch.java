package tickbus.feed;

import io.vertx.core.buffer.Buffer;

/**
 * Frames handed from a feed's event loop to one parser worker in a single task. Layout per frame:
 *
 * <pre>
 *  0               4                       12                      20
 *  +---------------+-----------------------+-----------------------+-------------------+
 *  | length (int)  | sequence (long)       | receive time ns (long)| frame bytes ...   |
 *  +---------------+-----------------------+-----------------------+-------------------+
 * </pre>
 *
 * A batch with {@code reset} set carries no frames and tells the decoder to drop its state.
 */
record FrameBatch(Buffer bytes, int frameCount, boolean reset) {

    static final int HEADER_BYTES = 20;

    static FrameBatch resetMarker() {
        return new FrameBatch(Buffer.buffer(0), 0, true);
    }
}
