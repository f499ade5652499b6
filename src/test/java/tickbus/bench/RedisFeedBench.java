package tickbus.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import tickbus.TickbusNode;
import tickbus.event.EventKind;
import tickbus.event.FeedState;
import tickbus.feed.FeedSettings;
import tickbus.feed.FeedVerticle;
import tickbus.feed.redis.RedisFeedProtocol;
import tickbus.feed.redis.RedisFeedProtocolProvider;
import tickbus.strategy.MarketData;
import tickbus.testing.Await;
import tickbus.testing.RedisServerProcess;

/**
 * JSON messages per second from Redis, decoded, normalized and delivered to a strategy (a {@link MarketData}
 * subscription per instrument, counting), across 100 instrument channels, against a redis-server this command
 * starts. Modes: {@code pubsub} (a publisher thread pipelines PUBLISH, flow-controlled to stay within a window of
 * what was delivered), {@code stream} (the same with XADD), {@code stream-backlog} (entries added before the
 * feed starts, then read from the beginning: the catch-up rate).
 *
 * <p>{@code bench/main tickbus.bench.RedisFeedBench MODE SECONDS [WORKERS]}
 */
public final class RedisFeedBench {

    private static final int INSTRUMENTS = 100;
    private static final long WINDOW_MESSAGES = 200_000;
    private static final long WARMUP_SECONDS = 5;
    private static final long BACKLOG_ENTRIES = 3_000_000;

    private final String mode;
    private final LongAdder delivered = new LongAdder();
    private final AtomicLong acknowledged = new AtomicLong();
    private volatile boolean running = true;

    private RedisFeedBench(String mode) {
        this.mode = mode;
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "pubsub";
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 10;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        if (!mode.equals("pubsub") && !mode.equals("stream") && !mode.equals("stream-backlog")) {
            throw new IllegalArgumentException("mode=" + mode + "; expected pubsub, stream or stream-backlog");
        }
        try (RedisServerProcess redis = RedisServerProcess.start("--client-output-buffer-limit", "pubsub 1gb 1gb 0")) {
            new RedisFeedBench(mode).run(redis, seconds, workers);
        }
    }

    private void run(RedisServerProcess redis, long seconds, int workers) throws Exception {
        if (mode.equals("stream-backlog")) {
            preload(redis);
        }
        Vertx vertx = Vertx.vertx();
        Await.result(TickbusNode.start(vertx));
        FeedSettings settings = FeedSettings.fromJson(new JsonObject().put("source", "bench").put("venue", "XBEN")
                .put("protocol", "redis").put("workers", workers).put("heartbeatTimeoutMillis", 60_000)
                .put("silenceThresholdMillis", 60_000).put("settings", redisSettings(redis)), "config");
        RedisFeedProtocol protocol = (RedisFeedProtocol) new RedisFeedProtocolProvider().create(settings, "settings");
        FeedVerticle feed = new FeedVerticle(settings, protocol);
        String deployment = Await.result(vertx.deployVerticle(feed));
        Await.until("feed LIVE", () -> feed.metrics().state() == FeedState.LIVE);
        MarketData marketData = MarketData.create(vertx);
        for (int i = 0; i < INSTRUMENTS; i++) {
            Await.result(marketData.subscribe("XBEN:" + symbol(i), EnumSet.of(EventKind.QUOTE),
                    event -> delivered.increment()));
        }
        Await.until("subscriptions ACTIVE", () -> protocol.counters().subscribeConfirmations() >= INSTRUMENTS
                || protocol.counters().streamReads() > 0);
        Thread publisher = null;
        if (!mode.equals("stream-backlog")) {
            publisher = new Thread(() -> publish(redis), "bench-publisher");
            publisher.start();
        }
        pause(WARMUP_SECONDS * 1_000);
        long startDelivered = delivered.sum();
        long startAcknowledged = acknowledged.get();
        long startReads = protocol.counters().streamReads();
        CpuTimes startCpu = CpuTimes.now(redis.pid());
        long startNanos = System.nanoTime();
        pause(seconds * 1_000);
        long elapsedNanos = System.nanoTime() - startNanos;
        CpuTimes cpu = CpuTimes.now(redis.pid()).minus(startCpu);
        long deliveredInWindow = delivered.sum() - startDelivered;
        long publishedInWindow = acknowledged.get() - startAcknowledged;
        running = false;
        if (publisher != null) {
            publisher.join();
        }
        double perSecond = deliveredInWindow * 1e9 / elapsedNanos;
        System.out.printf("mode=%s workers=%d seconds=%d delivered=%d rate=%.0f msg/s redisAccepted=%.0f cmd/s "
                + "gaps=%d parseErrors=%s%n", mode, workers, seconds, deliveredInWindow, perSecond,
                publishedInWindow * 1e9 / elapsedNanos, feed.metrics().gaps(), feed.metrics().parseErrorsByKind());
        System.out.println(cpu.describe(deliveredInWindow, elapsedNanos));
        if (mode.startsWith("stream")) {
            long reads = protocol.counters().streamReads() - startReads;
            System.out.printf("stream reads=%.0f/s entries per read=%.1f%n", reads * 1e9 / elapsedNanos,
                    reads == 0 ? 0 : deliveredInWindow / (double) reads);
        }
        Await.result(vertx.undeploy(deployment));
        Await.result(vertx.close());
    }

