package tickbus.feed;

/**
 * The silence rules of a connected feed, checked on the feed's clock: nothing at all received for longer than
 * {@code heartbeatTimeoutMillis} while the engine reads (the connection is dead; while back-pressure holds the
 * reading, the silence is the engine's own), no data while LIVE and data is expected for longer than
 * {@code silenceThresholdMillis} (the feed is stale), an open gap not recovered within
 * {@code recoveryTimeoutMillis}. Pure bookkeeping: what to do about each is the listener's. Used on the feed's
 * event loop only.
 */
final class FeedWatchdog {

    /** What the feed does about a silence; each reason names the measured time and the limit. */
    interface Listener {

        void heartbeatTimedOut(String reason);

        void dataStopped(String reason);

        void recoveryOverdue(String reason);
    }

    private final FeedSettings settings;
    private final TransportSequencing sequencing;
    private final Listener listener;
    private long lastInboundMillis;
    private long lastDataMillis;
    private boolean readingPaused;

    FeedWatchdog(FeedSettings settings, TransportSequencing sequencing, Listener listener) {
        this.settings = settings;
        this.sequencing = sequencing;
        this.listener = listener;
    }

    /** A new connection: its silence is counted from now. */
    void connected(long nowMillis) {
        lastInboundMillis = nowMillis;
        lastDataMillis = nowMillis;
    }

    /** Bytes arrived, heartbeats included. */
    void inbound(long nowMillis) {
        lastInboundMillis = nowMillis;
    }

    /** Back-pressure stopped reading the connection. */
    void readingPaused() {
        readingPaused = true;
    }

    /** Reading resumed after back-pressure: the peer's silence counts again from now. */
    void readingResumed(long nowMillis) {
        if (readingPaused) {
            readingPaused = false;
            lastInboundMillis = nowMillis;
        }
    }

    /** Market data arrived. */
    void data(long nowMillis) {
        lastDataMillis = nowMillis;
    }

    /**
     * One check of the connected feed; a heartbeat timeout ends the check, since the connection goes. While no data
     * is expected (nothing subscribed from a source that sends only what is asked for) silence is by design: the
     * silence clock starts again when data is expected.
     */
    void check(long nowMillis, boolean live, boolean dataExpected) {
        long silentMillis = nowMillis - lastInboundMillis;
        if (!readingPaused && silentMillis > settings.heartbeatTimeoutMillis()) {
            listener.heartbeatTimedOut("heartbeat timeout: silentMillis=" + silentMillis + ", timeoutMillis="
                    + settings.heartbeatTimeoutMillis());
            return;
        }
        if (!dataExpected) {
            lastDataMillis = nowMillis;
        }
        long mutedMillis = nowMillis - lastDataMillis;
        if (live && mutedMillis > settings.silenceThresholdMillis()) {
            listener.dataStopped("no data for " + mutedMillis + " ms; silenceThresholdMillis="
                    + settings.silenceThresholdMillis());
        }
        if (sequencing.recoveryOverdue(nowMillis, settings.recoveryTimeoutMillis())) {
            listener.recoveryOverdue("gap " + sequencing.recovery().describe()
                    + " not recovered within recoveryTimeoutMillis=" + settings.recoveryTimeoutMillis());
        }
    }
}
