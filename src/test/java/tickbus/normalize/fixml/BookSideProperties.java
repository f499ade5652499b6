package tickbus.normalize.fixml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tickbus.event.BookLevel;

/** A book side behaves like a sorted map of the best levels up to its limit, best price first. */
class BookSideProperties {

    private static final int MAX_LEVELS = 5;

    @Property(tries = 500)
    void matchesASortedMapModel(@ForAll boolean bids, @ForAll("operations") List<long[]> operations) {
        BookSide side = new BookSide(bids, MAX_LEVELS);
        TreeMap<Long, Long> model = new TreeMap<>(bids ? Comparator.<Long>reverseOrder() : Comparator.<Long>naturalOrder());
        for (long[] operation : operations) {
            long price = operation[0];
            long size = operation[1];
            if (size == 0) {
                Long removed = model.remove(price);
                assertEquals(removed == null ? BookSide.ABSENT : removed, side.remove(price));
            } else if (model.containsKey(price) || model.size() < MAX_LEVELS) {
                Long previous = model.put(price, size);
                assertEquals(previous == null ? BookSide.ABSENT : previous, side.set(price, size));
            } else if (model.comparator().compare(price, model.lastKey()) < 0) {
                long worst = model.pollLastEntry().getKey();
                model.put(price, size);
                assertEquals(BookSide.EVICTED, side.set(price, size));
                assertEquals(worst, side.evictedPrice());
            } else {
                assertEquals(BookSide.FULL, side.set(price, size));
            }
            List<BookLevel> expected = new ArrayList<>();
            model.forEach((p, s) -> expected.add(new BookLevel(p, s)));
            assertEquals(expected, side.levels());
            assertEquals(model.isEmpty() ? 0 : model.firstKey(), side.bestPrice());
            assertEquals(model.isEmpty() ? 0 : model.firstEntry().getValue(), side.bestSize());
        }
    }

    @Provide
    Arbitrary<List<long[]>> operations() {
        Arbitrary<Long> prices = Arbitraries.longs().between(-4, 8);
        Arbitrary<Long> sizes = Arbitraries.longs().between(0, 3);
        return prices.flatMap(price -> sizes.map(size -> new long[] {price, size})).list().ofMaxSize(60);
    }
}
