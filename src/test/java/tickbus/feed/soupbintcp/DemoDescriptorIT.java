package tickbus.feed.soupbintcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import tickbus.event.EventKind;
import tickbus.event.MarketEvent;
import tickbus.event.Quote;
import tickbus.event.Trade;
import tickbus.strategy.StrategyTestNode;
import tickbus.testing.Await;

/**
 * The demo's ITCH entries of {@code verticles.json} ({@code itch-sim} and the soupbintcp feed), deployed as the
 * descriptor gives them (on a free port instead of 15000): a subscriber to XNAS:AAPL receives quotes and trades.
 */
class DemoDescriptorIT {

    @Test
    void theDemoSimulatorAndFeedDeliverXnasData() throws IOException {
        JsonObject descriptor = new JsonObject(Files.readString(Path.of("verticles.json")));
        JsonObject sim = entry(descriptor, "itch-sim");
        JsonObject feed = entry(descriptor, "feed-xnas");
        int port = freePort();
        sim.getJsonObject("config").put("port", port);
        feed.getJsonObject("config").getJsonObject("settings").put("port", port);
        try (StrategyTestNode node = new StrategyTestNode()) {
            List<MarketEvent> received = node.record("XNAS:AAPL", EnumSet.of(EventKind.QUOTE, EventKind.TRADE));
            node.deploy(sim, feed);

            Await.until("quotes and trades of XNAS:AAPL", () -> received.stream().anyMatch(Quote.class::isInstance)
                    && received.stream().anyMatch(Trade.class::isInstance));
            Quote quote = (Quote) received.stream().filter(Quote.class::isInstance).findFirst().orElseThrow();
            assertEquals("itch-xnas", quote.source());
            assertEquals("XNAS", quote.venue());
        }
    }

    private static JsonObject entry(JsonObject descriptor, String name) {
        return descriptor.getJsonArray("verticles").stream().map(JsonObject.class::cast)
                .filter(entry -> name.equals(entry.getString("name"))).findFirst().orElseThrow().copy();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
