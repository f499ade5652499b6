package tickbus.testing;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import tickbus.feed.ConnectionContext;
import tickbus.feed.DecoderContext;
import tickbus.feed.FeedConnection;
import tickbus.feed.FeedProtocol;
import tickbus.feed.FrameDecoder;

/**
 * A scriptable protocol: subscribe and unsubscribe confirm after {@code confirmDelayMillis}, each key's operations
 * in flight are counted, and every connection holds one receive in flight that close() must cancel.
 */
public final class FakeProtocol implements FeedProtocol {

    public final AtomicInteger connects = new AtomicInteger();
    public final AtomicInteger closes = new AtomicInteger();
    public final AtomicInteger aborts = new AtomicInteger();
    public final AtomicInteger cancelledReceives = new AtomicInteger();
    /** The clock times the engine's watchdog ticks passed to the connections, in order. */
    public final List<Long> ticks = new CopyOnWriteArrayList<>();
    public final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    public final Map<String, AtomicInteger> maxInFlight = new ConcurrentHashMap<>();
    public final List<String> operations = new CopyOnWriteArrayList<>();
    /** The last connection's context, and the event loop it runs on, for tests that feed it frames. */
    public final AtomicReference<ConnectionContext> connection = new AtomicReference<>();
    public final AtomicReference<Context> eventLoop = new AtomicReference<>();
    private final long confirmDelayMillis;
    private final Function<DecoderContext, FrameDecoder> decoders;

    public FakeProtocol(long confirmDelayMillis) {
        this(confirmDelayMillis, context -> (sequence, receiveTimeNanos, frames, offset, length) -> {
        });
    }

    public FakeProtocol(long confirmDelayMillis, Function<DecoderContext, FrameDecoder> decoders) {
        this.confirmDelayMillis = confirmDelayMillis;
        this.decoders = decoders;
    }

    @Override
    public Future<FeedConnection> connect(ConnectionContext context) {
        connects.incrementAndGet();
        eventLoop.set(Vertx.currentContext());
        connection.set(context);
        return Future.succeededFuture(new Connection(context.vertx()));
    }

    @Override
    public FrameDecoder newDecoder(DecoderContext context) {
        return decoders.apply(context);
    }

    private final class Connection implements FeedConnection {

        private final Vertx vertx;
        private final Promise<Buffer> receive = Promise.promise();

        Connection(Vertx vertx) {
            this.vertx = vertx;
        }

        @Override
        public Future<Void> subscribe(String instrument) {
            return operation("subscribe", instrument);
        }

        @Override
        public Future<Void> unsubscribe(String instrument) {
            return operation("unsubscribe", instrument);
        }

        private Future<Void> operation(String name, String instrument) {
            int now = inFlight.computeIfAbsent(instrument, k -> new AtomicInteger()).incrementAndGet();
            maxInFlight.computeIfAbsent(instrument, k -> new AtomicInteger()).accumulateAndGet(now, Math::max);
            operations.add(name + " " + instrument);
            Promise<Void> confirmed = Promise.promise();
            vertx.setTimer(confirmDelayMillis, id -> {
                inFlight.get(instrument).decrementAndGet();
                confirmed.complete();
            });
            return confirmed.future();
        }

        @Override
        public void tick(long nowMillis) {
            ticks.add(nowMillis);
        }

        @Override
        public void pause() {
        }

        @Override
        public void resume() {
        }

        @Override
        public Future<Void> close() {
            closes.incrementAndGet();
            if (receive.tryFail("receive cancelled by close")) {
                cancelledReceives.incrementAndGet();
            }
            return Future.succeededFuture();
        }

        @Override
        public void abort() {
            aborts.incrementAndGet();
            receive.tryFail("receive cancelled by abort");
        }
    }
}
