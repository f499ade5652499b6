package tickbus.feed;

/**
 * What a protocol reported before the engine held its connection (in the login's read, say): an End of Session, a
 * loss, or the first missing number of a gap. The engine acts on them once the connect completes, an End of Session
 * first. One per connection attempt; used only on the feed's event loop.
 */
final class EarlyReports {

    private String endedReason;
    private String lostReason;
    private String lostKind;
    private long gapFrom;

    void ended(String reason) {
        endedReason = reason;
    }

    void lost(String reason, String kind) {
        lostReason = reason;
        lostKind = kind;
    }

    void gap(long from) {
        gapFrom = from;
    }

    /** The End of Session's reason, or null. */
    String endedReason() {
        return endedReason;
    }

    /** The loss's reason, or null. */
    String lostReason() {
        return lostReason;
    }

    String lostKind() {
        return lostKind;
    }

    /** The first missing number of a gap, or 0. */
    long gapFrom() {
        return gapFrom;
    }
}
