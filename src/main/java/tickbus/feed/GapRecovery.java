package tickbus.feed;

/**
 * An open gap of transport sequence numbers {@code from..to}, when its recovery started, and the highest number
 * dropped while it was open: the gap is healed when the stream has caught up past both.
 */
final class GapRecovery {

    private final long from;
    private final long to;
    private final long startedMillis;
    private long highestDropped;

    GapRecovery(long from, long to, long startedMillis) {
        this.from = from;
        this.to = to;
        this.startedMillis = startedMillis;
        this.highestDropped = to + 1;
    }

    long from() {
        return from;
    }

    long to() {
        return to;
    }

    long startedMillis() {
        return startedMillis;
    }

    void dropped(long sequence) {
        highestDropped = Math.max(highestDropped, sequence);
    }

    /** Whether the next expected number shows every missing and dropped number has arrived. */
    boolean healedBy(long expected) {
        return expected > highestDropped;
    }

    GapRecovery restarted(long nowMillis) {
        GapRecovery restarted = new GapRecovery(from, to, nowMillis);
        restarted.highestDropped = highestDropped;
        return restarted;
    }

    String describe() {
        return "from=" + from + ", to=" + to;
    }
}
