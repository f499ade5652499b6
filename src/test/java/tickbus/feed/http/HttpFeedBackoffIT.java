package tickbus.feed.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tickbus.event.BreakerState;
import tickbus.event.FeedState;
import tickbus.event.FeedStatus;
import tickbus.feed.FeedSettings;
import tickbus.sim.fixml.FixmlSimServer;
import tickbus.sim.fixml.FixmlSimSettings;
import tickbus.sim.fixml.SimFault;
import tickbus.testing.Await;
import tickbus.testing.FeedHarness;

/**
 * Politeness to a struggling server: 429 and 503 hold the next request back for {@code Retry-After}, whether they
 * answer a poll or a snapshot request (recovering from a 410, or for a joining instrument), and
 * repeated failures open the engine's circuit breaker, which probes once per reset timeout and closes when a
 * probe succeeds.
 */
class HttpFeedBackoffIT {

    @Test
    void retryAfterHoldsTheNextRequestBack() {
        try (HttpFeedFixture fixture = new HttpFeedFixture(FixmlSimSettings.forTests(1, 1_000, 50))) {
            fixture.deploy(new JsonObject());
            fixture.harness.awaitState(FeedState.LIVE);
            assertHeldBack(fixture, SimFault.tooManyRequests("1"), 1, 1_000);
            assertHeldBack(fixture, SimFault.serviceUnavailable("2"), 2, 2_000);
            assertTrue(fixture.harness.describeStates().contains("retryAfterMillis=2000"),
                    fixture.harness.describeStates());
            assertEquals(1, fixture.protocol.counters().failures("status-429"));
            assertEquals(1, fixture.protocol.counters().failures("status-503"));
        }
    }

    @Test
    void theBreakerOpensOnRepeatedFailuresProbesOncePerResetTimeoutAndCloses() {
        try (HttpFeedFixture fixture = new HttpFeedFixture(FixmlSimSettings.forTests(1, 1_000, 50))) {
            fixture.deploy(new JsonObject(), new JsonObject()
                    .put("breaker", new JsonObject().put("maxFailures", 3).put("resetTimeoutMillis", 300)));
            fixture.harness.awaitState(FeedState.LIVE);
            for (int i = 0; i < 50; i++) {
                fixture.server.faults().add(SimFault.serverError());
            }
            fixture.server.generate(1);
            fixture.harness.awaitState(FeedState.CIRCUIT_OPEN);
            int pollsWhenOpened = fixture.server.polls().size();
            Await.until("two half-open probes", Duration.ofSeconds(10),
                    () -> fixture.server.polls().size() >= pollsWhenOpened + 2);
            fixture.server.faults().clear();
            fixture.harness.awaitState(FeedState.LIVE);

            List<FixmlSimServer.Poll> polls = fixture.server.polls();
            FixmlSimServer.Poll firstProbe = polls.get(pollsWhenOpened);
            FixmlSimServer.Poll secondProbe = polls.get(pollsWhenOpened + 1);
            long probeSpacingMillis = TimeUnit.NANOSECONDS.toMillis(secondProbe.arrivalNanos() - firstProbe.arrivalNanos());
            assertTrue(probeSpacingMillis >= 300, "probes " + probeSpacingMillis + " ms apart");
            List<BreakerState> breaker = fixture.harness.feedStatuses.stream().map(FeedStatus::breaker).distinct()
                    .toList();
            assertEquals(List.of(BreakerState.CLOSED, BreakerState.OPEN, BreakerState.HALF_OPEN), List.copyOf(breaker).subList(0, 3));
            Await.until("LIVE with the breaker closed", Duration.ofSeconds(10), () -> {
                List<FeedStatus> statuses = fixture.harness.feedStatuses;
                FeedStatus last = statuses.get(statuses.size() - 1);
                return last.state() == FeedState.LIVE && last.breaker() == BreakerState.CLOSED;
            }, fixture.harness::describeStates);
        }
    }

    @Test
    void retryAfterOnARefusedRecoverySnapshotHoldsTheNextRequestBack() {
        try (FeedHarness harness = new FeedHarness()) {
            List<Hit> hits = new CopyOnWriteArrayList<>();
            HttpFeedProtocol protocol = deployAgainst(harness, hits, 503, "2", poll -> poll.response()
                    .setStatusCode(410).putHeader("Tickbus-Log", "L1").putHeader("Tickbus-Oldest", "5")
                    .putHeader("Tickbus-Head", "10").end());
            assertNextRequestHeldBack(hits, 1_900, harness);
            assertTrue(harness.describeStates().contains("snapshot request while recovering failed: snapshot answered "
                    + "status=503, retryAfterMillis=2000"), harness.describeStates());
            assertFalse(harness.describeStates().contains("bad transport headers"), harness.describeStates());
            assertCountedOncePerRefusal(protocol, "status-503", hits);
            assertCountedOncePerRefusal(protocol, "snapshot-failed", hits);
        }
    }

