package tickbus.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tickbus.Addresses;
import tickbus.testing.Await;

/** Another node's announcements apply by version: one older than what was applied changes nothing. */
class DemandVersionsTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        Await.result(vertx.close());
    }

    private static JsonObject announcement(String node, String instrument, int count, long version) {
        return new JsonObject().put("node", node).put("instrument", instrument).put("count", count)
                .put("kinds", 0b1111).put("version", version);
    }

    @Test
    void anOlderAnnouncementArrivingAfterTheReleaseDoesNotBringTheDemandBack() {
        DemandRegistry demand = new DemandRegistry(vertx);
        Await.result(demand.start());
        List<String> changes = new CopyOnWriteArrayList<>();
        demand.addListener((instrument, demanded) -> changes.add(instrument + "=" + demanded));
        vertx.eventBus().publish(Addresses.DEMAND_CHANGES, announcement("node-b", "XNAS:AAPL", 1, 1));
        vertx.eventBus().publish(Addresses.DEMAND_CHANGES, announcement("node-b", "XNAS:AAPL", 0, 2));
        // The version-1 announcement again: a second copy, or the cluster-map entry read before its removal.
        vertx.eventBus().publish(Addresses.DEMAND_CHANGES, announcement("node-b", "XNAS:AAPL", 1, 1));
        // Delivered in order after it: once this one is applied, the stale one has been too.
        vertx.eventBus().publish(Addresses.DEMAND_CHANGES, announcement("node-c", "XNAS:MSFT", 1, 1));
        Await.until("the marker applied", () -> changes.contains("XNAS:MSFT=true"));

        assertEquals(List.of("XNAS:AAPL=true", "XNAS:AAPL=false", "XNAS:MSFT=true"), changes);
        assertFalse(demand.isDemanded("XNAS:AAPL"));
        assertEquals(0, demand.count("XNAS:AAPL"));
    }

    @Test
    void aNewerAcquireAfterTheReleaseApplies() {
        DemandRegistry demand = new DemandRegistry(vertx);
        Await.result(demand.start());
        vertx.eventBus().publish(Addresses.DEMAND_CHANGES, announcement("node-b", "XNAS:AAPL", 1, 1));
        vertx.eventBus().publish(Addresses.DEMAND_CHANGES, announcement("node-b", "XNAS:AAPL", 0, 2));
        vertx.eventBus().publish(Addresses.DEMAND_CHANGES, announcement("node-b", "XNAS:AAPL", 2, 3));

        Await.until("node-b's count 2 applied", () -> demand.count("XNAS:AAPL") == 2);
    }
}
