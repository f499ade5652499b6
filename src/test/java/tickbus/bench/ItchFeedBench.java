package tickbus.bench;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import tickbus.TickbusNode;
import tickbus.event.EventKind;
import tickbus.event.MarketEvent;
import tickbus.feed.FeedClock;
import tickbus.feed.FeedSettings;
import tickbus.feed.FeedVerticle;
import tickbus.feed.soupbintcp.SoupBinTcpFeedProtocol;
import tickbus.feed.soupbintcp.SoupBinTcpFeedProtocolProvider;
import tickbus.normalize.itch.Itch50Normalizer;
import tickbus.sim.itch.ItchOrderFlow;
import tickbus.sim.itch.ItchSimServer;
import tickbus.sim.itch.ItchSimSettings;
import tickbus.strategy.MarketData;

/**
 * End to end in one JVM: the ITCH simulator → loopback SoupBinTCP → the soupbintcp feed (framing on its event loop,
 * decode + full-depth books + events on its parser worker) → the event bus → a strategy subscribed (every event) to
 * 100 of 1,000 instruments.
 *
 * <ul>
 *   <li>{@code throughput MESSAGES}: the session is generated before the clock starts and sent as fast as the feed
 *       reads; prints the sustained rate of decoded messages after the first 20%.</li>
 *   <li>{@code latency RATE SECONDS}: the simulator generates RATE msg/s on a 1 ms timer; each quote and trade
 *       reaching the strategy is timed from the moment its ITCH message was generated and written (its ITCH
 *       timestamp), and again from the moment the fixed schedule says it was due (so a late simulator tick counts
 *       against us, not hidden: coordinated omission corrected by construction). The first 5 s are warm-up.</li>
 * </ul>
 * The system property {@code workers} (default 1) sets the feed's parser workers (sharded by stock locate);
 * {@code pacingTickMicros} (default 1000) the simulator's pacing tick in latency mode.
 * Usage: bench/main tickbus.bench.ItchFeedBench throughput 10000000 | latency 100000 30
 */
public final class ItchFeedBench {

