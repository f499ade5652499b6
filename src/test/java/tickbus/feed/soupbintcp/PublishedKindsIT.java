package tickbus.feed.soupbintcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tickbus.Addresses;
import tickbus.event.BookUpdate;
import tickbus.event.EventKind;
import tickbus.event.MarketEvent;
import tickbus.testing.Await;
import tickbus.testing.ItchFlowGenerator;

/**
 * The feed publishes the kinds of an instrument somebody wants, not every kind of a wanted instrument: a quote and
 * trade subscriber does not make the feed publish the instrument's book updates, which are the most frequent ITCH
 * events and, on a cluster, cost a look-up per message even with nobody consuming them.
 */
class PublishedKindsIT {

    @Test
    void bookUpdatesGoOnlyToInstrumentsWhoseBookIsWanted() {
        List<byte[]> messages = new ItchFlowGenerator(11, 2).messages(4_000);
        try (ItchFeedScenario scenario = new ItchFeedScenario()) {
            scenario.startSim(messages, new JsonObject());
            AtomicLong unwantedBookUpdates = new AtomicLong();
            // A consumer without demand: sees whatever the feed publishes on the address anyway.
            Await.result(scenario.harness.vertx.eventBus()
                    .consumer(Addresses.marketData(EventKind.BOOK, "XNAS:SYM1"),
                            m -> unwantedBookUpdates.incrementAndGet())
                    .completion());
            List<MarketEvent> books = new CopyOnWriteArrayList<>();
            Await.result(tickbus.strategy.MarketData.create(scenario.harness.vertx)
                    .subscribe("XNAS:SYM2", EnumSet.of(EventKind.BOOK), books::add));
            scenario.subscribe("XNAS:SYM1", "XNAS:SYM2");
            scenario.deployFeed(new JsonObject(), new JsonObject());
            scenario.awaitDecoded(messages.size());

            Await.until("quotes of XNAS:SYM1", () -> scenario.lastQuote("XNAS:SYM1") != null);
            Await.until("book updates of XNAS:SYM2", () -> books.stream()
                    .filter(event -> event instanceof BookUpdate update && !update.snapshot()).count() > 10);
            assertTrue(books.stream().allMatch(event -> event.instrument().equals("XNAS:SYM2")
                    && (event.kind() == EventKind.BOOK || event.kind() == EventKind.STATUS)), books::toString);
            assertEquals(0, unwantedBookUpdates.get(), "book updates published for XNAS:SYM1, whose book nobody wants");
        }
    }
}
