package tickbus.bridge;

import java.util.concurrent.atomic.LongAdder;

/** What the TCP bridge did: connections, registrations, messages delivered and dropped, frames denied or invalid. */
public final class TcpBridgeMetrics {

    private final LongAdder connections = new LongAdder();
    private final LongAdder registrations = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder denied = new LongAdder();
    private final LongAdder invalidFrames = new LongAdder();
    private final LongAdder readPauses = new LongAdder();

    /** Connections open now. */
    public long connections() {
        return connections.sum();
    }

    /** Registrations held now, over all connections. */
    public long registrations() {
        return registrations.sum();
    }

    public long delivered() {
        return delivered.sum();
    }

    /** Messages dropped because a client's socket write queue was full. */
    public long dropped() {
        return dropped.sum();
    }

    public long denied() {
        return denied.sum();
    }

    public long invalidFrames() {
        return invalidFrames.sum();
    }

    /** Times a client's requests stopped being read because its replies filled its socket write queue. */
    public long readPauses() {
        return readPauses.sum();
    }

    void readPaused() {
        readPauses.increment();
    }

    void connected() {
        connections.increment();
    }

    void disconnected() {
        connections.decrement();
    }

    void registered() {
        registrations.increment();
    }

    void unregistered() {
        registrations.decrement();
    }

    void countDelivered() {
        delivered.increment();
    }

    void countDropped() {
        dropped.increment();
    }

    void countDenied() {
        denied.increment();
    }

    void invalidFrame() {
        invalidFrames.increment();
    }
}