    private static final int INSTRUMENTS = 1_000;
    private static final int SUBSCRIBED_EVERY = 10;
    private static final long WARM_UP_NANOS = 5_000_000_000L;
    private static final long POLL_NANOS = 10_000_000L;
    /** What runs on the threads the CPU report names, where the bench can tell (the simulator, the strategy). */
    private static final java.util.Map<String, String> ROLES = new java.util.concurrent.ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "throughput";
        Vertx vertx = Vertx.vertx();
        PreciseClock clock = new PreciseClock();
        TickbusNode.start(vertx).await().clock(clock);
        if (mode.equals("throughput")) {
            throughput(vertx, clock, args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L);
        } else {
            latency(vertx, clock, Long.parseLong(args[1]), Long.parseLong(args[2]));
        }
        vertx.close().await();
    }

    private static void throughput(Vertx vertx, PreciseClock clock, long messages) throws Exception {
        long start = System.nanoTime();
        ItchSimServer sim = startSim(vertx, clock, new JsonObject().put("messagesPerSecond", 0)
                .put("totalMessages", messages));
        System.out.printf("generated %,d messages (%,d bytes) in %.1f s%n", sim.nextSequence() - 1, sim.streamBytes(),
                (System.nanoTime() - start) / 1e9);
        BenchStrategy strategy = deployStrategy(vertx, null, clock);
        SoupBinTcpFeedProtocol protocol = deployFeed(vertx, sim, clock).protocol();
        long total = sim.nextSequence() - 1;
        long warm = total / 5;
        awaitDecoded(protocol, warm);
        String loadBefore = loadAverage();
        ThreadCpu cpu = new ThreadCpu();
        long t0 = System.nanoTime();
        long decoded0 = protocol.decodedMessages();
        long events0 = strategy.events.get();
        List<String> seconds = new ArrayList<>();
        long bucketStart = t0;
        long bucketDecoded = decoded0;
        long decoded = decoded0;
        long now = t0;
        // Polled finely so the window ends within one poll of the last message, not rounded up to whole seconds.
        while (decoded < total) {
            LockSupport.parkNanos(POLL_NANOS);
            now = System.nanoTime();
            decoded = protocol.decodedMessages();
            if (now - bucketStart >= 1_000_000_000L || decoded >= total) {
                seconds.add(String.format("%.2f (%.2f s)", (decoded - bucketDecoded) / ((now - bucketStart) / 1e9)
                        / 1e6, (now - bucketStart) / 1e9));
                bucketStart = now;
                bucketDecoded = decoded;
            }
        }
        long t1 = now;
        String cpuUse = cpu.since(t1 - t0, decoded - decoded0);
        double window = (t1 - t0) / 1e9;
        System.out.printf("throughput: messages=%,d measured=%,d in %.3f s (polled every %d ms) -> %.2f M msg/s;"
                + " strategy events %.0f/s; per second (M msg/s): %s%n", total, decoded - decoded0, window,
                POLL_NANOS / 1_000_000, (decoded - decoded0) / window / 1e6,
                (strategy.events.get() - events0) / window, seconds);
        System.out.println("cpu (share of one core over the window; ns of CPU per message): " + cpuUse);
        System.out.println("load average before / after: " + loadBefore + " / " + loadAverage());
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void latency(Vertx vertx, PreciseClock clock, long rate, long seconds) throws Exception {
        ItchSimServer sim = startSim(vertx, clock, new JsonObject().put("messagesPerSecond", rate)
                .put("totalMessages", rate * seconds));
        ItchSimServer.Pacing pacing = sim.pacing();
        BenchStrategy strategy = deployStrategy(vertx, pacing, clock);
        Feed feed = deployFeed(vertx, sim, clock);
        long warmUpEnds = pacing.startEpochNanos() + WARM_UP_NANOS;
        LockSupport.parkNanos(warmUpEnds - clock.nanos());
        feed.verticle().metrics().takeLatencyInterval();
        String loadBefore = loadAverage();
        ThreadCpu cpu = new ThreadCpu();
        long t0 = System.nanoTime();
        long decoded0 = feed.protocol().decodedMessages();
        awaitDecoded(feed.protocol(), rate * seconds);
        long t1 = System.nanoTime();
        String cpuUse = cpu.since(t1 - t0, feed.protocol().decodedMessages() - decoded0);
        LockSupport.parkNanos(500_000_000L);
        Histogram receiveToPublish = feed.verticle().metrics().takeLatencyInterval();
        System.out.printf("latency: rate=%,d msg/s for %d s, measured events=%,d (after %d s warm-up)%n", rate,
                seconds, strategy.fromWrite.getTotalCount(), WARM_UP_NANOS / 1_000_000_000L);
        print("wire-to-strategy (from the write)", strategy.fromWrite);
        print("wire-to-strategy (from the schedule, CO-corrected)", strategy.fromSchedule);
        print("of which receive-to-strategy (feed event loop read to the strategy's handler)", strategy.fromReceive);
        print("of which receive-to-publish (feed event loop read to event bus publish on the worker)",
                receiveToPublish);
        System.out.println("cpu (share of one core after the warm-up; ns of CPU per message): " + cpuUse);
        System.out.println("load average before / after: " + loadBefore + " / " + loadAverage());
    }

    private static void print(String what, Histogram histogram) {
        System.out.printf("  %s: p50=%.1f us p90=%.1f us p99=%.1f us p99.9=%.1f us max=%.1f us%n", what,
                histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(90) / 1e3,
                histogram.getValueAtPercentile(99) / 1e3, histogram.getValueAtPercentile(99.9) / 1e3,
                histogram.getMaxValue() / 1e3);
    }

    private static ItchSimServer startSim(Vertx vertx, InstantSource clock, JsonObject overrides) {
        JsonObject json = new JsonObject().put("port", 0).put("instrumentCount", INSTRUMENTS)
                .put("haltEveryMessages", 0).put("retainedMessages", 100_000_000).put("clientTimeoutMillis", 600_000)
                .put("pacingTickMicros", Long.getLong("pacingTickMicros", 1_000))
                .mergeIn(overrides);
        ItchSimSettings settings = ItchSimSettings.fromJson(json, "sim");
        return ItchSimServer.start(vertx, settings, new ItchOrderFlow(settings.symbols(), 42, 0, 1), clock)
                .onSuccess(started -> ROLES.put(Thread.currentThread().getName(), "simulator"))
                .await();
    }

    private record Feed(FeedVerticle verticle, SoupBinTcpFeedProtocol protocol) {
    }

    private static Feed deployFeed(Vertx vertx, ItchSimServer sim, InstantSource clock) {
        LocalDate tradingDate = LocalDate.ofInstant(clock.instant(), Itch50Normalizer.EXCHANGE_ZONE);
        FeedSettings settings = FeedSettings.fromJson(new JsonObject().put("source", "bench").put("venue", "XNAS")
                .put("protocol", "soupbintcp").put("heartbeatTimeoutMillis", 60_000)
                .put("silenceThresholdMillis", 600_000).put("workers", Integer.getInteger("workers", 1))
                .put("settings", new JsonObject().put("port", sim.port())
                        .put("tradingDate", tradingDate.toString()).put("expectedOrders", 1 << 18)), "config");
        SoupBinTcpFeedProtocol protocol = (SoupBinTcpFeedProtocol) new SoupBinTcpFeedProtocolProvider()
                .create(settings, "config.settings");
        FeedVerticle verticle = new FeedVerticle(settings, protocol);
        vertx.deployVerticle(verticle).await();
        return new Feed(verticle, protocol);
    }

    private static BenchStrategy deployStrategy(Vertx vertx, ItchSimServer.Pacing pacing, PreciseClock clock) {
        BenchStrategy strategy = new BenchStrategy(pacing, clock);
        vertx.deployVerticle(strategy).await();
        return strategy;
    }

    private static void awaitDecoded(SoupBinTcpFeedProtocol protocol, long messages) {
        while (protocol.decodedMessages() < messages) {
            LockSupport.parkNanos(1_000_000L);
        }
    }

    /** Subscribes every 10th instrument (every event); counts events and times them. */
    private static final class BenchStrategy extends VerticleBase {

        final AtomicLong events = new AtomicLong();
        final Histogram fromWrite = new Histogram(60_000_000_000L, 3);
        final Histogram fromSchedule = new Histogram(60_000_000_000L, 3);
        final Histogram fromReceive = new Histogram(60_000_000_000L, 3);
        private final ItchSimServer.Pacing pacing;
        private final PreciseClock clock;

        BenchStrategy(ItchSimServer.Pacing pacing, PreciseClock clock) {
            this.pacing = pacing;
            this.clock = clock;
        }

        @Override
        public Future<?> start() {
            ROLES.put(Thread.currentThread().getName(), "strategy");
            MarketData marketData = MarketData.create(vertx, "bench");
            List<Future<?>> subscriptions = new ArrayList<>();
            for (int locate = SUBSCRIBED_EVERY; locate <= INSTRUMENTS; locate += SUBSCRIBED_EVERY) {
                subscriptions.add(marketData.subscribe("XNAS:SYM" + locate, EnumSet.of(EventKind.QUOTE,
                        EventKind.TRADE), this::received));
            }
            return Future.all(subscriptions);
        }

        private void received(MarketEvent event) {
            events.incrementAndGet();
            if (pacing == null || event.kind() == EventKind.STATUS) {
                return;
            }
            long now = clock.nanos();
            long dueNanos = pacing.startEpochNanos()
                    + (event.sequence() - pacing.firstSequence()) * 1_000_000_000L / pacing.messagesPerSecond();
            if (dueNanos - pacing.startEpochNanos() >= WARM_UP_NANOS) {
                fromWrite.recordValue(Math.max(0, now - event.exchangeTimeNanos()));
                fromSchedule.recordValue(Math.max(0, now - dueNanos));
                fromReceive.recordValue(Math.max(0, now - event.receiveTimeNanos()));
            }
        }
    }

    /** CPU time of each thread over a window, to see which stage is saturated. */
    private static final class ThreadCpu {

        private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory
                .getThreadMXBean();
        private final java.util.Map<Long, Long> start = new java.util.HashMap<>();

        private final long processStart = processCpuNanos();

        ThreadCpu() {
            for (long id : threads.getAllThreadIds()) {
                start.put(id, threads.getThreadCpuTime(id));
            }
        }

        String since(long wallNanos, long messages) {
            java.util.Map<String, Long> used = new java.util.TreeMap<>();
            for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null) {
                    long nanos = threads.getThreadCpuTime(info.getThreadId())
                            - start.getOrDefault(info.getThreadId(), 0L);
                    if (nanos > wallNanos / 100) {
                        used.put(info.getThreadName(), nanos);
                    }
                }
            }
            StringBuilder text = new StringBuilder();
            used.forEach((name, nanos) -> text.append(String.format("%s%s=%.0f%%", name,
                    ROLES.containsKey(name) ? " (" + ROLES.get(name) + ")" : "", nanos * 100.0 / wallNanos))
                    .append(messages > 0 ? String.format(" (%.0f ns/msg) ", nanos / (double) messages) : " "));
            long processNanos = processCpuNanos() - processStart;
            text.append(String.format("process (GC and JIT included)=%.0f%%", processNanos * 100.0 / wallNanos));
            if (messages > 0) {
                text.append(String.format(" (%.0f ns/msg)", processNanos / (double) messages));
            }
            return text.toString();
        }

        private static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
        }
    }

    /** Epoch time with {@link System#nanoTime()} resolution, for the simulator's stamps and the strategy's reads. */
    private static final class PreciseClock implements InstantSource {

        private final long epochNanosAtStart = FeedClock.nanos(InstantSource.system());
        private final long nanoTimeAtStart = System.nanoTime();

        long nanos() {
            return epochNanosAtStart + System.nanoTime() - nanoTimeAtStart;
        }

        /** Without an {@code Instant}, as cheap as the system clock's {@code millis()} (the feed reads it per frame). */
        @Override
        public long millis() {
            return nanos() / 1_000_000;
        }

        @Override
        public Instant instant() {
            long nanos = nanos();
            return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
        }
    }
}
