package tickbus.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.ArrayDeque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback with two of Toxiproxy's toxics on the server-to-client direction: {@code latency} (with
 * {@code jitter}) and {@code bandwidth}. Order is kept: a chunk is never released before the one ahead of it. Like a
 * real slow link it pushes back: past {@value #PAUSE_AT_QUEUED_BYTES} queued bytes it stops reading from the server,
 * so the server's own socket fills. Toxics apply to live connections from the next chunk on. Client-to-server bytes
 * pass untouched.
 */
public final class FaultProxy {

    private static final int PAUSE_AT_QUEUED_BYTES = 256 * 1024;
    private static final int RESUME_AT_QUEUED_BYTES = 64 * 1024;

    private final Vertx vertx;
    private final NetClient client;
    private final int targetPort;
    private NetServer server;
    private volatile long latencyNanos;
    private volatile long jitterNanos;
    private volatile long bytesPerSecond;
    private final AtomicLong delayedChunks = new AtomicLong();

    private FaultProxy(Vertx vertx, int targetPort) {
        this.vertx = vertx;
        this.targetPort = targetPort;
        this.client = vertx.createNetClient();
    }

    /** Listens on an ephemeral loopback port, forwarding each connection to {@code targetPort} on loopback. */
    public static Future<FaultProxy> start(Vertx vertx, int targetPort) {
        FaultProxy proxy = new FaultProxy(vertx, targetPort);
        proxy.server = vertx.createNetServer().connectHandler(proxy::accept);
        return proxy.server.listen(0, "127.0.0.1").map(proxy);
    }

    public int port() {
        return server.actualPort();
    }

    /** Delay each server-to-client chunk by {@code latencyMillis} ± up to {@code jitterMillis}. */
    public void latency(long latencyMillis, long jitterMillis) {
        this.jitterNanos = jitterMillis * 1_000_000;
        this.latencyNanos = latencyMillis * 1_000_000;
    }

    /** Cap the server-to-client rate; 0 for no cap. */
    public void bandwidth(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
    }

    /** Remove every toxic. */
    public void clear() {
        latency(0, 0);
        bandwidth(0);
    }

    /** Chunks held back by a toxic so far. */
    public long delayedChunks() {
        return delayedChunks.get();
    }

    public Future<Void> close() {
        return server.close().compose(v -> client.close());
    }

    private void accept(NetSocket downstream) {
        downstream.pause();
        client.connect(targetPort, "127.0.0.1").onComplete(connected -> {
            if (connected.failed()) {
                downstream.close();
                return;
            }
            NetSocket upstream = connected.result();
            new Link(upstream, downstream).start();
        });
    }

    /** One proxied connection: the toxic queue of the server-to-client direction. */
    private final class Link {

        private final NetSocket upstream;
        private final NetSocket downstream;
        private final ArrayDeque<Chunk> queue = new ArrayDeque<>();
        private long queuedBytes;
        private long lastReleaseNanos;
        private boolean timerSet;
        private boolean upstreamEnded;

        Link(NetSocket upstream, NetSocket downstream) {
            this.upstream = upstream;
            this.downstream = downstream;
        }

        void start() {
            downstream.handler(upstream::write);
            downstream.closeHandler(v -> upstream.close());
            upstream.handler(this::fromServer);
            upstream.closeHandler(v -> {
                upstreamEnded = true;
                drain();
            });
            downstream.resume();
        }

        /** A capped link releases a chunk in slices of 20 ms worth of bytes, each when it has been "transmitted". */
        private void fromServer(Buffer chunk) {
            long rate = bytesPerSecond;
            int slice = rate == 0 ? chunk.length() : (int) Math.max(1, Math.min(chunk.length(), rate / 50));
            for (int start = 0; start < chunk.length(); start += slice) {
                queue(chunk.getBuffer(start, Math.min(chunk.length(), start + slice)), rate);
            }
            if (queuedBytes > PAUSE_AT_QUEUED_BYTES) {
                upstream.pause();
            }
            drain();
        }

        private void queue(Buffer bytes, long rate) {
            long now = System.nanoTime();
            long jitter = jitterNanos == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitterNanos, jitterNanos + 1);
            long delay = latencyNanos == 0 ? 0 : Math.max(0, latencyNanos + jitter);
            long transmitNanos = rate == 0 ? 0 : bytes.length() * 1_000_000_000L / rate;
            long releaseAt = Math.max(lastReleaseNanos, now + delay) + transmitNanos;
            lastReleaseNanos = releaseAt;
            if (releaseAt > now) {
                delayedChunks.incrementAndGet();
            }
            queue.add(new Chunk(bytes, releaseAt));
            queuedBytes += bytes.length();
        }

        private void drain() {
            long now = System.nanoTime();
            while (!queue.isEmpty() && queue.peek().releaseAtNanos() <= now) {
                Chunk chunk = queue.poll();
                queuedBytes -= chunk.bytes().length();
                downstream.write(chunk.bytes());
            }
            if (queuedBytes < RESUME_AT_QUEUED_BYTES && !upstreamEnded) {
                upstream.resume();
            }
            if (queue.isEmpty()) {
                if (upstreamEnded) {
                    downstream.close();
                }
                return;
            }
            if (!timerSet) {
                timerSet = true;
                long waitMillis = Math.max(1, (queue.peek().releaseAtNanos() - now) / 1_000_000);
                vertx.setTimer(waitMillis, id -> {
                    timerSet = false;
                    drain();
                });
            }
        }
    }

    private record Chunk(Buffer bytes, long releaseAtNanos) {
    }
}
