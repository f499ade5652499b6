package tickbus.sim.itch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** What the ITCH simulator has seen, for tests and logs. Thread-safe. */
public final class ItchSimStats {

    final AtomicLong connections = new AtomicLong();
    final AtomicLong logins = new AtomicLong();
    final AtomicLong rejectedLogins = new AtomicLong();
    final AtomicLong clientHeartbeats = new AtomicLong();
    final AtomicLong resets = new AtomicLong();
    final List<String> loginRequests = new CopyOnWriteArrayList<>();

    /** TCP connections accepted. */
    public long connections() {
        return connections.get();
    }

    /** Logins answered with Login Accepted. */
    public long logins() {
        return logins.get();
    }

    /** Logins answered with Login Rejected. */
    public long rejectedLogins() {
        return rejectedLogins.get();
    }

    /** Client Heartbeat packets received. */
    public long clientHeartbeats() {
        return clientHeartbeats.get();
    }

    /** Connections reset by an injected fault. */
    public long resets() {
        return resets.get();
    }

    /** Every Login Request, as {@code session='NAME' sequence=N} (a blank session reads {@code session=''}). */
    public List<String> loginRequests() {
        return List.copyOf(loginRequests);
    }

    @Override
    public String toString() {
        return "ItchSimStats{connections=" + connections() + ", logins=" + logins() + ", rejectedLogins="
                + rejectedLogins() + ", clientHeartbeats=" + clientHeartbeats() + ", resets=" + resets() + "}";
    }
}
