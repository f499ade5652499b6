package tickbus.sim;

/** Faults a {@link SimVenue} can be told to commit. Thread-safe. */
public final class SimFaults {

    private boolean silent;
    private boolean muted;
    private int connectRejections;
    private int duplicates;
    private int skips;

    /** Send nothing at all, not even heartbeats (a dead peer behind a live socket). */
    public synchronized void silent(boolean silent) {
        this.silent = silent;
    }

    public synchronized boolean silent() {
        return silent;
    }

    /** Send heartbeats but no data (connected but mute). */
    public synchronized void muted(boolean muted) {
        this.muted = muted;
    }

    public synchronized boolean muted() {
        return muted;
    }

    /** Refuse the next {@code count} connection attempts. */
    public synchronized void rejectConnections(int count) {
        connectRejections = count;
    }

    synchronized boolean takeConnectRejection() {
        if (connectRejections > 0) {
            connectRejections--;
            return true;
        }
        return false;
    }

    /** After the next batch, send its last {@code count} messages again. */
    public synchronized void duplicateNext(int count) {
        duplicates = count;
    }

    synchronized int takeDuplicates() {
        int count = duplicates;
        duplicates = 0;
        return count;
    }

    synchronized void skipNext() {
        skips++;
    }

    synchronized int takeSkip() {
        if (skips > 0) {
            skips--;
            return 1;
        }
        return 0;
    }
}
