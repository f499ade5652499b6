package tickbus.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import tickbus.TickbusNode;
import tickbus.feed.ConnectionContext;
import tickbus.feed.DecoderContext;
import tickbus.feed.FeedConnection;
import tickbus.feed.FeedProtocol;
import tickbus.feed.FeedSettings;
import tickbus.feed.FeedVerticle;
import tickbus.feed.FrameDecoder;

/**
 * Sustained frame hand-off from a feed's event loop to its parser worker(s), through the real engine: sequence
 * validation, batching, the worker queue and back-pressure (pause/resume). The protocol produces 32-byte frames
 * as fast as the event loop allows; the decoder reads each frame's first long. Prints frames/s.
 * Usage: bench/main tickbus.bench.HandoffBench [workers] [seconds]
 */
public final class HandoffBench {

    private static final int FRAME_BYTES = 32;
    private static final int FRAMES_PER_READ = 1_024;

    public static void main(String[] args) throws Exception {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Vertx vertx = Vertx.vertx();
        TickbusNode.start(vertx).await();
        LongAdder decoded = new LongAdder();
        FeedSettings settings = FeedSettings.fromJson(new JsonObject().put("source", "bench").put("venue", "XBEN")
                .put("protocol", "blast").put("workers", workers).put("maxBatchFrames", 8_192)
                .put("heartbeatTimeoutMillis", 3_600_000).put("silenceThresholdMillis", 86_400_000), "config");
        String feed = vertx.deployVerticle(new FeedVerticle(settings, new BlastProtocol(decoded))).await();
        measure("warm-up", decoded, 3);
        double rate = measure("measured", decoded, seconds);
        System.out.printf("handoff: workers=%d frameBytes=%d rate=%.2f M frames/s%n", workers, FRAME_BYTES, rate / 1e6);
        vertx.undeploy(feed).await();
        vertx.close().await();
    }

    private static double measure(String phase, LongAdder decoded, int seconds) {
        long startCount = decoded.sum();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            LockSupport.parkNanos(end - System.nanoTime());
        }
        double rate = (decoded.sum() - startCount) / ((System.nanoTime() - start) / 1e9);
        System.out.printf("%s: %.2f M frames/s%n", phase, rate / 1e6);
        return rate;
    }

    private static final class BlastProtocol implements FeedProtocol {

        private final LongAdder decoded;

        BlastProtocol(LongAdder decoded) {
            this.decoded = decoded;
        }

        @Override
        public Future<FeedConnection> connect(ConnectionContext context) {
            return Future.succeededFuture(new BlastConnection(context, context.vertx().getOrCreateContext()));
        }

        @Override
        public FrameDecoder newDecoder(DecoderContext context) {
            long[] checksum = new long[1];
            return (sequence, receiveTimeNanos, frames, offset, length) -> {
                checksum[0] += frames.getLong(offset);
                decoded.increment();
            };
        }

        @Override
        public int shardOf(Buffer frames, int offset, int length, int shards) {
            return (frames.getUnsignedByte(offset) & 0x7f) % shards;
        }
    }

    private static final class BlastConnection implements FeedConnection {

        private final ConnectionContext context;
        private final Context eventLoop;
        private final Buffer read = Buffer.buffer(FRAME_BYTES * FRAMES_PER_READ);
        private long sequence = 1;
        private boolean paused;
        private boolean closed;

        BlastConnection(ConnectionContext context, Context eventLoop) {
            this.context = context;
            this.eventLoop = eventLoop;
            for (int i = 0; i < FRAMES_PER_READ; i++) {
                read.appendLong(i).appendLong(i * 31L).appendLong(i * 17L).appendLong(i);
            }
            eventLoop.runOnContext(v -> blast());
        }

        private void blast() {
            if (paused || closed) {
                return;
            }
            for (int i = 0; i < FRAMES_PER_READ; i++) {
                context.frame(sequence++, read, i * FRAME_BYTES, FRAME_BYTES);
            }
            context.bytesReceived(read.length());
            context.endOfRead();
            eventLoop.runOnContext(v -> blast());
        }

        @Override
        public Future<Void> subscribe(String instrument) {
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> unsubscribe(String instrument) {
            return Future.succeededFuture();
        }

        @Override
        public void pause() {
            paused = true;
        }

        @Override
        public void resume() {
            if (paused) {
                paused = false;
                eventLoop.runOnContext(v -> blast());
            }
        }

        @Override
        public Future<Void> close() {
            closed = true;
            return Future.succeededFuture();
        }

        @Override
        public void abort() {
            closed = true;
        }
    }
}
