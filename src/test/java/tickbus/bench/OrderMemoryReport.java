package tickbus.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Random;
import tickbus.normalize.itch.Itch50OrderBooks;

/**
 * Prints the memory live orders take: the arrays' own accounting ({@link Itch50OrderBooks#retainedBytes()}) and,
 * as a cross-check, the growth of the used heap after a full GC. Run with
 * {@code java -cp ... tickbus.bench.OrderMemoryReport}; not a JMH benchmark.
 */
public final class OrderMemoryReport {

    private static final int INSTRUMENTS = 1_000;

    private OrderMemoryReport() {
    }

    public static void main(String[] arguments) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.out.println("orders     table/order  table+levels/order  heap/order  (bytes; " + INSTRUMENTS
                + " instruments, 100 price levels each)");
        for (int orders : new int[] {100_000, 393_217, 786_432, 1_000_000, 1_572_865, 3_000_000}) {
            long before = usedAfterGc(memory);
            Itch50OrderBooks books = new Itch50OrderBooks(16);
            Random random = new Random(orders);
            for (int order = 1; order <= orders; order++) {
                boolean buy = random.nextBoolean();
                long distance = 100L * random.nextInt(50);
                books.add(1 + random.nextInt(INSTRUMENTS), order, buy, buy ? 1_000_000 - distance
                        : 1_000_100 + distance, 100);
            }
            long heap = usedAfterGc(memory) - before;
            long live = books.liveOrders();
            System.out.printf("%-10d %-12d %-19d %d%n", live, books.orderTableBytes() / live,
                    books.retainedBytes() / live, heap / live);
        }
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
