package tickbus.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tickbus.event.FeedState;
import tickbus.testing.Await;
import tickbus.testing.FakeProtocol;
import tickbus.testing.FeedHarness;

/** What a protocol reports while its connect is still completing (e.g. in the same read as the login reply). */
class ConnectRaceTest {

    private final FeedHarness harness = new FeedHarness();
    private final FakeProtocol fake = new FakeProtocol(1);
    private final List<String> decoded = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        harness.close();
    }

    private FeedProtocol reportingDuringConnect(java.util.function.BiConsumer<ConnectionContext, Integer> report) {
        AtomicInteger attempts = new AtomicInteger();
        return new FeedProtocol() {
            @Override
            public Future<FeedConnection> connect(ConnectionContext context) {
                Future<FeedConnection> connected = fake.connect(context);
                report.accept(context, attempts.incrementAndGet());
                return connected;
            }

            @Override
            public FrameDecoder newDecoder(DecoderContext context) {
                return fake.newDecoder(context);
            }
        };
    }

    @Test
    void anEndOfSessionDuringTheConnectEndsTheSessionInsteadOfGoingLive() {
        harness.deploy(harness.settings(new JsonObject()),
                reportingDuringConnect((context, attempt) -> context.endOfSession("ended within the login read")));
        harness.awaitState(FeedState.END_OF_SESSION);
        assertEquals(1, fake.connects.get());
        assertEquals(1, fake.closes.get());
        assertTrue(!harness.describeStates().contains("LIVE"), harness.describeStates());
    }

    @Test
    void aLossDuringTheConnectReconnectsInsteadOfGoingLiveOnADeadConnection() {
        harness.deploy(harness.settings(new JsonObject()), reportingDuringConnect((context, attempt) -> {
            if (attempt == 1) {
                context.connectionLost("reset within the login read");
            }
        }));
        Await.until("second connection", () -> fake.connects.get() == 2);
        harness.awaitState(FeedState.LIVE);
        assertEquals(1, fake.aborts.get());
        assertTrue(harness.describeStates().startsWith("CONNECTING(starting) → BACKING_OFF(connection lost: reset "
                + "within the login read;"), harness.describeStates());
    }

    @Test
    void aGapInTheLoginReadReconnectsFromTheFirstMissingNumber() {
        List<Long> resumeRequests = new CopyOnWriteArrayList<>();
        Buffer payload = Buffer.buffer("x");
        FeedVerticle feed = harness.deploy(harness.settings(new JsonObject()), reportingDuringConnect(
                (context, attempt) -> {
                    resumeRequests.add(context.resumeSequence());
                    if (attempt == 1) {
                        for (long sequence = 1; sequence <= 3; sequence++) {
                            context.frame(sequence, payload, 0, 1);
                        }
                    } else if (attempt == 2) {
                        // asked for 4, resumed at 6, in the same read as the login's reply
                        context.frame(6, payload, 0, 1);
                        context.frame(7, payload, 0, 1);
                    } else {
                        for (long sequence = 4; sequence <= 7; sequence++) {
                            context.frame(sequence, payload, 0, 1);
                        }
                    }
                    context.endOfRead();
                }));
        harness.awaitState(FeedState.LIVE);
        fake.eventLoop.get().runOnContext(v -> fake.connection.get().connectionLost("reset"));

        Await.until("a third login", Duration.ofSeconds(5), () -> resumeRequests.size() >= 3,
                () -> "logins asked for " + resumeRequests + "; " + harness.describeStates());
        harness.awaitState(FeedState.LIVE);
        assertEquals(List.of(0L, 4L, 4L), resumeRequests.subList(0, 3));
        assertEquals(1, feed.metrics().gaps());
        assertEquals(1L, feed.metrics().disconnectsByReason().get("gap-reconnect"));
    }

    @Test
    void aConnectCompletingAfterTheBreakerTimedItOutIsAborted() {
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger lateConnects = new AtomicInteger();
        FeedProtocol slowFirst = new FeedProtocol() {
            @Override
            public Future<FeedConnection> connect(ConnectionContext context) {
                if (attempts.incrementAndGet() > 1) {
                    return fake.connect(context);
                }
                Promise<FeedConnection> late = Promise.promise();
                context.vertx().setTimer(400, id -> fake.connect(context).onSuccess(connection -> {
                    late.complete(connection);
                    lateConnects.incrementAndGet();
                }));
                return late.future();
            }

            @Override
            public FrameDecoder newDecoder(DecoderContext context) {
                return fake.newDecoder(context);
            }
        };
        FeedVerticle feed = harness.deploy(harness.settings(new JsonObject().put("breaker", new JsonObject()
                .put("maxFailures", 100).put("resetTimeoutMillis", 200).put("attemptTimeoutMillis", 100))), slowFirst);
        Await.until("the timed-out connect completing", Duration.ofSeconds(10), () -> lateConnects.get() == 1,
                harness::describeStates);
        Await.until("the late connection released", () -> fake.aborts.get() + fake.closes.get() > 0);
        harness.awaitState(FeedState.LIVE);

        assertEquals(List.of(2, 1, 0), List.of(fake.connects.get(), fake.aborts.get(), fake.closes.get()),
                "connects, aborts, closes; " + harness.describeStates());
        assertEquals(1, feed.metrics().connects(), "only the retry's connection is the feed's");
    }

    @Test
    void aTimedOutConnectsFramesAndReportsDuringTheNextAttemptReachNothing() {
        LateConnect late = new LateConnect(true);
        FeedVerticle feed = harness.deploy(timingOutFirstAttempt(), late);
        harness.awaitState(FeedState.LIVE);

        assertUntouchedByTheLateConnection(feed, List.of("C1", "C2", "C3", "C4", "C5"));
    }

    @Test
    void aTimedOutConnectsFramesAndReportsAfterTheNextAttemptWentLiveReachNothing() {
        LateConnect late = new LateConnect(false);
        FeedVerticle feed = harness.deploy(timingOutFirstAttempt(), late);
        harness.awaitState(FeedState.LIVE);
        fake.eventLoop.get().runOnContext(v -> {
            late.reportAndComplete();
            late.currentStream(6, 7);
        });

        assertUntouchedByTheLateConnection(feed, List.of("C1", "C2", "C3", "C4", "C5", "C6", "C7"));
    }

    private FeedSettings timingOutFirstAttempt() {
        return harness.settings(new JsonObject().put("breaker", new JsonObject()
                .put("maxFailures", 100).put("resetTimeoutMillis", 200).put("attemptTimeoutMillis", 50)));
    }

    private void assertUntouchedByTheLateConnection(FeedVerticle feed, List<String> currentStream) {
        Await.until("the current stream decoded", Duration.ofSeconds(10),
                () -> decoded.size() >= currentStream.size(),
                () -> decoded + "; " + harness.describeStates());
        Await.until("the late connection aborted", Duration.ofSeconds(10), () -> fake.aborts.get() > 0,
                harness::describeStates);
        assertEquals(currentStream, decoded, "frames decoded; L = the late connection's");
        assertEquals(List.of(0L, 0L, 3L), List.of(feed.metrics().duplicates(), feed.metrics().gaps(),
                feed.metrics().abandonedFrames()), "duplicates, gaps, frames ignored from the late connection");
        assertEquals(FeedState.LIVE, feed.metrics().state(), harness.describeStates());
        assertEquals(List.of(1, 0), List.of(fake.aborts.get(), fake.closes.get()), "aborts, closes");
        assertEquals(1, feed.metrics().connects(), "only the retry's connection is the feed's");
        assertEquals(Map.of("connect-failed", 1L), feed.metrics().disconnectsByReason());
        assertTrue(!harness.describeStates().contains("late"), harness.describeStates());
    }

    /**
     * The first connect completes only after the breaker timed it out, delivering frames L1..L3 and reports in its
     * login read; the second delivers frames C1..C5 in its own. Later attempts just connect.
     */
    private final class LateConnect implements FeedProtocol {

        private final boolean lateDuringTheSecondConnect;
        private final Promise<FeedConnection> late = Promise.promise();
        private final List<ConnectionContext> contexts = new CopyOnWriteArrayList<>();

        LateConnect(boolean lateDuringTheSecondConnect) {
            this.lateDuringTheSecondConnect = lateDuringTheSecondConnect;
        }

        @Override
        public Future<FeedConnection> connect(ConnectionContext context) {
            contexts.add(context);
            if (contexts.size() == 1) {
                return late.future();
            }
            Future<FeedConnection> connected = fake.connect(context);
            if (contexts.size() == 2) {
                if (lateDuringTheSecondConnect) {
                    reportAndComplete();
                }
                currentStream(1, 5);
            }
            return connected;
        }

        /** The late connection's login read: bytes, frames, a session change, a loss, an End of Session. */
        void reportAndComplete() {
            ConnectionContext lateContext = contexts.get(0);
            Buffer payload = Buffer.buffer("L");
            lateContext.bytesReceived(100);
            for (long sequence = 1; sequence <= 3; sequence++) {
                lateContext.frame(sequence, payload, 0, 1);
            }
            lateContext.endOfRead();
            lateContext.sessionChanged("late session", 1);
            lateContext.connectionLost("late reset");
            lateContext.endOfSession("late end of session");
            late.complete(fake.connect(lateContext).result());
        }

        void currentStream(long from, long to) {
            ConnectionContext current = contexts.get(1);
            Buffer payload = Buffer.buffer("C");
            for (long sequence = from; sequence <= to; sequence++) {
                current.frame(sequence, payload, 0, 1);
            }
            current.endOfRead();
        }

        @Override
        public FrameDecoder newDecoder(DecoderContext context) {
            return (sequence, receiveTimeNanos, frames, offset, length) ->
                    decoded.add(frames.getString(offset, offset + length) + sequence);
        }
    }
}
