package tickbus.feed.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tickbus.feed.FeedSettings;
import tickbus.testing.Await;
import tickbus.testing.FeedHarness;

/**
 * Documents quarantined one after another while the snapshots asked for after the first are still being appended:
 * the server gets one snapshot request at a time, and one more once that is answered (which covers every range
 * quarantined meanwhile), not one request for every instrument per bad document.
 */
class HttpFeedQuarantineSnapshotsIT {

    private static final String LOG = "log-1";
    private static final int BAD_DOCUMENTS = 5;

    private final AtomicInteger snapshotRequests = new AtomicInteger();
    private final AtomicInteger snapshotsInFlight = new AtomicInteger();
    private final AtomicInteger mostSnapshotsInFlight = new AtomicInteger();
    private final List<HttpServerRequest> heldSnapshots = new ArrayList<>();
    private volatile boolean releaseSnapshots;
    private volatile Context serverContext;

    @Test
    void snapshotsAskedForByQuarantinesAreOneRequestAtATime() {
        try (FeedHarness harness = new FeedHarness()) {
            HttpServer server = Await.result(harness.vertx.createHttpServer().requestHandler(request -> {
                if (request.path().equals(FixmlLongPoll.PATH_SNAPSHOT)) {
                    snapshot(request);
                } else {
                    poll(harness, request);
                }
            }).listen(0, "127.0.0.1"));
            JsonObject http = new JsonObject().put("baseUrl", "http://127.0.0.1:" + server.actualPort())
                    .put("waitMillis", 100).put("idleTimeoutMillis", 5_000).put("pollTimeoutMillis", 10_000)
                    .put("followDemand", false);
            FeedSettings settings = harness.settings(new JsonObject().put("venue", "XFIX").put("protocol", "http")
                    .put("settings", http));
            HttpFeedProtocol protocol = (HttpFeedProtocol) new HttpFeedProtocolProvider().create(settings,
                    "config.settings");
            harness.deploy(settings, protocol);

            // The first snapshot request may reach the server after the worker quarantined the last document.
            Await.until(BAD_DOCUMENTS + " documents quarantined and a snapshot request held", Duration.ofSeconds(20),
                    () -> protocol.quarantine().total() == BAD_DOCUMENTS && serverContext != null,
                    () -> "quarantined " + protocol.quarantine().byKind() + ", snapshot requests " + snapshotRequests
                            + ", failures " + protocol.counters().failures());
            serverContext.runOnContext(v -> {
                releaseSnapshots = true;
                heldSnapshots.forEach(this::answerSnapshot);
                heldSnapshots.clear();
            });
            // The one asked for again is sent when the first is answered; then every request sent has been answered.
            Await.until("every snapshot request sent answered", () -> snapshotRequests.get() >= 2
                    && snapshotsInFlight.get() == 0 && protocol.counters().snapshotRequests() == snapshotRequests.get());

            assertEquals(List.of(1, 2), List.of(mostSnapshotsInFlight.get(), snapshotRequests.get()),
                    "[most in flight at once, requests] for " + BAD_DOCUMENTS + " quarantined documents");
        }
    }

    private void poll(FeedHarness harness, HttpServerRequest request) {
        long cursor = Long.parseLong(request.getParam(FixmlLongPoll.PARAM_CURSOR));
        boolean bad = cursor < BAD_DOCUMENTS;
        long next = bad ? cursor + 1 : cursor;
        // Positions 1..5 hold one forbidden entity each: each document is quarantined on the worker.
        String body = "<FIXML><Batch cursor=\"" + cursor + "\" next=\"" + next + "\">" + (bad ? "&bad;" : "")
                + "</Batch></FIXML>";
        Runnable answer = () -> request.response().putHeader("Content-Type", "application/xml")
                .putHeader(FixmlLongPoll.HEADER_LOG, LOG).putHeader(FixmlLongPoll.HEADER_CURSOR, Long.toString(cursor))
                .putHeader(FixmlLongPoll.HEADER_NEXT, Long.toString(next)).end(body);
        if (bad) {
            answer.run();
        } else {
            harness.vertx.setTimer(50, id -> answer.run());
        }
    }

    private void snapshot(HttpServerRequest request) {
        serverContext = Vertx.currentContext();
        snapshotRequests.incrementAndGet();
        mostSnapshotsInFlight.accumulateAndGet(snapshotsInFlight.incrementAndGet(), Math::max);
        if (releaseSnapshots) {
            answerSnapshot(request);
        } else {
            heldSnapshots.add(request);
        }
    }

    private void answerSnapshot(HttpServerRequest request) {
        snapshotsInFlight.decrementAndGet();
        request.response().putHeader(FixmlLongPoll.HEADER_LOG, LOG)
                .putHeader(FixmlLongPoll.HEADER_CURSOR, Long.toString(BAD_DOCUMENTS))
                .putHeader(FixmlLongPoll.HEADER_NEXT, Long.toString(BAD_DOCUMENTS)).end();
    }
}
