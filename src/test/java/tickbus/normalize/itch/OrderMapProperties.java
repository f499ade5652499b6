package tickbus.normalize.itch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The open-addressing order table behaves like a HashMap under any mix of adds, updates and removals, for random
 * keys and for the dense sequential reference numbers ITCH actually uses.
 */
class OrderMapProperties {

    /** locate, buy (0/1), price, shares. */
    private record Entry(int locate, boolean buy, long price, long shares) {
    }

    @Property(tries = 300)
    void behavesLikeAHashMap(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5_000) int operations,
            @ForAll @IntRange(min = 1, max = 2_000) int keySpace, @ForAll boolean sequential) {
        Random random = new Random(seed);
        OrderMap map = new OrderMap(random.nextInt(4));
        Map<Long, Entry> expected = new HashMap<>();
        List<Long> keys = new ArrayList<>();
        for (int i = 0; i < keySpace; i++) {
            keys.add(sequential ? 1_000_000L + i : i % 7 == 0 ? (long) i : random.nextLong());
        }
        for (int i = 0; i < operations; i++) {
            long key = keys.get(random.nextInt(keySpace));
            int slot = map.find(key);
            assertEquals(expected.containsKey(key), slot != OrderMap.ABSENT, "presence of " + key);
            int roll = random.nextInt(10);
            if (slot == OrderMap.ABSENT || roll < 4) {
                Entry entry = new Entry(random.nextInt(65_536), random.nextBoolean(), random.nextInt() & 0xFFFF_FFFFL,
                        random.nextInt() & 0xFFFF_FFFFL);
                boolean added = map.add(key, entry.locate(), entry.buy(), entry.price(), entry.shares());
                assertEquals(!expected.containsKey(key), added);
                expected.putIfAbsent(key, entry);
            } else if (roll < 7) {
                map.remove(slot);
                expected.remove(key);
            } else {
                long shares = random.nextInt() & 0xFFFF_FFFFL;
                map.setShares(slot, shares);
                Entry old = expected.get(key);
                expected.put(key, new Entry(old.locate(), old.buy(), old.price(), shares));
            }
        }
        assertEquals(expected.size(), map.size());
        for (Map.Entry<Long, Entry> entry : expected.entrySet()) {
            int slot = map.find(entry.getKey());
            assertTrue(slot != OrderMap.ABSENT);
            assertEquals(entry.getValue(), new Entry(map.locate(slot), map.isBuy(slot), map.price(slot),
                    map.shares(slot)));
        }
        int zeroKey = expected.containsKey(0L) ? 1 : 0;
        assertTrue(map.size() - zeroKey <= map.capacity() * 3 / 4, "load at most 3/4");
    }
}
