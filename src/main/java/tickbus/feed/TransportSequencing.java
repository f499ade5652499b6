package tickbus.feed;

/**
 * Transport sequence numbers of one feed: duplicates dropped and counted, gaps opened and healed according to the
 * protocol's {@link FeedProtocol.GapPolicy}. Used on the feed's event loop only.
 */
final class TransportSequencing {

    /** What the feed does about gaps. */
    interface Listener {
        /** A gap opened and frames after it are being dropped: ask for a replay. */
        void gapOpened(long from, long to);

        /** The source cannot replay: {@code from..to} are lost and the stream goes on. */
        void lossAccepted(long from, long to);

        /** Every missing and dropped number arrived. */
        void gapHealed(GapRecovery healed, long durationMillis);
    }

    static final String STREAM = "transport";

    private final SequenceValidator validator;
    private final FeedProtocol.GapPolicy policy;
    private final FeedMetrics metrics;
    private final Listener listener;
    private GapRecovery recovery;

    /** {@code firstSequence} is the first number expected; 0 accepts whatever comes first. */
    TransportSequencing(long firstSequence, FeedProtocol.GapPolicy policy, FeedMetrics metrics, Listener listener) {
        this.validator = new SequenceValidator(firstSequence);
        this.policy = policy;
        this.metrics = metrics;
        this.listener = listener;
    }

    /** Whether the frame with this sequence number is to be processed. */
    boolean accept(long sequence, long nowMillis) {
        return accept(sequence, sequence, nowMillis);
    }

    /**
     * Whether the frame carrying the numbers {@code first..last} is to be processed. One that overlaps numbers
     * already processed is dropped as a duplicate: it cannot be split, and what it carried beyond them shows as
     * a gap at the next frame.
     */
    boolean accept(long first, long last, long nowMillis) {
        long expected = validator.expected();
        switch (validator.check(first)) {
            case ACCEPT:
                validator.skipTo(last);
                if (recovery != null && recovery.healedBy(validator.expected())) {
                    GapRecovery healed = recovery;
                    recovery = null;
                    long duration = nowMillis - healed.startedMillis();
                    // The log first: whoever sees the recovery counted then finds it logged as recovered too.
                    metrics.gapLog.healed(STREAM, healed.from(), healed.to(), duration);
                    metrics.recovered(duration);
                    listener.gapHealed(healed, duration);
                }
                return true;
            case DUPLICATE:
                metrics.duplicates.increment();
                return false;
            default:
                return gap(expected, first, last, nowMillis);
        }
    }

    private boolean gap(long from, long first, long last, long nowMillis) {
        if (policy == FeedProtocol.GapPolicy.ACCEPT_LOSS) {
            lost(from, first - 1, nowMillis);
            validator.skipTo(last);
            return true;
        }
        metrics.droppedDuringRecovery.increment();
        if (recovery == null) {
            recovery = new GapRecovery(from, first - 1, nowMillis);
            metrics.gapLog.opened(STREAM, from, first - 1, nowMillis);
            metrics.gaps.increment();
            metrics.gapMessages.add(first - from);
            listener.gapOpened(from, first - 1);
        }
        recovery.dropped(last);
        return false;
    }

    /** The source will never send {@code from..to}: count and report the loss, and expect what follows it. */
    void lost(long from, long to, long nowMillis) {
        if (to < validator.expected()) {
            return;
        }
        metrics.gapLog.lost(STREAM, from, to, nowMillis);
        metrics.gaps.increment();
        metrics.gapMessages.add(to - from + 1);
        validator.skipTo(to);
        listener.lossAccepted(from, to);
    }

    /** The next number expected (last processed + 1); before the first, the first number expected or 0. */
    long expected() {
        return validator.expected();
    }

    long lastProcessed() {
        return Math.max(0, validator.expected() - 1);
    }

    /** The open gap, or null. */
    GapRecovery recovery() {
        return recovery;
    }

    /** Whether an open gap has waited longer than {@code timeoutMillis}; if so its clock restarts. */
    boolean recoveryOverdue(long nowMillis, long timeoutMillis) {
        if (recovery == null || nowMillis - recovery.startedMillis() <= timeoutMillis) {
            return false;
        }
        recovery = recovery.restarted(nowMillis);
        return true;
    }

    /** A new upstream session: numbering restarts at {@code nextSequence}, open gaps are moot. */
    void reset(long nextSequence) {
        validator.reset(nextSequence);
        recovery = null;
    }
}
