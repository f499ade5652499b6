package tickbus.bench;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import tickbus.normalize.redisjson.RedisJsonIngest;
import tickbus.protocol.redisjson.PayloadFormat;

/**
 * The same work as {@link RedisJsonBenchmark}, timed by the thread's CPU time as well as the wall clock, for a
 * shared machine where other processes take the CPUs: CPU time per message is what one dedicated core would
 * spend. Usage: {@code java -cp ... tickbus.bench.RedisJsonCpuTime [messagesPerRound] [rounds]}.
 */
public final class RedisJsonCpuTime {

    private static final long RECEIVED_NANOS = 1_618_677_818_000_000_000L;

    private RedisJsonCpuTime() {
    }

    public static void main(String[] args) throws IOException {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        RedisJsonPayloads payloads = new RedisJsonPayloads();
        long[] events = new long[1];
        RedisJsonIngest ingest = RedisJsonBenchmark.ingest(event -> events[0]++);
        JsonFactory plainJackson = new JsonFactory();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String[] names = {"tickbusQuote", "tickbusTrade", "cryptofeedTrade", "cryptofeedTicker", "jacksonTokensOnly"};
        PayloadFormat[] formats = {PayloadFormat.TICKBUS, PayloadFormat.TICKBUS, PayloadFormat.CRYPTOFEED_TRADE,
            PayloadFormat.CRYPTOFEED_TICKER, PayloadFormat.CRYPTOFEED_TRADE};
        long checksum = 0;
        for (int round = 0; round <= rounds; round++) {
            for (int shape = 0; shape < names.length; shape++) {
                byte[][] batch = payloads.of(formats[shape], shape == 0);
                long cpuStart = threads.getCurrentThreadCpuTime();
                long wallStart = System.nanoTime();
                for (int i = 0; i < messages; i++) {
                    byte[] payload = batch[i & (RedisJsonPayloads.COUNT - 1)];
                    if (shape == 4) {
                        checksum += RedisJsonBenchmark.jacksonTokens(plainJackson, payload);
                    } else {
                        ingest.accept("bench", formats[shape], payload, 0, payload.length, RECEIVED_NANOS);
                    }
                }
                double cpuNanos = (threads.getCurrentThreadCpuTime() - cpuStart) / (double) messages;
                double wallNanos = (System.nanoTime() - wallStart) / (double) messages;
                if (round > 0) {
                    System.out.printf(Locale.ROOT, "round %d %-18s cpu %6.0f ns/msg = %5.2f M msg/s per core;"
                            + " wall %6.0f ns/msg%n", round, names[shape], cpuNanos, 1_000 / cpuNanos, wallNanos);
                }
            }
        }
        System.out.println("events=" + events[0] + " checksum=" + checksum);
    }
}
