package tickbus.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tickbus.Addresses;
import tickbus.TickbusNode;
import tickbus.event.EventKind;
import tickbus.event.InstrumentStatus;
import tickbus.event.MarketEvent;
import tickbus.event.Quote;
import tickbus.testing.Await;
import tickbus.testing.MutableClock;

/** A parser worker publishes its decoder's events and the engine's payload statuses in stream order. */
class ParserWorkerTest {

    private static final String INSTRUMENT = "XSIM:AAA";
    private static final int PAYLOAD_BYTES = Long.BYTES;

    private final Vertx vertx = Vertx.vertx();
    private final MutableClock clock = new MutableClock(1_700_000_000_000L);
    private final FeedMetrics metrics = new FeedMetrics("test", "XSIM", "test");
    private final List<String> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        Await.result(vertx.close());
    }

    @Test
    void aPayloadGapIsPublishedBetweenTheEventsAroundIt() {
        TickbusNode node = Await.result(TickbusNode.start(vertx));
        Await.result(node.demand().acquire(INSTRUMENT));
        recordQuotesAndStatuses();
        FeedSettings settings = FeedSettings.fromJson(new JsonObject().put("source", "test").put("venue", "XSIM")
                .put("protocol", "test"), "config");
        ParserWorker worker = new ParserWorker(new PayloadNumbered(), settings, metrics, node.demand(), clock,
                new PayloadSequences(metrics, clock), 0);
        Await.result(vertx.deployVerticle(worker));

        worker.submit(batch(1, 2, 5, 6), () -> { });

        Await.until("five events", Duration.ofSeconds(10), () -> received.size() == 5, received::toString);
        assertEquals(List.of("QUOTE 1", "QUOTE 2", "GAP 3..4", "QUOTE 5", "QUOTE 6"), received);
        assertEquals(List.of(1L, 2L), List.of(metrics.gaps(), metrics.gapMessages()));
    }

    /** Both consumers on one context, which receives in the order the worker published. */
    private void recordQuotesAndStatuses() {
        Context context = vertx.getOrCreateContext();
        Promise<Void> registered = Promise.promise();
        context.runOnContext(v -> Future.all(consumer(EventKind.QUOTE), consumer(EventKind.STATUS)).<Void>mapEmpty()
                .onComplete(registered));
        Await.result(registered.future());
    }

    private Future<Void> consumer(EventKind kind) {
        return vertx.eventBus().<MarketEvent>consumer(Addresses.marketData(kind, INSTRUMENT),
                message -> received.add(describe(message.body()))).completion();
    }

    private static String describe(MarketEvent event) {
        return event instanceof InstrumentStatus status
                ? status.state() + " " + status.gapFrom() + ".." + status.gapTo() : event.kind() + " " + event.sequence();
    }

    /** One frame per payload number: the number, as 8 bytes. */
    private static FrameBatch batch(long... numbers) {
        byte[] bytes = new byte[numbers.length * (FrameBatch.HEADER_BYTES + PAYLOAD_BYTES)];
        ByteBuffer frames = ByteBuffer.wrap(bytes);
        int position = 0;
        for (long number : numbers) {
            FrameBatch.writeHeader(bytes, position, PAYLOAD_BYTES, 0, 7);
            frames.putLong(position + FrameBatch.HEADER_BYTES, number);
            position += FrameBatch.HEADER_BYTES + PAYLOAD_BYTES;
        }
        return new FrameBatch(bytes, bytes.length, numbers.length);
    }

    /** Frames carrying a publisher's number: each checked as a payload sequence, then emitted as a quote. */
    private static final class PayloadNumbered implements FeedProtocol {

        @Override
        public Future<FeedConnection> connect(ConnectionContext context) {
            return Future.failedFuture("not connected in this test");
        }

        @Override
        public FrameDecoder newDecoder(DecoderContext context) {
            return (sequence, receiveTimeNanos, frames, offset, length) -> {
                long number = frames.getLong(offset);
                if (context.sequence("publisher", number, List.of(INSTRUMENT)) != SequenceValidator.Verdict.DUPLICATE) {
                    context.sink().accept(new Quote(INSTRUMENT, "XSIM", "test", number, 5, receiveTimeNanos, 2, 0,
                            100, 1, 101, 1));
                }
            };
        }
    }
}
