package tickbus.monitor;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** The bridge's counters: open sockets, refused frames by kind and reason, updates conflated for slow sockets. */
final class BridgeStats {

    /** A refused frame's type and why. */
    record Denial(String kind, String reason) {
    }

    final AtomicInteger sockets = new AtomicInteger();
    final AtomicInteger registrations = new AtomicInteger();
    final LongAdder conflated = new LongAdder();
    final LongAdder unencodable = new LongAdder();
    private final Map<Denial, LongAdder> denials = new ConcurrentHashMap<>();

    void deny(String kind, String reason) {
        denials.computeIfAbsent(new Denial(kind, reason), k -> new LongAdder()).increment();
    }

    long denied(String kind, String reason) {
        LongAdder count = denials.get(new Denial(kind, reason));
        return count == null ? 0 : count.sum();
    }

    long deniedTotal() {
        return denials.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<Denial, Long> denials() {
        Map<Denial, Long> copy = new TreeMap<>((a, b) -> (a.kind() + a.reason()).compareTo(b.kind() + b.reason()));
        denials.forEach((denial, count) -> copy.put(denial, count.sum()));
        return copy;
    }
}
