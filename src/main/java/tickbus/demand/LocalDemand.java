package tickbus.demand;

import tickbus.event.EventKind;

/** One node's acquisitions of one instrument: in all, and per kind. */
record LocalDemand(int count, int[] byKind) {

    /** The kinds acquired at least once, as a bit set of {@link EventKind} ordinals. */
    int kinds() {
        int kinds = 0;
        for (EventKind kind : EventKind.values()) {
            if (byKind[kind.ordinal()] > 0) {
                kinds |= bit(kind);
            }
        }
        return kinds;
    }

    static int bit(EventKind kind) {
        return 1 << kind.ordinal();
    }
}