    private JsonObject redisSettings(RedisServerProcess redis) {
        JsonObject settings = new JsonObject().put("connectionString", redis.connectionString())
                .put("channels", new JsonArray().add("md:{symbol}:quotes"));
        if (mode.startsWith("stream")) {
            settings.put("mode", "stream").put("stream", new JsonObject().put("startId", "0").put("blockMillis", 100)
                    .put("batchCount", Integer.getInteger("bench.batchCount", 1_000)).put("checkpointIntervalMillis", 100));
        }
        return settings;
    }

    /** Pipelined PUBLISH or XADD, round-robin over the channels, numbered per channel, within the window. */
    private void publish(RedisServerProcess redis) {
        boolean stream = mode.equals("stream");
        try (Socket socket = new Socket("127.0.0.1", redis.port())) {
            socket.setTcpNoDelay(true);
            Thread replies = new Thread(() -> countReplies(socket), "bench-replies");
            replies.setDaemon(true);
            replies.start();
            CommandWriter out = new CommandWriter(socket.getOutputStream());
            long[] sequences = new long[INSTRUMENTS];
            long sent = 0;
            while (running) {
                if (sent - delivered.sum() > WINDOW_MESSAGES) {
                    out.flush();
                    LockSupport.parkNanos(100_000);
                    continue;
                }
                int channel = (int) (sent % INSTRUMENTS);
                out.write(stream, channel, ++sequences[channel]);
                sent++;
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void countReplies(Socket socket) {
        try {
            ReplyCounter replies = new ReplyCounter(socket.getInputStream());
            for (long count = replies.next(); count >= 0; count = replies.next()) {
                acknowledged.addAndGet(count);
            }
        } catch (IOException e) {
            if (running) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void preload(RedisServerProcess redis) throws IOException, InterruptedException {
        try (Socket socket = new Socket("127.0.0.1", redis.port())) {
            CommandWriter out = new CommandWriter(socket.getOutputStream());
            ReplyCounter in = new ReplyCounter(socket.getInputStream());
            long[] sequences = new long[INSTRUMENTS];
            Thread writer = new Thread(() -> {
                try {
                    for (long i = 0; i < BACKLOG_ENTRIES; i++) {
                        int channel = (int) (i % INSTRUMENTS);
                        out.write(true, channel, ++sequences[channel]);
                    }
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.start();
            long replies = 0;
            while (replies < BACKLOG_ENTRIES) {
                long count = in.next();
                if (count < 0) {
                    throw new IOException("redis closed the connection after replies=" + replies);
                }
                replies += count;
            }
            writer.join();
        }
    }

    /**
     * Counts replies a chunk at a time: {@code :n} (PUBLISH) is one line, {@code $len} plus the id (XADD) two. The
     * load generator stays cheap (no lock per byte), so the machine's cores go to redis and the feed.
     */
    private static final class ReplyCounter {
        private final InputStream in;
        private final byte[] chunk = new byte[1 << 16];
        private int linesLeft;

        ReplyCounter(InputStream in) {
            this.in = in;
        }

        /** Replies completed in the next chunk read; -1 at the end of input. */
        long next() throws IOException {
            int read = in.read(chunk);
            if (read < 0) {
                return -1;
            }
            long completed = 0;
            for (int i = 0; i < read; i++) {
                byte b = chunk[i];
                if (linesLeft == 0) {
                    linesLeft = b == '$' ? 2 : 1;
                } else if (b == '\n' && --linesLeft == 0) {
                    completed++;
                }
            }
            return completed;
        }
    }

    /** Writes PUBLISH or XADD commands into a reused array, sent to the socket when full or flushed. */
    private static final class CommandWriter {
        private final OutputStream out;
        private final byte[] buffer = new byte[1 << 16];
        private final byte[] digits = new byte[20];
        private int position;

        CommandWriter(OutputStream out) {
            this.out = out;
        }

        /** PUBLISH or XADD of one quote numbered {@code sequence} on {@code channel}. */
        void write(boolean stream, int channel, long sequence) throws IOException {
            byte[] head = HEADS[stream ? 1 : 0][channel];
            byte[] payloadHead = PAYLOAD_HEADS[channel];
            byte[] tail = TAILS[channel];
            int payloadLength = payloadHead.length + digitCount(sequence) + PAYLOAD_TAIL.length();
            if (position + head.length + 24 + payloadLength + 2 > buffer.length) {
                flush();
            }
            put(head);
            putDigits(payloadLength);
            buffer[position++] = '\r';
            buffer[position++] = '\n';
            put(payloadHead);
            putDigits(sequence);
            put(tail);
        }

        void flush() throws IOException {
            out.write(buffer, 0, position);
            out.flush();
            position = 0;
        }

        private void put(byte[] bytes) {
            System.arraycopy(bytes, 0, buffer, position, bytes.length);
            position += bytes.length;
        }

        private void putDigits(long value) {
            int index = digits.length;
            do {
                digits[--index] = (byte) ('0' + value % 10);
                value /= 10;
            } while (value != 0);
            System.arraycopy(digits, index, buffer, position, digits.length - index);
            position += digits.length - index;
        }

        private static int digitCount(long value) {
            int count = 1;
            while (value >= 10) {
                value /= 10;
                count++;
            }
            return count;
        }
    }

    /** The command's bytes around the payload's sequence number, per channel and command: built once. */
    private static final byte[][][] HEADS = new byte[2][INSTRUMENTS][];
    private static final byte[][] TAILS = new byte[INSTRUMENTS][];
    private static final byte[][] PAYLOAD_HEADS = new byte[INSTRUMENTS][];
    private static final String PAYLOAD_TAIL = ",\"ts\":1700000000000000000,\"bid\":\"101.25\",\"bidSize\":\"3.5\","
            + "\"ask\":\"101.5\",\"askSize\":\"2\"}";

    static {
        for (int channel = 0; channel < INSTRUMENTS; channel++) {
            String key = "md:" + symbol(channel) + ":quotes";
            HEADS[0][channel] = ascii("*3\r\n$7\r\nPUBLISH\r\n$" + key.length() + "\r\n" + key + "\r\n$");
            HEADS[1][channel] = ascii("*5\r\n$4\r\nXADD\r\n$" + key.length() + "\r\n" + key
                    + "\r\n$1\r\n*\r\n$4\r\ndata\r\n$");
            TAILS[channel] = ascii(PAYLOAD_TAIL + "\r\n");
            PAYLOAD_HEADS[channel] = ascii("{\"v\":1,\"type\":\"quote\",\"sym\":\"" + symbol(channel)
                    + "\",\"seq\":");
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String symbol(int index) {
        return "SYM" + (index < 10 ? "00" : index < 100 ? "0" : "") + index;
    }

    /** CPU time used so far by the JVM's threads, grouped, and by redis-server. */
    private record CpuTimes(long eventLoops, long parsers, long publisher, long otherJvm, long jvmProcess,
            long redis) {

        static CpuTimes now(long redisPid) {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long eventLoops = 0;
            long parsers = 0;
            long publisher = 0;
            long other = 0;
            for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info == null) {
                    continue;
                }
                long nanos = Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
                String name = info.getThreadName();
                if (name.startsWith("vert.x-eventloop")) {
                    eventLoops += nanos;
                } else if (name.startsWith("tickbus-parser")) {
                    parsers += nanos;
                } else if (name.startsWith("bench-")) {
                    publisher += nanos;
                } else {
                    other += nanos;
                }
            }
            return new CpuTimes(eventLoops, parsers, publisher, other, processNanos("self"), processNanos("" + redisPid));
        }

        CpuTimes minus(CpuTimes start) {
            return new CpuTimes(eventLoops - start.eventLoops, parsers - start.parsers, publisher - start.publisher,
                    otherJvm - start.otherJvm, jvmProcess - start.jvmProcess, redis - start.redis);
        }

        /** GC, JIT and other threads the JVM does not list: the process's time less its Java threads'. */
        String describe(long messages, long elapsedNanos) {
            long javaThreads = eventLoops + parsers + otherJvm + publisher;
            long unlisted = Math.max(0, jvmProcess - javaThreads);
            long feed = eventLoops + parsers + otherJvm + unlisted;
            return String.format("cpu per message (us): eventLoops=%.2f parsers=%.2f otherJvm=%.2f gc+jit=%.2f "
                    + "feed+strategy=%.2f | publisher=%.2f redis-server=%.2f | cores busy: feed+strategy=%.2f "
                    + "redis=%.2f publisher=%.2f | loadavg=%s", perMessage(eventLoops, messages),
                    perMessage(parsers, messages), perMessage(otherJvm, messages), perMessage(unlisted, messages),
                    perMessage(feed, messages), perMessage(publisher, messages),
                    perMessage(redis, messages), feed / (double) elapsedNanos,
                    redis / (double) elapsedNanos, publisher / (double) elapsedNanos, loadAverage());
        }

        private static double perMessage(long nanos, long messages) {
            return messages == 0 ? 0 : nanos / 1_000.0 / messages;
        }

        private static String loadAverage() {
            try {
                return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
            } catch (IOException e) {
                return "unknown";
            }
        }

        /** utime + stime of a process, from /proc (clock ticks of 10 ms). */
        private static long processNanos(String pid) {
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
            } catch (IOException e) {
                return 0;
            }
        }
    }

    private static void pause(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            LockSupport.parkNanos(end - System.nanoTime());
        }
    }
}
