package tickbus.feed.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import tickbus.Addresses;
import tickbus.TickbusNode;
import tickbus.event.EventKind;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.sim.fixml.FixmlSimSettings;
import tickbus.testing.Await;
import tickbus.testing.SharedData;

/**
 * The real CME settlement file (14,089 {@code MktDataFull}) served by the simulator in polls of 500: every
 * contract's settlement price arrives once, in log order, equal to the file's value as read by the JDK's own
 * StAX parser (not the Woodstox decoder under test).
 */
class HttpFeedCmeFileIT {

    private static final String FILE = "fixml/cme.settle.fwd.20200618.fixml.xml.gz";
    private static final int SNAPSHOTS = 14_089;
    private static final int SYMBOLS = 31;
    private static final int PER_POLL = 500;

    @Test
    void everyContractsSettlementArrivesOnceInOrderExactlyAsInTheFile() throws Exception {
        Path file = SharedData.path(FILE);
        Map<String, BigDecimal> expected = settlementsInFile(file);
        assertEquals(SNAPSHOTS, expected.size());
        FixmlSimSettings simulator = FixmlSimSettings.forTests(1, 1_000, PER_POLL).withCmeFile(file.toString());
        try (HttpFeedFixture fixture = new HttpFeedFixture(simulator)) {
            Queue<InstrumentStatus> published = new ConcurrentLinkedQueue<>();
            AtomicInteger settlementCount = new AtomicInteger();
            String statusPrefix = Addresses.marketData(EventKind.STATUS, "");
            fixture.harness.vertx.eventBus().addOutboundInterceptor(delivery -> {
                if (delivery.message().address().startsWith(statusPrefix)
                        && delivery.message().body() instanceof InstrumentStatus status
                        && status.reason().startsWith("settlement=")) {
                    published.add(status);
                    settlementCount.incrementAndGet();
                }
                delivery.next();
            });
            List<Future<Void>> demand = new ArrayList<>();
            expected.keySet().forEach(id -> demand.add(TickbusNode.of(fixture.harness.vertx).demand().acquire(id)));
            Await.result(Future.all(demand));
            fixture.deploy(new JsonObject().put("followDemand", false).put("maturityInInstrumentId", true),
                    new JsonObject().put("venue", "XCME"));

            Await.until("every settlement", Duration.ofSeconds(30), () -> settlementCount.get() >= SNAPSHOTS,
                    () -> settlementCount.get() + " settlements");
            List<InstrumentStatus> settlements = List.copyOf(published);
            assertEquals(SNAPSHOTS, settlements.size());
            Map<String, BigDecimal> received = new HashMap<>();
            Set<String> symbols = new HashSet<>();
            for (int i = 0; i < settlements.size(); i++) {
                InstrumentStatus status = settlements.get(i);
                assertEquals(i + 1, status.sequence(), "log order");
                assertEquals(InstrumentState.TRADING, status.state());
                String reason = status.reason();
                assertTrue(reason.endsWith(", businessDate=2020-06-18"), reason);
                assertNull(received.put(status.instrument(), new BigDecimal(reason.substring("settlement=".length(),
                        reason.indexOf(',')))), "twice: " + status.instrument());
                symbols.add(status.instrument().substring("XCME:".length(), status.instrument().lastIndexOf('-')));
            }
            assertEquals(SYMBOLS, symbols.size());
            assertEquals(expected.keySet(), received.keySet());
            expected.forEach((id, price) -> assertEquals(0, price.compareTo(received.get(id)),
                    () -> id + ": expected=" + price + ", received=" + received.get(id)));
            HttpPollCounters counters = fixture.protocol.counters();
            assertEquals((SNAPSHOTS + PER_POLL - 1) / PER_POLL, counters.documents(), "poll-sized batches");
            assertEquals(0, fixture.feed.metrics().gaps());
        }
    }

    /** {@code XCME:Sym-MMY} → the {@code Px} of its {@code Full Typ="6"}, read with the JDK's built-in StAX. */
    private static Map<String, BigDecimal> settlementsInFile(Path file) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        Map<String, BigDecimal> settlements = new HashMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            String instrument = null;
            while (reader.hasNext()) {
                if (reader.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (reader.getLocalName()) {
                    case "Instrmt" -> instrument = "XCME:" + reader.getAttributeValue(null, "Sym") + "-"
                            + reader.getAttributeValue(null, "MMY");
                    case "Full" -> {
                        if ("6".equals(reader.getAttributeValue(null, "Typ"))) {
                            String id = instrument;
                            assertNull(settlements.put(id, new BigDecimal(reader.getAttributeValue(null, "Px"))), id);
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return settlements;
    }
}
