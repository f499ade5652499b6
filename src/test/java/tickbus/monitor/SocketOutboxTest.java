package tickbus.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SocketOutboxTest {

    private final List<String> written = new ArrayList<>();
    private final List<Promise<Void>> pending = new ArrayList<>();
    private final LongAdder conflatedTotal = new LongAdder();
    private boolean transportFull;
    private final SocketOutbox outbox = new SocketOutbox(this::write, () -> transportFull, 10, conflatedTotal);

    private Future<Void> write(Buffer frame) {
        written.add(frame.toString());
        Promise<Void> promise = Promise.promise();
        pending.add(promise);
        return promise.future();
    }

    private static Supplier<Buffer> frame(String text) {
        return () -> Buffer.buffer(text);
    }

    private void acknowledgeAll() {
        List<Promise<Void>> acknowledged = new ArrayList<>(pending);
        pending.clear();
        acknowledged.forEach(Promise::complete);
    }

    @Test
    void framesGoStraightOutWhileUnderTheLimit() {
        outbox.offer("a", frame("a1234"));
        outbox.offer("b", frame("b1234"));
        assertEquals(List.of("a1234", "b1234"), written);
        assertEquals(10, outbox.inFlightBytes());
        acknowledgeAll();
        assertEquals(0, outbox.inFlightBytes());
    }

    @Test
    void pastTheLimitOnlyTheLatestFramePerAddressIsKeptAndSentOnAcknowledgement() {
        outbox.offer("a", frame("a-first-12"));
        outbox.offer("a", frame("a2"));
        outbox.offer("b", frame("b1"));
        outbox.offer("a", frame("a3"));
        outbox.offer("b", frame("b2"));
        assertEquals(List.of("a-first-12"), written);
        assertEquals(2, outbox.waitingFrames());
        assertEquals(2, outbox.conflated());
        acknowledgeAll();
        assertEquals(List.of("a-first-12", "a3", "b2"), written);
        assertEquals(0, outbox.waitingFrames());
        assertEquals(2, conflatedTotal.sum());
    }

    @Test
    void aFullTransportQueueHoldsFramesBack() {
        transportFull = true;
        outbox.offer("a", frame("a1"));
        outbox.offer("a", frame("a2"));
        assertEquals(List.of(), written);
        transportFull = false;
        outbox.offer("b", frame("b1"));
        assertEquals(List.of("a2", "b1"), written);
        assertEquals(1, outbox.conflated());
    }

    @Test
    void aFrozenSocketHoldsAtMostOneFramePerAddressWhateverIsOffered() {
        for (int i = 0; i < 10_000; i++) {
            outbox.offer("md.quote.X:" + (i % 16), frame("update-" + i));
        }
        assertEquals(List.of("update-0", "update-1"), written, "writes stop once the limit is reached");
        assertEquals(16, outbox.waitingFrames());
        assertEquals(10_000 - 2 - 16, outbox.conflated());
    }

    @Test
    void closingDropsWhatWaitsAndIgnoresLaterOffers() {
        outbox.offer("a", frame("a-first-12"));
        outbox.offer("b", frame("b1"));
        outbox.close();
        outbox.offer("c", frame("c1"));
        acknowledgeAll();
        assertEquals(List.of("a-first-12"), written);
        assertEquals(0, outbox.waitingFrames());
    }

    @Test
    void aWriteFailingAtOnceDoesNotBreakDraining() {
        SocketOutbox closedSocket = new SocketOutbox(frame -> {
            written.add(frame.toString());
            return Future.failedFuture("closed");
        }, () -> false, 1, conflatedTotal);
        closedSocket.offer("a", frame("a1"));
        closedSocket.offer("b", frame("b1"));
        assertEquals(List.of("a1", "b1"), written);
        assertEquals(0, closedSocket.inFlightBytes());
    }
}
