package tickbus.normalize.itch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Live orders stay within 100 bytes each (order table plus every price level array), at every size from small
 * to two million, including right after the table doubled, when it is emptiest.
 */
class OrderMemoryTest {

    static final int MAX_BYTES_PER_ORDER = 100;

    @Test
    void everyLiveOrderCostsAtMostOneHundredBytes() {
        Random random = new Random(7);
        Itch50OrderBooks books = new Itch50OrderBooks(16);
        long worst = 0;
        for (int order = 1; order <= 2_000_000; order++) {
            int locate = 1 + random.nextInt(1_000);
            boolean buy = random.nextBoolean();
            long price = buy ? 1_000_000 - 100L * random.nextInt(50) : 1_000_100 + 100L * random.nextInt(50);
            books.add(locate, order, buy, price, 100);
            if (order >= 10_000 && (order % 50_000 == 0 || justAfterTheTableDoubled(order))) {
                worst = Math.max(worst, books.retainedBytes() / books.liveOrders());
            }
        }
        assertEquals(2_000_000, books.liveOrders());
        assertTrue(worst <= MAX_BYTES_PER_ORDER, "bytes per live order: worst=" + worst + ", max="
                + MAX_BYTES_PER_ORDER);
    }

    /** The table of 2^k slots doubles when it holds more than 3/4 of them. */
    private static boolean justAfterTheTableDoubled(int orders) {
        int capacity = Integer.highestOneBit(orders) * 2;
        return orders - 1 == capacity / 4 * 3 || orders - 1 == capacity / 8 * 3;
    }
}
