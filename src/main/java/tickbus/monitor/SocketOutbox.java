package tickbus.monitor;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What one browser socket is sent, with bounded memory. Frames go straight out while the bytes written and not
 * yet acknowledged stay under a limit; past it (a stalled tab, a slow link) only the latest frame per address is
 * kept, unencoded, the older ones are counted as conflated, and the kept ones go out, oldest address first, as
 * writes complete. Memory per socket is at most the limit plus one frame, plus one pending frame per registered
 * address; a congested socket costs a map update per message, not an encoding.
 */
public final class SocketOutbox {

    private final Function<Buffer, Future<Void>> writer;
    private final BooleanSupplier transportFull;
    private final int maxBacklogBytes;
    private final LongAdder conflatedTotal;
    private final Map<String, Supplier<Buffer>> waiting = new LinkedHashMap<>();
    private long inFlightBytes;
    private long conflated;
    private long sent;
    private boolean closed;

    /**
     * @param writer writes one frame; its future completes when the transport has taken the bytes
     * @param transportFull whether the transport's own queue is full (polling transports queue before a request)
     */
    public SocketOutbox(Function<Buffer, Future<Void>> writer, BooleanSupplier transportFull, int maxBacklogBytes,
            LongAdder conflatedTotal) {
        this.writer = writer;
        this.transportFull = transportFull;
        this.maxBacklogBytes = maxBacklogBytes;
        this.conflatedTotal = conflatedTotal;
    }

    /** Send a frame for {@code address}, or keep it as that address's latest while the socket is behind. */
    public synchronized void offer(String address, Supplier<Buffer> frame) {
        if (closed) {
            return;
        }
        if (waiting.isEmpty() && hasRoom()) {
            write(frame.get());
            return;
        }
        if (waiting.remove(address) != null) {
            conflated++;
            conflatedTotal.increment();
        }
        waiting.put(address, frame);
        drain();
    }

    synchronized void close() {
        closed = true;
        waiting.clear();
    }

    /** Frames replaced by a newer one for the same address before they could be sent. */
    public synchronized long conflated() {
        return conflated;
    }

    synchronized long sent() {
        return sent;
    }

    /** Bytes written to the transport and not yet taken by it. */
    synchronized long inFlightBytes() {
        return inFlightBytes;
    }

    /** Addresses with a frame waiting (at most one each). */
    public synchronized int waitingFrames() {
        return waiting.size();
    }

    private boolean hasRoom() {
        return !transportFull.getAsBoolean() && inFlightBytes < maxBacklogBytes;
    }

    private void write(Buffer frame) {
        int length = frame.length();
        inFlightBytes += length;
        sent++;
        writer.apply(frame).onComplete(done -> written(length));
    }

    private synchronized void written(int length) {
        inFlightBytes -= length;
        drain();
    }

    /** Re-reads the map on every step: a write that completes at once (a closed socket) drains re-entrantly. */
    private void drain() {
        while (!closed && !waiting.isEmpty() && hasRoom()) {
            String oldest = waiting.keySet().iterator().next();
            write(waiting.remove(oldest).get());
        }
    }
}
