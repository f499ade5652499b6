package tickbus.strategy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tickbus.event.BookLevel;
import tickbus.event.BookUpdate;

/**
 * Folds book updates into one, for a subscription that keeps only the latest book: an update carries only the
 * levels that changed, so the latest alone would lose the levels the skipped ones changed.
 */
final class BookIncrements {

    private BookIncrements() {
    }

    /** {@code later} applied on top of {@code earlier}: a snapshot if {@code earlier} was one, as of {@code later}. */
    static BookUpdate fold(BookUpdate earlier, BookUpdate later) {
        if (later.snapshot() || earlier.priceScale() != later.priceScale()
                || earlier.sizeScale() != later.sizeScale()) {
            return later;
        }
        return new BookUpdate(later.instrument(), later.venue(), later.source(), later.sequence(),
                later.exchangeTimeNanos(), later.receiveTimeNanos(), later.priceScale(), later.sizeScale(),
                earlier.snapshot(), side(earlier.bids(), later.bids(), Comparator.reverseOrder(), earlier.snapshot()),
                side(earlier.asks(), later.asks(), Comparator.naturalOrder(), earlier.snapshot()));
    }

    private static List<BookLevel> side(List<BookLevel> earlier, List<BookLevel> later, Comparator<Long> bestFirst,
            boolean snapshot) {
        Map<Long, Long> sizes = new TreeMap<>(bestFirst);
        earlier.forEach(level -> sizes.put(level.price(), level.size()));
        later.forEach(level -> sizes.put(level.price(), level.size()));
        List<BookLevel> levels = new ArrayList<>(sizes.size());
        // A deleted level stays in an update (size 0 deletes it downstream); a snapshot holds no such level.
        sizes.forEach((price, size) -> {
            if (size != 0 || !snapshot) {
                levels.add(new BookLevel(price, size));
            }
        });
        return levels;
    }
}
