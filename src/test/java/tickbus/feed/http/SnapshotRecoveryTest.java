package tickbus.feed.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tickbus.feed.ConnectionContext;
import tickbus.feed.FeedSettings;
import tickbus.testing.Await;

class SnapshotRecoveryTest {

    private static final String JOINING = "snapshot request for joining instruments";
    private static final FeedSettings FEED = FeedSettings.fromJson(new JsonObject().put("source", "http-test")
            .put("venue", "XSIM").put("protocol", "http"), "config");

    private final Vertx vertx = Vertx.vertx();
    private final Recorder recorder = new Recorder();
    private HttpFeedProtocol protocol;

    @AfterEach
    void close() {
        Await.result(vertx.close());
    }

    @Test
    void aCursorNoLongerHeldIsRecoveredFromJustBeforeTheSnapshotsOfEveryInstrument() {
        HttpServer server = Await.result(vertx.createHttpServer().requestHandler(request -> request.response()
                .putHeader(FixmlLongPoll.HEADER_LOG, "L1").putHeader(FixmlLongPoll.HEADER_CURSOR, "40")
                .putHeader(FixmlLongPoll.HEADER_NEXT, "42").end()).listen(0, "127.0.0.1"));
        SnapshotRecovery recovery = recovery(server.actualPort());
        protocol.sameServerLog("L1");

        recovery.cursorNotHeld(7, gone("L1"));

        assertTrue(recovery.inProgress(), "polls wait for the snapshots");
        Await.until("recovery resumes polling", () -> !recorder.events.isEmpty());
        assertEquals(List.of("resumeFrom 40"), recorder.events);
        assertFalse(recovery.inProgress());
        assertEquals(Map.of("cursor-not-held", 1L), protocol.counters().failures());
        assertEquals(1, protocol.counters().snapshotRequests());
    }

    @Test
    void aFailedJoinSnapshotEndsTheConnectionOnlyWhenTheServerAsksToWait() {
        SnapshotRecovery recovery = recovery(1);

        recovery.snapshotFailed(JOINING, new IOException("connection refused"), false);
        recovery.snapshotFailed(JOINING, new SnapshotRefused(500, RetryAfter.NONE), false);
        assertEquals(List.of(), recorder.events, "the joins failed, the connection goes on");
        recovery.snapshotFailed(JOINING, new SnapshotRefused(503, 2_000), false);

        assertEquals(List.of("retryAfter 2000", "lost status-503: " + JOINING + " failed: snapshot answered "
                + "status=503, retryAfterMillis=2000"), recorder.events);
        assertEquals(Map.of("snapshot-failed", 3L, "status-500", 1L), protocol.counters().failures());
    }

    @Test
    void aFailedRecoverySnapshotEndsTheConnection() {
        SnapshotRecovery recovery = recovery(1);

        recovery.snapshotFailed("snapshot request while recovering", new IOException("connection refused"), true);
        recovery.snapshotFailed("snapshot request", new SnapshotRefused(500, RetryAfter.NONE), true);

        assertEquals(List.of("lost snapshot-failed: snapshot request while recovering failed: connection refused",
                "lost status-500: snapshot request failed: snapshot answered status=500"), recorder.events);
        assertEquals(Map.of("snapshot-failed", 1L), protocol.counters().failures());
    }

    @Test
    void failuresAfterTheConnectionClosedAreIgnored() {
        SnapshotRecovery recovery = recovery(1);
        recorder.open = false;

        recovery.snapshotFailed(JOINING, new SnapshotRefused(503, 2_000), true);

        assertEquals(List.of(), recorder.events);
        assertEquals(Map.of(), protocol.counters().failures());
    }

    @Test
    void snapshotsAskedForWhileOneWasInFlightAreWantedByTheNextConnectionWhenThisOneCloses() {
        List<HttpServerRequest> held = new CopyOnWriteArrayList<>();
        HttpServer server = Await.result(vertx.createHttpServer().requestHandler(held::add).listen(0, "127.0.0.1"));
        SnapshotRecovery recovery = recovery(server.actualPort());
        protocol.sameServerLog("L1");

        vertx.runOnContext(v -> {
            recovery.requestSnapshotsOfAll();
            recovery.requestSnapshotsOfAll();
        });
        Await.until("the first snapshot request reaches the server", () -> held.size() == 1);
        recorder.open = false;
        held.get(0).response().putHeader(FixmlLongPoll.HEADER_LOG, "L1").putHeader(FixmlLongPoll.HEADER_CURSOR, "40")
                .putHeader(FixmlLongPoll.HEADER_NEXT, "42").end();

        // The second request was never sent: the next connection must send it.
        Await.until("the next connection is to ask for the snapshots", protocol::takeSnapshotsWanted);
        assertEquals(1, held.size());
    }

    private SnapshotRecovery recovery(int port) {
        HttpFeedSettings settings = HttpFeedSettings.fromJson(new JsonObject()
                .put("baseUrl", "http://127.0.0.1:" + port + "/md"), "s");
        protocol = new HttpFeedProtocol(FEED, settings);
        LongPollClient client = new LongPollClient(vertx, InstantSource.system(), vertx.createHttpClient(), settings,
                protocol.counters());
        return new SnapshotRecovery(protocol, recorder, client, recorder);
    }

    private static HttpExchange.Response gone(String log) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add(FixmlLongPoll.HEADER_LOG, log)
                .add(FixmlLongPoll.HEADER_OLDEST, "30").add(FixmlLongPoll.HEADER_HEAD, "42");
        return new HttpExchange.Response(410, headers, Buffer.buffer());
    }

    /** The connection and its engine, recording what recovery asks of them. */
    private final class Recorder implements ConnectionContext, SnapshotRecovery.Connection {

        final List<String> events = new CopyOnWriteArrayList<>();
        volatile boolean open = true;

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public long cursor() {
            return 7;
        }

        @Override
        public String polledParameter() {
            return null;
        }

        @Override
        public void resumeFrom(long cursor) {
            events.add("resumeFrom " + cursor);
        }

        @Override
        public void lost(String kind, String message) {
            events.add("lost " + kind + ": " + message);
        }

        @Override
        public Vertx vertx() {
            return vertx;
        }

        @Override
        public FeedSettings settings() {
            return FEED;
        }

        @Override
        public InstantSource clock() {
            return InstantSource.system();
        }

        @Override
        public long resumeSequence() {
            return 0;
        }

        @Override
        public void bytesReceived(int count) {
        }

        @Override
        public void frame(long firstSequence, long lastSequence, Buffer source, int offset, int length) {
            events.add("frame " + firstSequence + ".." + lastSequence);
        }

        @Override
        public void notice(Buffer source, int offset, int length) {
            events.add("notice");
        }

        @Override
        public void endOfRead() {
        }

        @Override
        public void afterPublished(Runnable action) {
            action.run();
        }

        @Override
        public void retryAfter(long delayMillis) {
            events.add("retryAfter " + delayMillis);
        }

        @Override
        public void subscriptionRefused(String instrument, String reason) {
            events.add("subscriptionRefused " + instrument);
        }

        @Override
        public void sequencesLost(long from, long to) {
            events.add("sequencesLost " + from + ".." + to);
        }

        @Override
        public void connectionLost(String reason) {
            events.add("connectionLost " + reason);
        }

        @Override
        public void endOfSession(String reason) {
            events.add("endOfSession " + reason);
        }

        @Override
        public void sessionChanged(String reason, long nextSequence) {
            events.add("sessionChanged " + nextSequence + ": " + reason);
        }
    }
}
