package tickbus.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tickbus.testing.TcpBridgeFrames.read;
import static tickbus.testing.TcpBridgeFrames.write;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tickbus.Addresses;
import tickbus.TickbusNode;
import tickbus.config.ConfigException;
import tickbus.event.EventKind;
import tickbus.event.Quote;
import tickbus.strategy.StrategyTestNode;
import tickbus.testing.Await;

/** The TCP bridge against a simulated feed: the stdlib Python client, demand while registered, permits. */
class TcpBridgeIT {

    private static final String INSTRUMENT = "XSIM:AAA";

    /** Python's default decimal context: 28 significant digits, half-even. */
    private static final java.math.MathContext PYTHON_DECIMAL_CONTEXT = new java.math.MathContext(28,
            java.math.RoundingMode.HALF_EVEN);

    private StrategyTestNode node;
    private tickbus.sim.SimVenue venue;
    private TcpBridgeVerticle bridge;
    private final List<Quote> published = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        node = new StrategyTestNode();
        venue = node.venueWithFeed("XSIM", List.of("AAA", "BBB"));
        Await.result(node.vertx.eventBus().<Quote>consumer(Addresses.marketData(EventKind.QUOTE, INSTRUMENT),
                message -> published.add(message.body())).completion());
        bridge = new TcpBridgeVerticle();
        Await.result(node.vertx.deployVerticle(bridge, new DeploymentOptions()
                .setConfig(new JsonObject().put("port", 0))));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void pythonClientPrintsTheRunningMidOfQuotesItReceivesThroughTheBridge() throws Exception {
        Path output = Files.createTempFile("running-mid", ".txt");
        Process python = new ProcessBuilder("python3", "clients/python/running_mid.py", "--port",
                String.valueOf(bridge.port()), "--instrument", INSTRUMENT, "--count", "5")
                .redirectOutput(output.toFile()).redirectErrorStream(true).start();
        node.pumpUntil("the Python client to print 5 quotes and exit", 2, () -> !python.isAlive());

        List<String> lines = Files.readAllLines(output);
        assertEquals(0, python.exitValue(), String.join("\n", lines));
        assertEquals(5, lines.size(), String.join("\n", lines));
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            String[] fields = lines.get(i).split(" ");
            long seq = Long.parseLong(fields[1]);
            Quote quote = published.stream().filter(candidate -> candidate.sequence() == seq).findFirst().orElseThrow();
            BigDecimal mid = quote.bid().add(quote.ask()).divide(BigDecimal.valueOf(2));
            sum = sum.add(mid);
            assertEquals(INSTRUMENT, fields[0]);
            assertEquals(0, quote.bid().compareTo(new BigDecimal(fields[2])), lines.get(i));
            assertEquals(0, quote.ask().compareTo(new BigDecimal(fields[3])), lines.get(i));
            assertEquals(0, mid.compareTo(new BigDecimal(fields[4])), lines.get(i));
            assertEquals(0, sum.divide(BigDecimal.valueOf(i + 1), PYTHON_DECIMAL_CONTEXT)
                    .compareTo(new BigDecimal(fields[5])), lines.get(i));
        }
        Await.until("the demand released after the client left",
                () -> TickbusNode.of(node.vertx).demand().localCount(INSTRUMENT) == 0);
        Await.until("no registrations left", () -> bridge.metrics().registrations() == 0);
    }

    @Test
    void registrationHoldsDemandUntilTheConnectionCloses() throws IOException {
        String instrument = "XSIM:BBB";
        try (Socket socket = new Socket("127.0.0.1", bridge.port())) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            write(out, new JsonObject().put("type", "register").put("address", "tickbus.demand"));
            assertEquals(new JsonObject().put("type", "err").put("message", "access_denied"), read(in));
            write(out, new JsonObject().put("type", "register").put("address", "md.quote." + instrument));
            write(out, new JsonObject().put("type", "ping"));
            assertEquals("pong", read(in).getString("type"));
            Await.until("demand from the registration",
                    () -> TickbusNode.of(node.vertx).demand().localCount(instrument) == 1);
            socket.setSoTimeout(20_000);
            long generator = node.vertx.setPeriodic(2, id -> venue.generate(2));
            JsonObject message = readMessage(in);
            node.vertx.cancelTimer(generator);
            assertEquals("md.quote." + instrument, message.getString("address"));
            assertEquals(instrument, message.getJsonObject("body").getString("instrument"));
            assertEquals("quote", message.getJsonObject("body").getString("type"));
        }
        Await.until("demand released on close", () -> TickbusNode.of(node.vertx).demand().localCount(instrument) == 0);
        assertEquals(1, bridge.metrics().denied());
    }

    @Test
    void registrationNamingAnInvalidInstrumentIdIsRefusedWithoutDemand() throws IOException {
        String garbage = "not a venue <img src=x>";
        try (Socket socket = new Socket("127.0.0.1", bridge.port())) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            write(out, new JsonObject().put("type", "register").put("address", "md.quote." + garbage));
            assertEquals(new JsonObject().put("type", "err").put("message", "invalid_instrument: expected "
                    + "md.<kind>.VENUE:SYMBOL, VENUE:SYMBOL of at most 64 characters"), read(in));
            write(out, new JsonObject().put("type", "register").put("address", "md.trade.xsim:AAA"));
            assertEquals("err", read(in).getString("type"));
            assertFalse(TickbusNode.of(node.vertx).demand().isDemanded(garbage));
            assertFalse(TickbusNode.of(node.vertx).demand().isDemanded("xsim:AAA"));
        }
        assertEquals(2, bridge.metrics().denied());
    }

    @Test
    void oversizedFrameIsRejectedAndTheConnectionClosed() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", bridge.port())) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(70_000);
            out.flush();
            JsonObject error = read(new DataInputStream(socket.getInputStream()));
            assertTrue(error.getString("message").contains("frame length out of range: length=70000, max=65536"),
                    error.encode());
        }
        assertEquals(1, bridge.metrics().invalidFrames());
    }

    /** A client pipelining requests without reading the replies: the bridge stops reading it, it does not queue. */
    @Test
    void aClientThatNeverReadsItsRepliesIsNoLongerReadUntilItDoes() throws IOException {
        byte[] ping = BridgeFrames.encode(new JsonObject().put("type", "ping")).getBytes();
        ByteBuffer pings = ByteBuffer.allocate(ping.length * 4_096);
        while (pings.hasRemaining()) {
            pings.put(ping);
        }
        long maxBytes = 64L << 20;
        long written = 0;
        try (SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", bridge.port()))) {
            channel.configureBlocking(false);
            // until the bridge pauses, then until the kernel buffers between client and bridge are full
            boolean full = false;
            while (!full && written < maxBytes) {
                if (!pings.hasRemaining()) {
                    pings.flip().limit(pings.capacity());
                }
                int count = channel.write(pings);
                written += count;
                full = count == 0 && bridge.metrics().readPauses() >= 1;
            }
            assertTrue(full, "the bridge read " + written + " bytes of requests whose replies nobody read");

            channel.configureBlocking(true);
            byte[] pong = BridgeFrames.encode(new JsonObject().put("type", "pong")).getBytes();
            ByteBuffer replies = ByteBuffer.allocate(1 << 20);
            long expected = written / ping.length * pong.length;
            long received = 0;
            while (received < expected) {
                int count = channel.read(replies.clear());
                assertTrue(count > 0, "the bridge closed after " + received + " of " + expected + " reply bytes");
                received += count;
            }
            assertEquals(expected, received, "one pong for every ping");
        }
    }

    private JsonObject readMessage(DataInputStream in) throws IOException {
        while (true) {
            JsonObject frame = read(in);
            if ("message".equals(frame.getString("type"))) {
                return frame;
            }
        }
    }

    /** An unauthenticated TCP client must not reach the node's control, request or reply addresses. */
    @Test
    void permitsAreHeldToTheSockJsBridgeRules() {
        assertEquals("verticles[7].config.outboundAddressRegexes[0]: value=\"^.*$\"; matches the internal address "
                + "\"tickbus.demand\"; expected a narrower regex", permitsError("^.*$"));
        assertEquals("verticles[7].config.outboundAddressRegexes[0]: value=\"tickbus\\..+\"; expected an anchored "
                + "regex: ^...$", permitsError("tickbus\\..+"));
        assertTrue(permitsError("^tickbus\\..+$").contains("internal address \"tickbus.demand\""));
        assertTrue(permitsError("^tickbus\\.snapshot\\..+$").contains("\"tickbus.snapshot.requests\""));
        assertTrue(permitsError("^__vertx\\.reply\\..+$").contains("\"__vertx.reply.1\""));
        assertTrue(permitsError("^tickbus\\.monitor\\..+$").contains("request address \"tickbus.monitor.peek\""));
        TcpBridgeSettings defaults = TcpBridgeSettings.fromJson(new JsonObject(), "config");
        assertTrue(defaults.outboundPermitted("md.quote.XSIM:AAA"));
        assertTrue(defaults.outboundPermitted("tickbus.strategy.mid-spread"));
        assertFalse(defaults.outboundPermitted("tickbus.snapshot.requests"));
    }

    private static String permitsError(String regex) {
        return assertThrows(ConfigException.class, () -> TcpBridgeSettings.fromJson(new JsonObject()
                .put("outboundAddressRegexes", new JsonArray().add(regex)), "verticles[7].config")).getMessage();
    }
}
