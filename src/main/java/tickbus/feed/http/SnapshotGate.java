package tickbus.feed.http;

import java.util.HashSet;
import java.util.Set;
import tickbus.event.BookUpdate;
import tickbus.event.MarketEvent;
import tickbus.event.Quote;

/**
 * Which instruments' books can be trusted. A book is not trusted from the moment the feed may have missed some
 * of its updates (it joined the polled set, or a range was lost) until its {@code MktDataFull} arrives; meanwhile
 * its book events (level updates and quotes) are held back, while trades and statuses, which stand on their own,
 * pass. A held-back quote needs no undoing: the snapshot that lifts the hold always restates the quote. Used by one
 * decoder, on its worker.
 */
final class SnapshotGate {

    private boolean awaitingAll;
    private final Set<String> trusted = new HashSet<>();
    private final Set<String> awaiting = new HashSet<>();

    /** No book can be trusted until its snapshot. */
    void awaitAll() {
        awaitingAll = true;
        trusted.clear();
        awaiting.clear();
    }

    void await(String instrument) {
        if (awaitingAll) {
            trusted.remove(instrument);
        } else {
            awaiting.add(instrument);
        }
    }

    void snapshotArrived(String instrument) {
        if (awaitingAll) {
            trusted.add(instrument);
        } else {
            awaiting.remove(instrument);
        }
    }

    boolean trusts(String instrument) {
        return awaitingAll ? trusted.contains(instrument) : !awaiting.contains(instrument);
    }

    /** Whether the event may be published now. */
    boolean passes(MarketEvent event) {
        boolean bookEvent = event instanceof Quote || event instanceof BookUpdate update && !update.snapshot();
        return !bookEvent || trusts(event.instrument());
    }
}
