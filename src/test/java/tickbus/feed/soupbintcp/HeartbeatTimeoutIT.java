package tickbus.feed.soupbintcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import tickbus.event.FeedState;
import tickbus.event.FeedStatus;
import tickbus.testing.Await;
import tickbus.testing.ItchFlowGenerator;

/**
 * Heartbeat timeout, on the injected clock: a server that goes silent (socket open, nothing sent) is given up
 * after {@code heartbeatTimeoutMillis}, not before, and the feed is logged in again within the timeout plus one
 * second, resuming after the last message it processed. The client heartbeat goes out after each second without
 * output, and each one proves the watchdog has seen the clock's new time.
 */
class HeartbeatTimeoutIT {

    private static final long TIMEOUT_MILLIS = 3_000;

    @Test
    void aSilentServerIsLeftAfterTheTimeoutAndTheFeedReconnectsWithinASecond() {
        ItchFlowGenerator flow = new ItchFlowGenerator(5, 2);
        List<byte[]> messages = flow.messages(1_000);
        try (ItchFeedScenario scenario = new ItchFeedScenario()) {
            scenario.startSim(messages, new JsonObject());
            scenario.subscribe("XNAS:SYM1");
            scenario.deployFeed(new JsonObject(), new JsonObject().put("heartbeatTimeoutMillis", TIMEOUT_MILLIS));
            scenario.harness.awaitState(FeedState.LIVE);
            scenario.awaitDecoded(messages.size());

            Await.result(scenario.sim.silenceConnections());
            long silentFrom = scenario.harness.clock.millis();
            long heartbeats = scenario.sim.stats().clientHeartbeats();
            for (int second = 1; second <= TIMEOUT_MILLIS / 1_000; second++) {
                scenario.harness.clock.advanceMillis(1_000);
                long expected = heartbeats + second;
                Await.until("client heartbeat " + expected, () -> scenario.sim.stats().clientHeartbeats() == expected);
                assertEquals(0, scenario.feed.metrics().heartbeatTimeouts(), "given up too early");
            }
            scenario.harness.clock.advanceMillis(1_000);
            Await.until("a new login", () -> scenario.sim.stats().logins() == 2);
            scenario.harness.awaitState(FeedState.LIVE);

            FeedStatus live = scenario.harness.feedStatuses.get(scenario.harness.feedStatuses.size() - 1);
            long reconnectedAfterMillis = live.receiveTimeNanos() / 1_000_000 - silentFrom;
            assertTrue(reconnectedAfterMillis <= TIMEOUT_MILLIS + 1_000, "reconnected after " + reconnectedAfterMillis);
            assertEquals(1, scenario.feed.metrics().heartbeatTimeouts());
            assertTrue(scenario.harness.feedStatuses.stream().anyMatch(status -> status.state() == FeedState.BACKING_OFF
                    && status.reason().contains("heartbeat timeout: silentMillis=4000, timeoutMillis=3000")),
                    scenario.harness.describeStates());
            assertEquals(List.of("session='' sequence=1", "session='SIM1' sequence=" + (messages.size() + 1)),
                    scenario.sim.stats().loginRequests());
        }
    }
}
