package tickbus.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Access control on: every bridge frame and every metrics scrape must carry the bearer token. */
class MonitorAccessIT {

    private static final String TOKEN = "s3cret-token-for-tests";
    private static MonitorDemo demo;

    @BeforeAll
    static void start() {
        demo = new MonitorDemo(500, new JsonObject().put("access",
                new JsonObject().put("mode", "bearer").put("token", TOKEN)));
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static JsonObject withCredential(JsonObject frame, String authorization) {
        return frame.put("headers", new JsonObject().put("authorization", authorization));
    }

    @Test
    void everyFrameWithoutTheCredentialIsRefusedEvenAfterAnAuthorizedOne() throws Exception {
        JsonObject search = new JsonObject().put("op", "search").put("prefix", "");
        try (RawBridgeSocket socket = RawBridgeSocket.open(demo.port, null)) {
            socket.send(withCredential(RawBridgeSocket.send("tickbus.monitor.peek", search, "ok-1"),
                    "Bearer " + TOKEN));
            assertNotNull(socket.receive("ok-1", 5_000), "the authorized request was not answered");

            socket.send(RawBridgeSocket.send("tickbus.monitor.peek", search, "bare"));
            assertEquals("rejected", socket.receive(5_000).getString("body"));
            socket.send(withCredential(RawBridgeSocket.register("md.quote.XSIM:AMD"), "Bearer wrong-token-0000"));
            assertEquals("rejected", socket.receive(5_000).getString("body"));
            socket.send(RawBridgeSocket.register("tickbus.monitor.stats"));
            assertEquals("rejected", socket.receive(5_000).getString("body"));
            assertFalse(demo.node().demand().isDemanded("XSIM:AMD"), "a refused registration acquired demand");

            socket.send(withCredential(RawBridgeSocket.register("tickbus.monitor.stats"), "Bearer " + TOKEN));
            JsonObject stats = socket.receive("tickbus.monitor.stats", 5_000);
            assertEquals("rec", stats.getString("type"));
        }
    }

    @Test
    void metricsNeedTheCredentialAndHealthProbesDoNot() throws Exception {
        HttpResponse<String> bare = BoundedGet.get(demo.url("/metrics"));
        assertEquals(401, bare.statusCode());
        assertEquals("Bearer realm=\"tickbus\"", bare.headers().firstValue("WWW-Authenticate").orElse(""));
        HttpResponse<String> authorized = BoundedGet.get(demo.url("/metrics"), "Authorization", "Bearer " + TOKEN);
        assertEquals(200, authorized.statusCode());
        HttpResponse<String> live = BoundedGet.get(demo.url("/health/live"));
        assertEquals(200, live.statusCode());
    }
}
