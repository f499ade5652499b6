package tickbus.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.backends.BackendRegistries;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tickbus.testing.Await;

/** The bridge against the running demo: permits, origins, limits, demand, and sockets that vanish. */
class MonitorBridgeIT {

    private static MonitorDemo demo;

    @BeforeAll
    static void start() {
        // Market data besides the dashboard's addresses, and test.limit.* for the handler limit.
        demo = new MonitorDemo(2_000, new JsonObject().put("outboundPermits",
                MonitorDemo.MARKET_DATA_PERMITS.copy().add("^test\\.limit\\.\\d+$")));
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static RawBridgeSocket open() throws Exception {
        RawBridgeSocket socket = RawBridgeSocket.open(demo.port, null);
        assertEquals(101, socket.status);
        return socket;
    }

    private static double meter(String name) {
        MeterRegistry registry = BackendRegistries.getDefaultNow();
        return registry.find(name).meters().stream()
                .mapToDouble(m -> m.measure().iterator().next().getValue()).sum();
    }

    @Test
    void framesToAddressesNotPermittedAreDeniedAndNothingReachesTheBus() throws Exception {
        AtomicInteger reachedBus = new AtomicInteger();
        MessageConsumer<Object> secret = demo.vertx.eventBus().consumer("orders.secret",
                m -> reachedBus.incrementAndGet());
        MessageConsumer<Object> demand = demo.vertx.eventBus().consumer("tickbus.demand.probe",
                m -> reachedBus.incrementAndGet());
        Await.result(secret.completion());
        Await.result(demand.completion());
        try (RawBridgeSocket socket = open()) {
            List<JsonObject> frames = List.of(
                    RawBridgeSocket.send("orders.secret", new JsonObject().put("qty", 1), null),
                    new JsonObject().put("type", "publish").put("address", "orders.secret").put("body", "x"),
                    RawBridgeSocket.send("tickbus.demand.probe", "x", null),
                    RawBridgeSocket.send("tickbus.monitor.stats", new JsonObject(), null),
                    RawBridgeSocket.register("orders.secret"),
                    RawBridgeSocket.register("tickbus.demand.changes"),
                    RawBridgeSocket.register("tickbus.monitor.peek"),
                    RawBridgeSocket.register("mdx.quote.XSIM:AAPL"));
            for (JsonObject frame : frames) {
                socket.send(frame);
                JsonObject reply = socket.receive(5_000);
                assertNotNull(reply, "no answer to " + frame.encode());
                assertEquals("err", reply.getString("type"), frame.encode());
                assertEquals("access_denied", reply.getString("body"), frame.encode());
            }
            assertEquals(0, reachedBus.get(), "a denied frame reached the bus");
            demo.vertx.eventBus().publish("orders.secret", "must not leak");
            demo.vertx.eventBus().publish("tickbus.demand.changes", new JsonObject().put("probe", true));
            assertNull(socket.receive(500), "a denied registration must receive nothing");
        } finally {
            secret.unregister();
            demand.unregister();
        }
        Await.until("denials counted", () -> meter("tickbus.bridge.denied") >= 8);
    }

    @Test
    void invalidPeekRequestsAreRefusedAndValidOnesAnswered() throws Exception {
        try (RawBridgeSocket socket = open()) {
            for (Object body : List.of("text", new JsonObject().put("op", "drop"),
                    new JsonObject().put("op", "peek").put("instrument", "no-venue"),
                    new JsonObject().put("op", "peek").put("instrument", "XSIM:AAPL").put("extra", 1))) {
                socket.send(RawBridgeSocket.send("tickbus.monitor.peek", body, "r1"));
                JsonObject reply = socket.receive(5_000);
                assertEquals("rejected", reply.getString("body"), String.valueOf(body));
            }
            socket.send(RawBridgeSocket.send("tickbus.monitor.peek",
                    new JsonObject().put("op", "search").put("prefix", "XSIM:"), "r2"));
            JsonObject reply = socket.receive("r2", 5_000);
            assertTrue(reply.getJsonObject("body").getJsonArray("instruments").contains("XSIM:AAPL"), reply.encode());
        }
    }

    /**
     * Registered on the peek request address, a browser would be one more consumer of the peek service: handed
     * other browsers' requests in turn, and free to answer them with forged views.
     */
    @Test
    void aBrowserCannotRegisterOnThePeekRequestAddressNorReceiveOtherBrowsersRequests() throws Exception {
        try (RawBridgeSocket attacker = open(); RawBridgeSocket victim = open()) {
            attacker.send(RawBridgeSocket.register("tickbus.monitor.peek"));
            assertEquals("access_denied", attacker.receive(5_000).getString("body"));
            for (int i = 0; i < 4; i++) {
                victim.send(RawBridgeSocket.send("tickbus.monitor.peek",
                        new JsonObject().put("op", "search").put("prefix", "XSIM:"), "victim-" + i));
                JsonObject answer = victim.receive("victim-" + i, 5_000);
                assertTrue(answer.getJsonObject("body").getJsonArray("instruments").contains("XSIM:AAPL"),
                        answer.encode());
            }
            assertNull(attacker.receive(500), "the other browser's requests reached the attacker");
        }
    }

    /** Registrations would otherwise acquire cluster-wide demand for any string a browser names. */
    @Test
    void registrationsNamingAnInvalidInstrumentIdAreRefusedWithoutDemand() throws Exception {
        List<String> garbage = List.of("not a venue <img src=x>", "XSIM:", "xsim:AAPL", "XSIM:" + "A".repeat(48));
        try (RawBridgeSocket socket = open()) {
            for (String instrument : garbage) {
                for (String address : List.of("md.quote." + instrument, "tickbus.monitor.peek." + instrument)) {
                    socket.send(RawBridgeSocket.register(address));
                    assertEquals("rejected", socket.receive(5_000).getString("body"), address);
                }
            }
            socket.send(RawBridgeSocket.register("md.quote."));
            assertEquals("rejected", socket.receive(5_000).getString("body"));
            for (String instrument : garbage) {
                assertFalse(demo.node().demand().isDemanded(instrument), instrument);
            }
        }
        Await.until("invalid instruments counted", () -> deniedFor("invalid_instrument") >= 9);
    }

    private static double deniedFor(String reason) {
        return BackendRegistries.getDefaultNow().find("tickbus.bridge.denied").tag("reason", reason).meters().stream()
                .mapToDouble(m -> m.measure().iterator().next().getValue()).sum();
    }

    @Test
    void foreignOriginIsRefusedAndOwnOriginAccepted() throws Exception {
        try (RawBridgeSocket foreign = RawBridgeSocket.open(demo.port, "http://evil.example")) {
            assertEquals(403, foreign.status);
        }
        try (RawBridgeSocket own = RawBridgeSocket.open(demo.port, "http://127.0.0.1:" + demo.port)) {
            assertEquals(101, own.status);
        }
        HttpResponse<String> info = BoundedGet.get(demo.url("/eventbus/info"), "Origin", "https://attacker.example");
        assertEquals(403, info.statusCode());
    }

    @Test
    void limitsOnAddressLengthAndHandlersPerSocket() throws Exception {
        try (RawBridgeSocket socket = open()) {
            socket.send(RawBridgeSocket.register("test.limit." + "1".repeat(200)));
            assertEquals("max_address_length_reached", socket.receive(5_000).getString("body"));
            for (int i = 0; i < 64; i++) {
                socket.send(RawBridgeSocket.register("test.limit." + i));
            }
            socket.send(RawBridgeSocket.register("md.quote.XSIM:META"));
            JsonObject reply = socket.receive("none", 5_000);
            assertEquals("max_handlers_reached", reply.getString("body"));
            // Answered after the refused registration was handled: frames of one socket are handled in order.
            socket.send(RawBridgeSocket.send("tickbus.monitor.peek", new JsonObject().put("op", "search")
                    .put("prefix", ""), "after-limit"));
            assertNotNull(socket.receive("after-limit", 5_000));
            assertFalse(demo.node().demand().isDemanded("XSIM:META"), "a registration past the limit holds demand");
        }
    }

    @Test
    void bridgeRegistrationIsDemandUntilTheSocketCloses() throws Exception {
        String instrument = "XSIM:AMD";
        int attemptsBefore = demo.venue().subscribeAttempts("AMD");
        assertEquals(0, demo.node().demand().count(instrument));
        try (RawBridgeSocket socket = open()) {
            socket.send(RawBridgeSocket.register("md.quote." + instrument));
            Await.until("the feed subscribes upstream", () -> demo.venue().subscribeAttempts("AMD") > attemptsBefore);
            assertEquals(1, demo.node().demand().count(instrument));
            JsonObject quote = socket.receive("md.quote." + instrument, 10_000);
            assertNotNull(quote, "no quote reached the browser");
            JsonObject body = quote.getJsonObject("body");
            assertEquals("quote", body.getString("type"));
            assertEquals(instrument, body.getString("instrument"));
            assertTrue(body.getString("bid").matches("\\d+\\.\\d+"), body.encode());
        }
        Await.until("demand released on close", () -> !demo.node().demand().isDemanded(instrument));
    }

    @Test
    void unregisterReleasesDemandWhileTheSocketStaysOpen() throws Exception {
        String instrument = "XSIM:GOOG";
        try (RawBridgeSocket socket = open()) {
            socket.send(RawBridgeSocket.register("md.trade." + instrument));
            Await.until("demand acquired", () -> demo.node().demand().isDemanded(instrument));
            socket.send(new JsonObject().put("type", "unregister").put("address", "md.trade." + instrument));
            Await.until("demand released", () -> !demo.node().demand().isDemanded(instrument));
        }
    }

    @Test
    void thousandConnectAndAbruptCloseCyclesLeaveHandlersAndDemandAtBaseline() throws Exception {
        String instrument = "XSIM:TSLA";
        Await.until("no bridge socket open", () -> meter("tickbus.bridge.sockets") == 0);
        double handlersBefore = meter("vertx.eventbus.handlers");
        for (int cycle = 0; cycle < 1_000; cycle++) {
            RawBridgeSocket socket = open();
            socket.send(RawBridgeSocket.register("md.quote." + instrument));
            socket.send(RawBridgeSocket.send("tickbus.monitor.peek", new JsonObject().put("op", "search")
                    .put("prefix", "XSIM:T"), "cycle-" + cycle));
            assertNotNull(socket.receive("cycle-" + cycle, 5_000), "no reply in cycle " + cycle);
            if (cycle % 2 == 0) {
                socket.abort();
            } else {
                socket.close();
            }
        }
        Await.until("bridge sockets back to 0", Duration.ofSeconds(30), () -> meter("tickbus.bridge.sockets") == 0,
                () -> "sockets=" + meter("tickbus.bridge.sockets"));
        Await.until("bridge registrations back to 0", () -> meter("tickbus.bridge.registrations") == 0);
        // At most the baseline: the demo strategy's snapshot-reply consumers (a 10 s window after start) may close
        // during the run; 1,000 cycles leaking anything would stay far above it.
        Await.until("event-bus handlers back to baseline", Duration.ofSeconds(20),
                () -> meter("vertx.eventbus.handlers") <= handlersBefore,
                () -> "before=" + handlersBefore + ", now=" + meter("vertx.eventbus.handlers"));
        Await.until("demand back to 0", () -> demo.node().demand().count(instrument) == 0);
        assertEquals(0, demo.node().demand().localCount(instrument));
    }
}