    @Test
    void retryAfterOnARefusedSnapshotOfAJoiningInstrumentHoldsTheNextRequestBack() {
        try (FeedHarness harness = new FeedHarness()) {
            List<Hit> hits = new CopyOnWriteArrayList<>();
            HttpFeedProtocol protocol = deployAgainst(harness, hits, 429, "1", poll -> {
                // A heartbeat: nothing after the cursor, held briefly as a long poll would be.
                String cursor = poll.getParam(FixmlLongPoll.PARAM_CURSOR);
                harness.vertx.setTimer(20, id -> poll.response().putHeader("Tickbus-Log", "L1")
                        .putHeader("Tickbus-Cursor", cursor).putHeader("Tickbus-Next", cursor).end());
            });
            harness.awaitState(FeedState.LIVE);
            harness.subscribe("XFIX:SIM001");
            assertNextRequestHeldBack(hits, 900, harness);
            assertTrue(harness.describeStates().contains("snapshot answered status=429, retryAfterMillis=1000"),
                    harness.describeStates());
            assertCountedOncePerRefusal(protocol, "status-429", hits);
        }
    }

    record Hit(HttpMethod method, long nanos) {
    }

    /**
     * A feed against a server that answers every snapshot request with {@code snapshotStatus} and
     * {@code Retry-After: retryAfter}, and polls with {@code poll}; every request is recorded in {@code hits}.
     */
    private static HttpFeedProtocol deployAgainst(FeedHarness harness, List<Hit> hits, int snapshotStatus,
            String retryAfter, Handler<HttpServerRequest> poll) {
        HttpServer server = Await.result(harness.vertx.createHttpServer().requestHandler(request -> {
            hits.add(new Hit(request.method(), System.nanoTime()));
            if (request.method() == HttpMethod.POST) {
                request.response().setStatusCode(snapshotStatus).putHeader("Retry-After", retryAfter).end();
            } else {
                poll.handle(request);
            }
        }).listen(0, "127.0.0.1"));
        JsonObject http = new JsonObject().put("baseUrl", "http://127.0.0.1:" + server.actualPort())
                .put("waitMillis", 100).put("idleTimeoutMillis", 250).put("pollTimeoutMillis", 1_500)
                .put("connectTimeoutMillis", 500);
        FeedSettings settings = harness.settings(new JsonObject().put("venue", "XFIX").put("protocol", "http")
                .put("settings", http));
        HttpFeedProtocol protocol = (HttpFeedProtocol) new HttpFeedProtocolProvider().create(settings,
                "config.settings");
        harness.deploy(settings, protocol);
        return protocol;
    }

    /** The request after the first snapshot request (refused) comes {@code minimumMillis} later, at the earliest. */
    private static void assertNextRequestHeldBack(List<Hit> hits, long minimumMillis, FeedHarness harness) {
        Await.until("a refused snapshot request, then another request", Duration.ofSeconds(10),
                () -> firstPost(hits) >= 0 && hits.size() > firstPost(hits) + 1, hits::toString);
        int post = firstPost(hits);
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(hits.get(post + 1).nanos() - hits.get(post).nanos());
        assertTrue(waitedMillis >= minimumMillis, "next request after " + waitedMillis + " ms; states: "
                + harness.describeStates());
    }

    /**
     * Every snapshot request is refused, and each refusal is counted once: read after the count, the requests the
     * server saw number the same, or one more when the retry held back until now is already in flight.
     */
    private static void assertCountedOncePerRefusal(HttpFeedProtocol protocol, String kind, List<Hit> hits) {
        long counted = protocol.counters().failures(kind);
        long refused = hits.stream().filter(hit -> hit.method() == HttpMethod.POST).count();
        assertTrue(counted >= 1 && (counted == refused || counted == refused - 1), kind + ": counted=" + counted
                + ", refused=" + refused + ", " + protocol.counters().failures());
    }

    private static int firstPost(List<Hit> hits) {
        for (int i = 0; i < hits.size(); i++) {
            if (hits.get(i).method() == HttpMethod.POST) {
                return i;
            }
        }
        return -1;
    }

    /** The request after the faulted one comes {@code minimumMillis} later, at the earliest. */
    private static void assertHeldBack(HttpFeedFixture fixture, SimFault fault, long committed, long minimumMillis) {
        fixture.server.faults().add(fault);
        fixture.server.generate(1);
        Await.until("fault committed", () -> fixture.server.faults().committed() == committed);
        int faulted = fixture.server.polls().size() - 1;
        Await.until("the next request", Duration.ofSeconds(10), () -> fixture.server.polls().size() > faulted + 1);
        List<FixmlSimServer.Poll> polls = fixture.server.polls();
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(polls.get(faulted + 1).arrivalNanos()
                - polls.get(faulted).arrivalNanos());
        assertTrue(waitedMillis >= minimumMillis, "next request after " + waitedMillis + " ms; Retry-After "
                + minimumMillis + " ms");
    }
}
