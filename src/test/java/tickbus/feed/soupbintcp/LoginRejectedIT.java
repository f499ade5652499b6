package tickbus.feed.soupbintcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import tickbus.event.BreakerState;
import tickbus.event.FeedState;
import tickbus.event.FeedStatus;
import tickbus.protocol.soupbintcp.SoupBinTcp;
import tickbus.testing.ItchFlowGenerator;

/**
 * Login rejected: the feed backs off with the server's reason in its FeedStatus and logs in once the server lets
 * it; rejected for good (a wrong password), it opens the circuit breaker instead of hammering the server.
 */
class LoginRejectedIT {

    private static final String NOT_AUTHORIZED = "login rejected: not authorized (code='A' (0x41))";

    @Test
    void backsOffWithTheReasonAndLogsInWhenTheServerAccepts() {
        ItchFlowGenerator flow = new ItchFlowGenerator(11, 2);
        List<byte[]> messages = flow.messages(500);
        try (ItchFeedScenario scenario = new ItchFeedScenario()) {
            scenario.startSim(messages, new JsonObject().put("username", "alice").put("password", "s3cret"));
            scenario.sim.faults().rejectNextLogins(2, SoupBinTcp.REJECT_REASON_NOT_AUTHORIZED);
            scenario.subscribe("XNAS:SYM1");
            scenario.deployFeed(new JsonObject().put("username", "alice").put("password", "s3cret"),
                    new JsonObject());

            scenario.harness.awaitState(FeedState.LIVE);
            scenario.awaitTrades("XNAS:SYM1", ItchFeedScenario.tradesOf(flow.expectedTrades(), "XNAS:SYM1").size());

            List<FeedStatus> backoffs = scenario.harness.feedStatuses.stream()
                    .filter(status -> status.state() == FeedState.BACKING_OFF).toList();
            assertEquals(2, backoffs.size(), scenario.harness.describeStates());
            backoffs.forEach(status -> assertTrue(status.reason().startsWith("connect failed: " + NOT_AUTHORIZED),
                    status.reason()));
            assertEquals(2, scenario.sim.stats().rejectedLogins());
            assertEquals(1, scenario.sim.stats().logins());
            assertEquals(ItchFeedScenario.tradesOf(flow.expectedTrades(), "XNAS:SYM1"), scenario.trades("XNAS:SYM1"));
        }
    }

    @Test
    void aWrongPasswordOpensTheCircuitBreaker() {
        try (ItchFeedScenario scenario = new ItchFeedScenario()) {
            scenario.startSim(new ItchFlowGenerator(3, 1).messages(10),
                    new JsonObject().put("username", "alice").put("password", "s3cret"));
            scenario.deployFeed(new JsonObject().put("username", "alice").put("password", "guess"),
                    new JsonObject().put("breaker", new JsonObject().put("maxFailures", 3)
                            .put("resetTimeoutMillis", 600_000)));

            scenario.harness.awaitState(FeedState.CIRCUIT_OPEN);

            FeedStatus open = scenario.harness.feedStatuses.get(scenario.harness.feedStatuses.size() - 1);
            assertEquals(BreakerState.OPEN, open.breaker());
            assertEquals(3, scenario.sim.stats().rejectedLogins());
            assertEquals(0, scenario.sim.stats().logins());
            assertTrue(scenario.harness.feedStatuses.stream().anyMatch(status -> status.state() == FeedState.BACKING_OFF
                    && status.reason().contains(NOT_AUTHORIZED)), scenario.harness.describeStates());
        }
    }
}
