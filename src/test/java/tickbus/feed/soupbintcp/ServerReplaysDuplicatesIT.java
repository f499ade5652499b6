package tickbus.feed.soupbintcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import tickbus.protocol.soupbintcp.SoupBinTcpCounter;
import tickbus.testing.ItchFlowGenerator;

/**
 * The server replays duplicates: after a reconnect it starts 500 messages before the number asked for. The feed
 * drops and counts them; the strategy sees every trade exactly once.
 */
class ServerReplaysDuplicatesIT {

    private static final int DUPLICATES = 500;

    @Test
    void messagesSentAgainAreDroppedAndCounted() {
        ItchFlowGenerator flow = new ItchFlowGenerator(19, 2);
        List<byte[]> messages = flow.messages(20_000);
        try (ItchFeedScenario scenario = new ItchFeedScenario()) {
            scenario.startSim(messages, new JsonObject());
            scenario.sim.faults().resetAtStreamOffsets(List.of(scenario.sim.streamBytes() / 2));
            scenario.sim.faults().duplicateOnNextResume(DUPLICATES);
            scenario.subscribe("XNAS:SYM1", "XNAS:SYM2");
            scenario.deployFeed(new JsonObject(), new JsonObject());

            scenario.awaitDecoded(messages.size());
            for (String instrument : List.of("XNAS:SYM1", "XNAS:SYM2")) {
                List<String> expected = ItchFeedScenario.tradesOf(flow.expectedTrades(), instrument);
                scenario.awaitTrades(instrument, expected.size());
                assertEquals(expected, scenario.trades(instrument));
            }
            scenario.harness.undeploy();

            assertEquals(2, scenario.sim.stats().logins());
            assertEquals(DUPLICATES, scenario.protocol.totals().get(SoupBinTcpCounter.DUPLICATE_MESSAGES));
            assertEquals(messages.size(), scenario.protocol.totals().get(SoupBinTcpCounter.SEQUENCED_MESSAGES));
        }
    }
}
