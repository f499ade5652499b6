package tickbus.feed.soupbintcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.protocol.itch.Itch50;
import tickbus.testing.Await;
import tickbus.testing.Itch50TestMessages;
import tickbus.testing.ItchFlowGenerator;

/**
 * With two parser workers, instruments are sharded by stock locate, and a market-wide message (an MWCB breach,
 * stock locate 0) reaches every worker: subscribers of instruments on both shards hear of it.
 */
class MarketWideMessagesIT {

    @Test
    void anMwcbBreachReachesInstrumentsOnEveryShard() {
        ItchFlowGenerator flow = new ItchFlowGenerator(7, 4);
        List<byte[]> messages = new ArrayList<>(flow.messages(2_000));
        messages.add(Itch50TestMessages.mwcbDeclineLevel(1, 300_000_000_000L, 280_000_000_000L, 250_000_000_000L));
        messages.add(Itch50TestMessages.mwcbStatus(2, Itch50.MWCB_LEVEL_1));
        try (ItchFeedScenario scenario = new ItchFeedScenario()) {
            scenario.startSim(messages, new JsonObject());
            scenario.subscribe("XNAS:SYM1", "XNAS:SYM2");
            scenario.deployFeed(new JsonObject(), new JsonObject().put("workers", 2));
            scenario.awaitDecoded(messages.size() + 2);

            Await.until("an MWCB status for both instruments", java.time.Duration.ofSeconds(30),
                    () -> breachedInstruments(scenario).size() >= 2,
                    () -> breachedInstruments(scenario).toString());
            assertEquals(List.of("XNAS:SYM1", "XNAS:SYM2"), breachedInstruments(scenario).stream().sorted().toList());
        }
    }

    private static List<String> breachedInstruments(ItchFeedScenario scenario) {
        List<String> instruments = new ArrayList<>();
        for (InstrumentState state : InstrumentState.values()) {
            for (InstrumentStatus status : scenario.statuses(state)) {
                if (status.reason().startsWith("market-wide circuit breaker level 1 breached")) {
                    instruments.add(status.instrument());
                }
            }
        }
        return instruments;
    }
}
