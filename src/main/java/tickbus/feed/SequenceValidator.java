package tickbus.feed;

/**
 * Validates one stream's sequence numbers: in order, duplicates, gaps. Not thread-safe; one owner thread.
 */
public final class SequenceValidator {

    /** What to do with a message. */
    public enum Verdict {
        /** Next in order: process it. */
        ACCEPT,
        /** Already processed: drop it. */
        DUPLICATE,
        /** Ahead of the next expected number: a gap opened (or is still open). */
        GAP
    }

    private long expected;
    /** Whether {@link #expected} holds: false until the first message when constructed or reset with 0. */
    private boolean started;

    /** {@code expected} is the first sequence number to accept; 0 means "accept whatever comes first". */
    public SequenceValidator(long expected) {
        reset(expected);
    }

    /** A validator that expects exactly {@code first}, 0 included: a later first number is a gap. */
    public static SequenceValidator startingAt(long first) {
        SequenceValidator validator = new SequenceValidator(first);
        validator.started = true;
        return validator;
    }

    public Verdict check(long sequence) {
        if (!started || sequence == expected) {
            skipTo(sequence);
            return Verdict.ACCEPT;
        }
        return sequence < expected ? Verdict.DUPLICATE : Verdict.GAP;
    }

    /** Accept a gap as lost: continue after {@code sequence}. */
    public void skipTo(long sequence) {
        expected = sequence + 1;
        started = true;
    }

    /** The next sequence number expected (last processed + 1), or 0 before the first message. */
    public long expected() {
        return expected;
    }

    /** Start again, e.g. after the upstream session changed. */
    public void reset(long expected) {
        this.expected = expected;
        this.started = expected != 0;
    }
}
