package tickbus.feed.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tickbus.event.BookUpdate;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.event.MarketEvent;
import tickbus.feed.SubscriptionState;
import tickbus.sim.fixml.FixmlSimSettings;
import tickbus.sim.fixml.SimFault;
import tickbus.testing.Await;

/**
 * The hostile-XML suite through the real path: each document is served by the simulator as a poll's answer,
 * framed by the connection, and decoded on the parser worker. Every one is rejected and counted by kind,
 * quarantined with its raw bytes, reported as a GAP naming its positions, and followed by snapshots; the stream
 * goes on. No file is read (a canary's content appears nowhere, and a FIFO that would block its reader is never
 * opened) and no connection is made (a loopback listener accepts nothing).
 */
class HttpFeedHostileXmlIT {

    private static final String INSTRUMENT = HttpFeedFixture.instrument("SIM001");
    private static final String CANARY = "CANARY-2b7e1f-do-not-read";
    private static final String XML = "application/xml";
    private static final String MESSAGE = "<MktDataFull><Instrmt Sym=\"SIM001\"/><Full Typ=\"0\" Px=\"1\" Sz=\"1\"/>"
            + "</MktDataFull>";
    private static final int MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

    /** One hostile answer; {@code attempts}: how often it must be served before the feed gives up on it. */
    private record Hostile(String name, byte[] body, String contentType, String kind, int attempts) {
    }

    @TempDir
    Path temp;

    @Test
    void everyHostileDocumentIsRejectedCountedQuarantinedAndReportedWhileTheStreamGoesOn() throws Exception {
        Path canary = temp.resolve("canary.txt");
        Files.writeString(canary, CANARY);
        Path fifo = temp.resolve("fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo unavailable");
        try (ServerSocketChannel trap = ServerSocketChannel.open();
                HttpFeedFixture fixture = new HttpFeedFixture(FixmlSimSettings.forTests(1, 100_000, 50))) {
            trap.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            trap.configureBlocking(false);
            String trapUrl = "http://127.0.0.1:" + trap.socket().getLocalPort();
            List<Hostile> cases = cases(canary, fifo, trapUrl);
            fixture.deploy(new JsonObject().put("maxResponseBytes", MAX_RESPONSE_BYTES));
            fixture.follow(INSTRUMENT);
            Await.until("ACTIVE", () -> fixture.feed.subscriptionState(INSTRUMENT) == SubscriptionState.ACTIVE);
            Await.until("snapshot", () -> fixture.snapshots(INSTRUMENT).size() == 1);

            for (int i = 0; i < cases.size(); i++) {
                serveAndAwaitQuarantine(fixture, cases.get(i), i);
            }
            BookUpdate lastSnapshot = fixture.snapshots(INSTRUMENT).get(cases.size());
            fixture.server.generate(30);
            List<Long> expected = fixture.incrementPositions("SIM001", lastSnapshot.sequence());
            fixture.awaitUpdate(INSTRUMENT, lastSnapshot, expected.get(expected.size() - 1));
            assertEquals(expected, fixture.updateSequencesAfter(INSTRUMENT, lastSnapshot));

            Map<String, Long> expectedKinds = new TreeMap<>();
            cases.forEach(hostile -> expectedKinds.merge(hostile.kind(), 1L, Long::sum));
            assertEquals(expectedKinds, new TreeMap<>(fixture.protocol.quarantine().byKind()));
            Map<String, Long> parseErrors = new TreeMap<>(fixture.feed.metrics().parseErrorsByKind());
            expectedKinds.keySet().removeIf(kind -> !kind.startsWith("fixml-"));
            assertEquals(expectedKinds, parseErrors);
            assertNull(trap.accept(), "the parser opened a connection");
            for (MarketEvent event : fixture.events(INSTRUMENT)) {
                assertFalse(event.toString().contains(CANARY), event.toString());
            }
            fixture.protocol.quarantine().entries().forEach(entry -> assertFalse(entry.message().contains(CANARY)));
        }
    }

    private static void serveAndAwaitQuarantine(HttpFeedFixture fixture, Hostile hostile, int index) throws IOException {
        long head = fixture.server.head();
        Await.until("a poll from head=" + head, () -> fixture.server.polls().stream()
                .anyMatch(poll -> poll.cursor() == head));
        for (int attempt = 0; attempt < hostile.attempts(); attempt++) {
            fixture.server.faults().add(SimFault.replaceBody(hostile.body(), hostile.contentType()));
        }
        long last = fixture.server.generate(5);
        Await.until(hostile.name() + " quarantined", Duration.ofSeconds(20),
                () -> fixture.protocol.quarantine().total() == index + 1,
                () -> "quarantined " + fixture.protocol.quarantine().byKind() + ", failures "
                        + fixture.protocol.counters().failures());
        var entry = fixture.protocol.quarantine().entries().get(index);
        assertEquals(List.of(hostile.kind(), head + 1, last), List.of(entry.kind(), entry.firstPosition(),
                entry.lastPosition()), hostile.name() + ": " + entry.message());
        assertTrue(entry.rawPrefix().length > 0, hostile.name());
        Await.until(hostile.name() + " GAP", () -> fixture.statuses(INSTRUMENT, InstrumentState.GAP).stream()
                .anyMatch(gap -> gap.gapFrom() == head + 1 && gap.gapTo() == last));
        Await.until(hostile.name() + " followed by a snapshot", () -> fixture.snapshots(INSTRUMENT).size() == index + 2);
        InstrumentStatus gap = fixture.statuses(INSTRUMENT, InstrumentState.GAP).get(index);
        assertTrue(gap.reason().contains("kind=" + hostile.kind()), gap.reason());
    }

