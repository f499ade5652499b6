package tickbus.event;

/** The market-data kinds, one event-bus address family each ({@code md.<segment>.<instrument>}). */
public enum EventKind {
    QUOTE("quote"),
    TRADE("trade"),
    BOOK("book"),
    STATUS("status");

    private final String addressSegment;

    EventKind(String addressSegment) {
        this.addressSegment = addressSegment;
    }

    public String addressSegment() {
        return addressSegment;
    }

    /** The kind for an address segment, or null when there is none. */
    public static EventKind fromSegment(String segment) {
        for (EventKind kind : values()) {
            if (kind.addressSegment.equals(segment)) {
                return kind;
            }
        }
        return null;
    }
}
