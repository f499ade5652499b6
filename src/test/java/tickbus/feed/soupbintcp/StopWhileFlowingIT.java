package tickbus.feed.soupbintcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import tickbus.event.FeedState;
import tickbus.feed.FeedMetrics;
import tickbus.testing.Await;
import tickbus.testing.ItchFlowGenerator;

/** A SoupBinTCP feed undeployed while the server is streaming: what it accepted is decoded before it stops. */
class StopWhileFlowingIT {

    @Test
    void everyFrameAcceptedBeforeTheStopIsDecodedBeforeTheStopCompletes() {
        ItchFlowGenerator flow = new ItchFlowGenerator(17, 3);
        List<byte[]> messages = flow.messages(300_000);
        try (ItchFeedScenario scenario = new ItchFeedScenario()) {
            scenario.startSim(messages, new JsonObject());
            scenario.subscribe("XNAS:SYM1", "XNAS:SYM2", "XNAS:SYM3");
            scenario.deployFeed(new JsonObject(), new JsonObject().put("workers", 2));
            Await.until("data flowing", () -> scenario.protocol.decodedMessages() > 1_000);

            scenario.harness.undeploy();

            FeedMetrics metrics = scenario.feed.metrics();
            long accepted = metrics.frames() - metrics.duplicates() - metrics.droppedDuringRecovery();
            assertTrue(accepted < messages.size(), "the stop came while data was flowing: accepted=" + accepted);
            assertEquals(accepted, scenario.protocol.decodedMessages(), "decoded by the time the stop completed");
            scenario.harness.awaitState(FeedState.STOPPED);
        }
    }
}
