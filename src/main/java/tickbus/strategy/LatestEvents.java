package tickbus.strategy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tickbus.event.BookUpdate;
import tickbus.event.EventKind;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.event.MarketEvent;

/**
 * What a subscription keeps for a strategy that is behind: the latest quote, trade and book, and of the statuses
 * it could not queue the latest venue state (trading, halted, …), the latest data health (live, stale, …) and the
 * latest {@code RESET}, so that coalescing statuses loses transitions but never the instrument's current state nor
 * a reset. They are handed over in the order they arrived. Not thread-safe.
 */
final class LatestEvents {

    private static final Set<InstrumentState> VENUE_STATES = EnumSet.of(InstrumentState.TRADING,
            InstrumentState.HALTED, InstrumentState.PAUSED, InstrumentState.QUOTATION_ONLY,
            InstrumentState.SHORT_SALE_RESTRICTED);
    /** The slot of {@link EventKind#STATUS} holds the data health; these follow the kinds' slots. */
    private static final int VENUE_STATE_SLOT = EventKind.values().length;
    private static final int RESET_SLOT = VENUE_STATE_SLOT + 1;

    private final MarketEvent[] latest = new MarketEvent[RESET_SLOT + 1];
    /** When each {@link #latest} event arrived, to hand them over in arrival order. */
    private final long[] arrival = new long[RESET_SLOT + 1];
    private long arrivals;

    /**
     * Keep {@code event}, which the caller found not {@link #isStale stale}, as the latest of its slot; a book update
     * is folded into the book kept, so that the levels it skips stay. Returns the event it replaced, or null.
     */
    MarketEvent keep(MarketEvent event) {
        int slot = slotOf(event);
        MarketEvent kept = latest[slot];
        boolean sameSession = sameSession(kept, event, slot);
        latest[slot] = sameSession && kept instanceof BookUpdate earlier && event instanceof BookUpdate later
                ? BookIncrements.fold(earlier, later) : event;
        arrival[slot] = ++arrivals;
        return kept;
    }

    /** Whether {@code event} is older than, or repeats, the one kept of its slot, from the same source and session. */
    boolean isStale(MarketEvent event) {
        int slot = slotOf(event);
        MarketEvent kept = latest[slot];
        return sameSession(kept, event, slot) && (event.sequence() < kept.sequence()
                || event.sequence() == kept.sequence() && !LastSequences.restates(event));
    }

    private boolean sameSession(MarketEvent kept, MarketEvent event, int slot) {
        return kept != null && !(event instanceof InstrumentStatus) && arrival[slot] > resetArrival()
                && kept.source().equals(event.source());
    }

    /** A {@code RESET} restarts sequence numbers: events kept before it may be replaced by any later one. */
    private long resetArrival() {
        return latest[RESET_SLOT] == null ? 0 : arrival[RESET_SLOT];
    }

    private static int slotOf(MarketEvent event) {
        if (event instanceof InstrumentStatus status) {
            if (status.state() == InstrumentState.RESET) {
                return RESET_SLOT;
            }
            return VENUE_STATES.contains(status.state()) ? VENUE_STATE_SLOT : EventKind.STATUS.ordinal();
        }
        return event.kind().ordinal();
    }

    /** Called for every queued event: a plain loop, no allocation. */
    boolean isEmpty() {
        for (MarketEvent kept : latest) {
            if (kept != null) {
                return false;
            }
        }
        return true;
    }

    /** The kept events in the order they arrived; none are kept afterwards. */
    List<MarketEvent> take() {
        List<Integer> slots = new ArrayList<>(latest.length);
        for (int slot = 0; slot < latest.length; slot++) {
            if (latest[slot] != null) {
                slots.add(slot);
            }
        }
        slots.sort(Comparator.comparingLong(slot -> arrival[slot]));
        List<MarketEvent> kept = new ArrayList<>(slots.size());
        slots.forEach(slot -> kept.add(latest[slot]));
        Arrays.fill(latest, null);
        return kept;
    }
}
