package tickbus.sim.fixml;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The faults the simulated server will commit, in order, one per poll: a status fault on the next poll that
 * arrives, a body fault on the next answer written. Thread-safe.
 */
public final class FixmlSimFaults {

    private final ArrayDeque<SimFault> queue = new ArrayDeque<>();
    private long committed;

    public synchronized void add(SimFault fault) {
        queue.addLast(fault);
    }

    public synchronized void addAll(List<SimFault> faults) {
        queue.addAll(faults);
    }

    /** Faults not committed yet. */
    public synchronized int pending() {
        return queue.size();
    }

    public synchronized long committed() {
        return committed;
    }

    public synchronized void clear() {
        queue.clear();
    }

    synchronized SimFault takeStatusFault() {
        SimFault next = queue.peekFirst();
        return next != null && next.isStatus() ? take() : null;
    }

    /** The next body fault; a {@code REPLACE_BODY} only for an answer that carries positions. */
    synchronized SimFault takeBodyFault(boolean carriesPositions) {
        SimFault next = queue.peekFirst();
        if (next == null || next.isStatus() || next.kind() == SimFault.Kind.REPLACE_BODY && !carriesPositions) {
            return null;
        }
        return take();
    }

    private SimFault take() {
        committed++;
        return queue.removeFirst();
    }
}
