package tickbus.sim.itch;

import java.util.Collection;
import java.util.TreeSet;

/**
 * Faults the ITCH simulator commits when it gets there: each is used once. Thread-safe; the simulator reads it on
 * its event loop, tests set it from anywhere.
 */
public final class ItchSimFaults {

    private final TreeSet<Long> resetOffsets = new TreeSet<>();
    private int loginRejections;
    private byte rejectReasonCode;
    private int duplicatesOnNextLogin;

    /**
     * Reset the connection (TCP RST) when the stream of Sequenced Data packets reaches each of these byte offsets
     * (counted from the session's first packet, so the same offset cuts the same packet whoever is connected).
     */
    public synchronized void resetAtStreamOffsets(Collection<Long> offsets) {
        resetOffsets.addAll(offsets);
    }

    /** Resets not yet committed. */
    public synchronized int pendingResets() {
        return resetOffsets.size();
    }

    /** Answer the next {@code count} logins with Login Rejected and this reason code ('A' or 'S'). */
    public synchronized void rejectNextLogins(int count, byte reasonCode) {
        loginRejections = count;
        rejectReasonCode = reasonCode;
    }

    /**
     * Start the next accepted login that resumes (asks for a later message than the session's first) {@code messages}
     * earlier than asked, so the client receives them again.
     */
    public synchronized void duplicateOnNextResume(int messages) {
        duplicatesOnNextLogin = messages;
    }

    /** The first reset offset at or after {@code from}, or -1. */
    synchronized long nextResetOffset(long from) {
        Long next = resetOffsets.ceiling(from);
        return next == null ? -1 : next;
    }

    synchronized void resetCommitted(long offset) {
        resetOffsets.remove(offset);
    }

    /** The reject code for this login, or 0 to let it through. */
    synchronized byte takeLoginRejection() {
        if (loginRejections == 0) {
            return 0;
        }
        loginRejections--;
        return rejectReasonCode;
    }

    synchronized int takeDuplicates() {
        int count = duplicatesOnNextLogin;
        duplicatesOnNextLogin = 0;
        return count;
    }
}
