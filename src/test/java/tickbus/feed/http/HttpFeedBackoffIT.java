package tickbus.feed.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tickbus.event.BreakerState;
import tickbus.event.FeedState;
import tickbus.event.FeedStatus;
import tickbus.sim.fixml.FixmlSimServer;
import tickbus.sim.fixml.FixmlSimSettings;
import tickbus.sim.fixml.SimFault;
import tickbus.testing.Await;

/**
 * Politeness to a struggling server: 429 and 503 hold the next request back for {@code Retry-After}, and
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
