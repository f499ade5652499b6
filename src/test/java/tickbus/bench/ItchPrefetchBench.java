package tickbus.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import tickbus.normalize.itch.Itch50Normalizer;
import tickbus.sim.itch.ItchOrderFlow;

/**
 * The parser worker's normalizing loop alone, on one thread, over the end-to-end bench's flow (the simulator's
 * generator, 1,000 instruments, every 10th wanted): each message normalized in turn, against groups of eight
 * announced with {@link Itch50Normalizer#prefetch} first, as the worker does (the group size is the third
 * argument, 8 by default like the worker's). Rounds alternate; each starts with
 * fresh books. Prints thread CPU ns per message. Usage: bench/main tickbus.bench.ItchPrefetchBench [messages] [rounds] [group]
 */
public final class ItchPrefetchBench {

    private static final int INSTRUMENTS = 1_000;
    private static final byte[] SCRATCH = new byte[64];

    public static void main(String[] args) {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 4_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int group = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        ItchOrderFlow flow = new ItchOrderFlow(ItchOrderFlow.numberedSymbols("SYM", INSTRUMENTS), 42, 0, 1);
        byte[] bytes = new byte[messages * 50];
        int[] offsets = new int[messages + 1];
        for (int i = 0; i < messages; i++) {
            offsets[i + 1] = offsets[i] + flow.next(SCRATCH, i);
            System.arraycopy(SCRATCH, 0, bytes, offsets[i], offsets[i + 1] - offsets[i]);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds * 2; round++) {
            boolean prefetch = round % 2 == 1;
            long[] events = new long[1];
            Itch50Normalizer normalizer = new Itch50Normalizer("bench", LocalDate.of(2024, 5, 1),
                    instrument -> Integer.parseInt(instrument.substring(8)) % 10 == 0, event -> events[0]++, 1 << 18);
            long cpu = threads.getCurrentThreadCpuTime();
            for (int first = 0; first < messages; first += group) {
                int end = Math.min(messages, first + group);
                if (prefetch) {
                    for (int i = first; i < end; i++) {
                        normalizer.prefetch(bytes, offsets[i], offsets[i + 1] - offsets[i]);
                    }
                }
                for (int i = first; i < end; i++) {
                    normalizer.onMessage(i + 1, 0, bytes, offsets[i], offsets[i + 1] - offsets[i]);
                }
            }
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            System.out.printf("%s: %.1f ns/msg (events %,d, live orders %,d)%n", prefetch ? "prefetch" : "plain   ",
                    cpu / (double) messages, events[0], normalizer.books().liveOrders());
        }
    }
}
