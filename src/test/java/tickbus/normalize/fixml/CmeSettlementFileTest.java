package tickbus.normalize.fixml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.event.MarketEvent;
import tickbus.protocol.fixml.FixmlBatch;
import tickbus.protocol.fixml.FixmlDecoder;
import tickbus.protocol.fixml.FixmlLimits;
import tickbus.protocol.fixml.FixmlListener;
import tickbus.protocol.fixml.FixmlWriter;
import tickbus.protocol.fixml.MktDataFull;
import tickbus.protocol.fixml.MktDataInc;
import tickbus.protocol.fixml.Snapshot;

/**
 * The real CME settlement file, split into poll-sized batches and fed through decoder and normalizer: every
 * contract's settlement arrives, once, in order, equal to the file's value as read by the JDK's own DOM parser.
 */
class CmeSettlementFileTest {

    private static final int SCALE = 8;
    private static final int SNAPSHOTS_PER_POLL = 500;

    private static byte[] file;
    private static Map<String, BigDecimal> expectedSettlements;
    private static Set<String> expectedSymbols;

    @BeforeAll
    static void readWithDom() throws Exception {
        file = CmeSettlementFile.read();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(file));
        NodeList messages = document.getElementsByTagName("MktDataFull");
        expectedSettlements = new HashMap<>();
        expectedSymbols = new HashSet<>();
        for (int i = 0; i < messages.getLength(); i++) {
            Element message = (Element) messages.item(i);
            Element instrument = (Element) message.getElementsByTagName("Instrmt").item(0);
            expectedSymbols.add(instrument.getAttribute("Sym"));
            NodeList entries = message.getElementsByTagName("Full");
            for (int j = 0; j < entries.getLength(); j++) {
                Element entry = (Element) entries.item(j);
                if (entry.getAttribute("Typ").equals("6")) {
                    String id = "XCME:" + instrument.getAttribute("Sym") + "-" + instrument.getAttribute("MMY");
                    expectedSettlements.merge(id, new BigDecimal(entry.getAttribute("Px")), (a, b) -> {
                        throw new AssertionError("two settlements for " + id);
                    });
                }
            }
        }
    }

    @Test
    void theRawFileHoldsEverySnapshotAndSymbol() {
        List<Snapshot> snapshots = readSnapshots();

        assertEquals(CmeSettlementFile.SNAPSHOTS, snapshots.size());
        assertEquals(CmeSettlementFile.SNAPSHOTS, expectedSettlements.size());
        assertEquals(CmeSettlementFile.SYMBOLS, expectedSymbols.size());
        assertEquals(expectedSymbols, new HashSet<>(snapshots.stream().map(Snapshot::symbol).toList()));
    }

    @Test
    void pollSizedBatchesNormalizeToEverySettlementExactlyOnceInOrder() {
        List<Snapshot> snapshots = readSnapshots();
        List<MarketEvent> events = new ArrayList<>();
        FixmlNormalizer normalizer = new FixmlNormalizer(FixmlNormalizerConfig.defaults("http-cme"), id -> true,
                events::add);
        FixmlDecoder decoder = new FixmlDecoder(FixmlLimits.DEFAULTS, SCALE);
        FixmlWriter writer = new FixmlWriter(SCALE);
        long cursor = 0;
        for (int start = 0; start < snapshots.size(); start += SNAPSHOTS_PER_POLL) {
            List<Snapshot> poll = snapshots.subList(start, Math.min(start + SNAPSHOTS_PER_POLL, snapshots.size()));
            writer.startBatch(cursor, cursor + poll.size());
            poll.forEach(writer::mktDataFull);
            FixmlBatch batch = decoder.decode(writer.finish(), normalizer);
            assertEquals(new FixmlBatch(cursor, cursor + poll.size(), cursor + poll.size(), poll.size(), poll.size() * 4),
                    batch);
            cursor = batch.next();
        }

        assertEquals(CmeSettlementFile.SNAPSHOTS, events.size());
        Map<String, BigDecimal> settlements = new HashMap<>();
        Set<String> symbols = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            InstrumentStatus status = (InstrumentStatus) events.get(i);
            assertEquals(i + 1, status.sequence());
            assertEquals(InstrumentState.TRADING, status.state());
            assertTrue(status.reason().startsWith("settlement=") && status.reason().endsWith(", businessDate=2020-06-18"),
                    status.reason());
            String price = status.reason().substring("settlement=".length(), status.reason().indexOf(','));
            assertEquals(null, settlements.put(status.instrument(), new BigDecimal(price)), status.instrument());
            symbols.add(status.instrument().substring("XCME:".length(), status.instrument().lastIndexOf('-')));
        }
        assertEquals(CmeSettlementFile.SYMBOLS, symbols.size());
        assertEquals(expectedSettlements.keySet(), settlements.keySet());
        expectedSettlements.forEach((id, expected) -> assertEquals(0, expected.compareTo(settlements.get(id)),
                () -> id + ": expected=" + expected + ", actual=" + settlements.get(id)));
        assertEquals(new NormalizerCounters(0, 3L * CmeSettlementFile.SNAPSHOTS, 0, 0, 0, 0, 0, 0, 0, 0),
                normalizer.counters());
    }

    private static List<Snapshot> readSnapshots() {
        List<Snapshot> snapshots = new ArrayList<>();
        FixmlBatch batch = new FixmlDecoder(FixmlLimits.DEFAULTS, SCALE).decode(file, new FixmlListener() {
            @Override
            public void mktDataInc(MktDataInc message) {
                throw new AssertionError("the settlement file has no incremental messages");
            }

            @Override
            public void mktDataFull(MktDataFull message) {
                snapshots.add(message.toSnapshot());
            }
        });
        assertEquals(CmeSettlementFile.SNAPSHOTS, batch.messages());
        return snapshots;
    }
}