    private static List<Hostile> cases(Path canary, Path fifo, String trapUrl) {
        List<Hostile> cases = new ArrayList<>();
        String doctype = "<?xml version=\"1.0\"?><!DOCTYPE FIXML [";
        cases.add(parse("external entity to a local file", doctype + "<!ENTITY xxe SYSTEM \"" + canary.toUri()
                + "\">]><FIXML><Batch>&xxe;</Batch></FIXML>", "fixml-dtd-forbidden"));
        cases.add(parse("external entity to a FIFO", doctype + "<!ENTITY xxe SYSTEM \"" + fifo.toUri()
                + "\">]><FIXML>&xxe;</FIXML>", "fixml-dtd-forbidden"));
        cases.add(parse("external DTD over HTTP", "<!DOCTYPE FIXML SYSTEM \"" + trapUrl + "/evil.dtd\"><FIXML/>",
                "fixml-dtd-forbidden"));
        cases.add(parse("external parameter entity", doctype + "<!ENTITY % remote SYSTEM \"" + trapUrl
                + "/p.dtd\"> %remote;]><FIXML/>", "fixml-dtd-forbidden"));
        cases.add(parse("external entity over HTTP", doctype + "<!ENTITY xxe SYSTEM \"" + trapUrl
                + "/x\">]><FIXML>&xxe;</FIXML>", "fixml-dtd-forbidden"));
        StringBuilder laughs = new StringBuilder(doctype).append("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        cases.add(parse("billion laughs", laughs + "]><FIXML><Batch>&lol9;</Batch></FIXML>", "fixml-dtd-forbidden"));
        cases.add(parse("quadratic blow-up", doctype + "<!ENTITY a \"" + "x".repeat(50_000) + "\">]><FIXML>"
                + "&a;".repeat(50_000) + "</FIXML>", "fixml-dtd-forbidden"));
        cases.add(parse("entity without a DTD", "<FIXML><Batch>&xxe;</Batch></FIXML>", "fixml-entity-forbidden"));
        cases.add(parse("100,000-deep nesting", "<FIXML>" + "<x>".repeat(100_000) + "</x>".repeat(100_000)
                + "</FIXML>", "fixml-depth-exceeded"));
        cases.add(parse("huge text node", "<FIXML><Batch>" + "x".repeat(1_000_000) + "</Batch></FIXML>",
                "fixml-text-too-long"));
        cases.add(parse("huge attribute", "<FIXML><MktDataFull><Instrmt Sym=\"" + "A".repeat(500_000)
                + "\"/></MktDataFull></FIXML>", "fixml-attribute-too-long"));
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            attributes.append(" a").append(i).append("=\"1\"");
        }
        cases.add(parse("too many attributes", "<FIXML><Batch" + attributes + "/></FIXML>", "fixml-too-many-attributes"));
        byte[] utf8 = ("<FIXML>" + MESSAGE + "</FIXML>").getBytes(StandardCharsets.UTF_8);
        cases.add(new Hostile("transport charset contradicting the bytes", utf8, XML + "; charset=UTF-16",
                "fixml-bad-encoding", 1));
        cases.add(new Hostile("UTF-16 without a byte order mark", ("<?xml version=\"1.0\"?><FIXML>" + MESSAGE
                + "</FIXML>").getBytes(StandardCharsets.UTF_16BE), XML, "fixml-bad-encoding", 1));
        cases.add(new Hostile("invalid UTF-8", ("<FIXML><MktDataFull><Instrmt Sym=\"CAF\u00c9\"/></MktDataFull>"
                + "</FIXML>").getBytes(StandardCharsets.ISO_8859_1), XML, "fixml-bad-encoding", 1));
        cases.add(parse("declared charset contradicting the bytes", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>"
                + "<FIXML>" + MESSAGE + "</FIXML>", "fixml-bad-encoding"));
        cases.add(new Hostile("unsupported declared charset", ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
                + "<FIXML>" + MESSAGE + "</FIXML>").getBytes(StandardCharsets.ISO_8859_1), XML, "fixml-bad-encoding", 1));
        cases.add(parse("not FIXML", "<html><body>" + MESSAGE + "</body></html>", "fixml-wrong-root"));
        cases.add(parse("truncated", "<FIXML><Batch cursor=\"0\" next=\"1\"><MktDataFull><Instrmt Sym=\"SIM001\"/>",
                "fixml-truncated"));
        cases.add(parse("envelope contradicting the transport", "<FIXML><Batch cursor=\"0\" next=\"1\">" + MESSAGE
                + "</Batch></FIXML>", "fixml-bad-sequence"));
        cases.add(new Hostile("larger than maxResponseBytes", new byte[MAX_RESPONSE_BYTES + 1], XML, "body-too-large",
                3));
        cases.add(new Hostile("not XML at all", "<html>proxy error</html>".getBytes(StandardCharsets.UTF_8),
                "text/html", "content-type", 3));
        return cases;
    }

    private static Hostile parse(String name, String xml, String kind) {
        return new Hostile(name, xml.getBytes(StandardCharsets.UTF_8), XML, kind, 1);
    }
}
