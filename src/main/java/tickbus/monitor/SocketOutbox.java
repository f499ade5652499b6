package tickbus.monitor;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.BooleanSupplier;

/**
 * What one browser socket is sent, with bounded memory. Frames go straight out while the bytes written and not
 * yet acknowledged stay under a limit; past it (a stalled tab, a slow link) only the latest frame per address is
 * kept, the older ones are counted as conflated, and the kept ones go out, oldest address first, as writes
 * complete. Memory per socket is at most the limit plus one frame per registered address.
 */
final class SocketOutbox {

    private final Function<Buffer, Future<Void>> writer;
    private final BooleanSupplier transportFull;
    private final int maxBacklogBytes;
    private final Map<String, Buffer> waiting = new LinkedHashMap<>();
    private long inFlightBytes;
    private long waitingBytes;
    private final LongAdder conflatedTotal;
    private long conflated;
    private long sent;
    private boolean closed;

    /**
     * @param writer writes one frame; its future completes when the transport has taken the bytes
     * @param transportFull whether the transport's own queue is full (polling transports queue before a request)
     */
    SocketOutbox(Function<Buffer, Future<Void>> writer, BooleanSupplier transportFull, int maxBacklogBytes,
            LongAdder conflatedTotal) {
        this.writer = writer;
        this.conflatedTotal = conflatedTotal;
        this.transportFull = transportFull;
        this.maxBacklogBytes = maxBacklogBytes;
    }

    /** Send a frame for {@code address}, or keep it as that address's latest while the socket is behind. */
    synchronized void offer(String address, Buffer frame) {
        if (closed) {
            return;
        }
        if (waiting.isEmpty() && hasRoomFor(frame)) {
            write(frame);
            return;
        }
        Buffer previous = waiting.remove(address);
        if (previous != null) {
            waitingBytes -= previous.length();
            conflated++;
            conflatedTotal.increment();
        }
        waiting.put(address, frame);
        waitingBytes += frame.length();
        drain();
    }

    synchronized void close() {
        closed = true;
        waiting.clear();
        waitingBytes = 0;
    }

    /** Frames replaced by a newer one for the same address before they could be sent. */
    synchronized long conflated() {
        return conflated;
    }

    synchronized long sent() {
        return sent;
    }

    /** Bytes held for this socket: written but unacknowledged, plus waiting. */
    synchronized long backlogBytes() {
        return inFlightBytes + waitingBytes;
    }

    private boolean hasRoomFor(Buffer frame) {
        return !transportFull.getAsBoolean()
                && (inFlightBytes == 0 || inFlightBytes + frame.length() <= maxBacklogBytes);
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
        while (!closed && !waiting.isEmpty()) {
            Map.Entry<String, Buffer> oldest = waiting.entrySet().iterator().next();
            Buffer next = oldest.getValue();
            if (!hasRoomFor(next)) {
                return;
            }
            waiting.remove(oldest.getKey());
            waitingBytes -= next.length();
            write(next);
        }
    }
}
