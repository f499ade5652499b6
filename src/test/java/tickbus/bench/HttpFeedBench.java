package tickbus.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import tickbus.Addresses;
import tickbus.TickbusNode;
import tickbus.event.BookUpdate;
import tickbus.event.EventKind;
import tickbus.event.MarketEvent;
import tickbus.event.Trade;
import tickbus.feed.FeedSettings;
import tickbus.feed.FeedVerticle;
import tickbus.feed.http.HttpFeedProtocol;
import tickbus.feed.http.HttpFeedProtocolProvider;
import tickbus.sim.fixml.FixmlSimServer;
import tickbus.sim.fixml.FixmlSimSettings;

/**
 * End-to-end long-poll ingest: a feed with {@code "protocol": "http"} drains a simulator whose log was filled
 * beforehand with ENTRIES incremental updates (level changes and trades) of INSTRUMENTS instruments, in polls of
 * at most BATCH updates: the simulator renders each answer with the FIXML writer, loopback HTTP carries it, the
 * connection frames it, and the parser worker decodes (hardened Woodstox), normalizes and publishes one
 * {@code BookUpdate} or {@code Trade} per update (plus quotes) to counting consumers on the event bus. Everything
 * shares this machine's cores. The first round warms the JIT; the rounds after it are measured.
 * Usage: bench/main tickbus.bench.HttpFeedBench [entries] [instruments] [batch] [rounds]
 */
public final class HttpFeedBench {

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int instruments = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Vertx vertx = Vertx.vertx();
        TickbusNode node = TickbusNode.start(vertx).await();
        FixmlSimSettings simulator = new FixmlSimSettings("127.0.0.1", 0, instruments, "B", 0,
                entries + instruments + 1, batch, 30_000, 8, 1, null);
        FixmlSimServer server = new FixmlSimServer(vertx, simulator, InstantSource.system());
        int port = server.start().await();
        long generated = System.nanoTime();
        server.generate(entries);
        System.out.printf("simulator: %d updates of %d instruments generated in %d ms%n", entries, instruments,
                (System.nanoTime() - generated) / 1_000_000);
        LongAdder updates = new LongAdder();
        List<Future<Void>> ready = new ArrayList<>();
        for (String symbol : simulator.symbols()) {
            String instrument = "XBEN:" + symbol;
            for (EventKind kind : List.of(EventKind.BOOK, EventKind.TRADE, EventKind.QUOTE)) {
                ready.add(vertx.eventBus().<MarketEvent>consumer(Addresses.marketData(kind, instrument), message -> {
                    if (message.body() instanceof Trade || message.body() instanceof BookUpdate update
                            && !update.snapshot()) {
                        updates.increment();
                    }
                }).completion());
            }
            ready.add(node.demand().acquire(instrument));
        }
        Future.all(ready).await();
        for (int round = 0; round <= rounds; round++) {
            drain(vertx, port, round, entries, instruments, updates);
        }
        server.stop().await();
        vertx.close().await();
    }

    private static void drain(Vertx vertx, int port, int round, int entries, int instruments, LongAdder updates)
            throws Exception {
        JsonObject config = new JsonObject().put("source", "bench-" + round).put("venue", "XBEN")
                .put("protocol", "http").put("heartbeatTimeoutMillis", 60_000).put("silenceThresholdMillis", 60_000)
                .put("settings", new JsonObject().put("baseUrl", "http://127.0.0.1:" + port).put("waitMillis", 1_000)
                        .put("followDemand", false).put("maxResponseBytes", 64 * 1024 * 1024));
        FeedSettings settings = FeedSettings.fromJson(config, "config");
        HttpFeedProtocol protocol = (HttpFeedProtocol) new HttpFeedProtocolProvider().create(settings,
                "config.settings");
        FeedVerticle feed = new FeedVerticle(settings, protocol);
        long before = updates.sum();
        Map<String, Long> cpuBefore = cpuByThread();
        long started = System.nanoTime();
        String deployment = vertx.deployVerticle(feed).await();
        while (updates.sum() - before < entries) {
            LockSupport.parkNanos(1_000_000);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long bytes = feed.metrics().bytes();
        System.out.printf("%s: %d updates in %.3f s = %.0f k updates/s; %d documents, %.1f MB at %.1f MB/s; "
                        + "instruments=%d%n", round == 0 ? "warm-up" : "round " + round, entries, seconds,
                entries / seconds / 1e3, protocol.counters().documents(), bytes / 1e6, bytes / 1e6 / seconds,
                instruments);
        Map<String, Long> cpuAfter = cpuByThread();
        StringBuilder busiest = new StringBuilder();
        cpuAfter.entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(), entry.getValue() - cpuBefore.getOrDefault(entry.getKey(), 0L)))
                .filter(entry -> entry.getValue() > seconds * 1e9 * 0.05)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> busiest.append(String.format(" %s=%.0f%%", entry.getKey(),
                        entry.getValue() / (seconds * 1e9) * 100)));
        long cpuNanos = cpuAfter.entrySet().stream()
                .mapToLong(entry -> entry.getValue() - cpuBefore.getOrDefault(entry.getKey(), 0L)).sum();
        long parserNanos = cpuAfter.entrySet().stream().filter(entry -> entry.getKey().startsWith("tickbus-parser-"))
                .mapToLong(entry -> entry.getValue() - cpuBefore.getOrDefault(entry.getKey(), 0L)).sum();
        System.out.printf("  cpu: %.2f s in all threads (simulator included) = %.0f k updates per cpu-second; parser"
                + " worker %.2f s = %.0f k updates per worker cpu-second; busiest, as %% of the wall time:%s%n",
                cpuNanos / 1e9, entries / (cpuNanos / 1e9) / 1e3, parserNanos / 1e9,
                entries / (parserNanos / 1e9) / 1e3, busiest);
        vertx.undeploy(deployment).await();
    }

    private static Map<String, Long> cpuByThread() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                cpu.merge(info.getThreadName(), Math.max(0, threads.getThreadCpuTime(info.getThreadId())), Long::sum);
            }
        }
        return cpu;
    }
}
