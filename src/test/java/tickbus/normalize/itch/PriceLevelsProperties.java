package tickbus.normalize.itch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** A side's sorted arrays hold the same levels, best first, as a TreeMap under random adds and removals. */
class PriceLevelsProperties {

    @Property(tries = 300)
    void matchesATreeMap(@ForAll long seed, @ForAll boolean asks, @ForAll @IntRange(min = 0, max = 3_000) int steps) {
        Random random = new Random(seed);
        PriceLevels levels = new PriceLevels(asks);
        TreeMap<Long, Long> expected = new TreeMap<>(asks ? Comparator.<Long>naturalOrder()
                : Comparator.<Long>reverseOrder());
        for (int i = 0; i < steps; i++) {
            long price = 1 + random.nextInt(200);
            long shares = 1 + random.nextInt(500);
            Long have = expected.get(price);
            if (have != null && random.nextBoolean()) {
                long removed = Math.min(have, shares);
                assertEquals(have - removed, levels.remove(price, removed));
                if (have == removed) {
                    expected.remove(price);
                } else {
                    expected.put(price, have - removed);
                }
            } else if (have == null && random.nextInt(4) == 0) {
                assertEquals(-1, levels.remove(price, 1));
            } else {
                assertEquals((have == null ? 0 : have) + shares, levels.add(price, shares));
                expected.merge(price, shares, Long::sum);
            }
        }
        List<long[]> actual = new ArrayList<>();
        for (int rank = 0; rank < levels.depth(); rank++) {
            actual.add(new long[] {levels.priceAt(rank), levels.sizeAt(rank)});
        }
        assertEquals(expected.size(), levels.depth());
        int rank = 0;
        for (var entry : expected.entrySet()) {
            assertEquals(entry.getKey(), actual.get(rank)[0]);
            assertEquals(entry.getValue(), actual.get(rank)[1]);
            assertEquals(entry.getValue(), levels.sizeAtPrice(entry.getKey()));
            rank++;
        }
        assertEquals(expected.isEmpty() ? 0 : expected.firstKey(), levels.bestPrice());
    }
}
