package tickbus.strategy.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tickbus.Main;
import tickbus.TickbusNode;
import tickbus.config.ConfigException;
import tickbus.strategy.StrategyTestNode;
import tickbus.testing.Await;

/** {@code tickbus deploy} / {@code tickbus undeploy} against a running node's admin endpoint. */
class AdminIT {

    private StrategyTestNode node;
    private String admin;
    private int port;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        node = new StrategyTestNode();
        node.venueWithFeed("XSIM", List.of("AAA"));
        AdminVerticle verticle = new AdminVerticle();
        Await.result(node.vertx.deployVerticle(verticle, new DeploymentOptions()
                .setConfig(new JsonObject().put("port", 0))));
        port = verticle.port();
        admin = "http://127.0.0.1:" + port;
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private int tickbus(String... args) {
        return new CommandLine(new Main()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void scriptThatDoesNotCompileIsReportedWithFileAndLineAndTheNodeKeepsRunning() {
        int exit = tickbus("deploy", "groovy:src/test/resources/strategies/broken.groovy", "--admin", admin);

        assertEquals(1, exit, err.toString());
        assertTrue(err.toString().contains("script does not compile: file=src/test/resources/strategies/broken.groovy,"
                + " line=6, column=57, message=Unexpected input: '{'"), err.toString());
        List<JsonObject> outputs = node.outputs("momentum");
        assertEquals(0, tickbus("deploy", "groovy:strategies/momentum.groovy", "--worker", "--admin", admin,
                "--config", "{\"instruments\": [\"XSIM:AAA\"], \"fastPeriod\": 2, \"slowPeriod\": 4}"), err.toString());
        node.pumpUntil("momentum output after the failed deploy", 2, () -> !outputs.isEmpty());
    }

    @Test
    void deployThenUndeployReleasesTheDemand() {
        assertEquals(0, tickbus("deploy", "groovy:strategies/momentum.groovy", "--worker", "--admin", admin,
                "--config", "{\"instruments\": [\"XSIM:AAA\"]}"), err.toString());
        assertTrue(out.toString().startsWith("deployed momentum: id="), out.toString());
        assertEquals(1, TickbusNode.of(node.vertx).demand().localCount("XSIM:AAA"));
        assertEquals(1, tickbus("deploy", "groovy:strategies/momentum.groovy", "--admin", admin,
                "--config", "{\"instruments\": [\"XSIM:AAA\"]}"));
        assertTrue(err.toString().contains("a deployment with this name exists: name=momentum"), err.toString());

        assertEquals(0, tickbus("undeploy", "momentum", "--admin", admin), err.toString());
        Await.until("demand released", () -> TickbusNode.of(node.vertx).demand().localCount("XSIM:AAA") == 0);
        assertEquals(1, tickbus("undeploy", "momentum", "--admin", admin));
    }

    /** What a web page open in the operator's browser can send without a CORS preflight: a text/plain form POST. */
    @Test
    void crossSiteTextPlainPostIsRefusedAndDeploysNothing() throws Exception {
        String entry = new JsonObject().put("name", "csrf").put("verticle", "admin")
                .put("config", new JsonObject().put("port", 0)).encode();
        HttpResponse<String> response = post(entry, "text/plain;charset=UTF-8", "http://evil.example");

        assertEquals(403, response.statusCode(), response.body());
        assertEquals("cross-origin request refused: origin=http://evil.example; the admin endpoint takes no requests"
                + " from browsers", new JsonObject(response.body()).getString("error"));
        assertEquals(new JsonObject(), new JsonObject(get("/deployments").body()));
    }

    @Test
    void postWhoseBodyIsNotJsonIsRefusedWith415() throws Exception {
        String entry = new JsonObject().put("name", "plain").put("verticle", "mid-spread").encode();
        HttpResponse<String> response = post(entry, "text/plain", null);

        assertEquals(415, response.statusCode(), response.body());
        assertEquals("content type refused: content-type=text/plain; expected application/json",
                new JsonObject(response.body()).getString("error"));
        assertEquals(new JsonObject(), new JsonObject(get("/deployments").body()));
    }

    /** DNS rebinding: a page on evil.example whose name now resolves to 127.0.0.1 still sends its own Host. */
    @Test
    void requestForAHostOtherThanLoopbackIsRefused() throws IOException {
        assertEquals("HTTP/1.1 403 Forbidden", statusLine("evil.example:" + port));
        assertEquals("HTTP/1.1 403 Forbidden", statusLine("127.0.0.1:" + (port == 1 ? 2 : port - 1)));
        assertEquals("HTTP/1.1 200 OK", statusLine("localhost:" + port));
    }

    @Test
    void settingsRefuseAnInterfaceOtherThanLoopback() {
        assertEquals("verticles[9].config.host: value=\"0.0.0.0\"; expected a loopback host (127.0.0.1, localhost or"
                + " ::1): the admin endpoint deploys code and has no authentication",
                assertThrows(ConfigException.class, () -> AdminSettings.fromJson(new JsonObject().put("host",
                        "0.0.0.0"), "verticles[9].config")).getMessage());
        assertThrows(ConfigException.class, () -> AdminSettings.fromJson(new JsonObject().put("host",
                "192.168.1.10"), "config"));
        assertEquals("::1", AdminSettings.fromJson(new JsonObject().put("host", "::1"), "config").host());
    }

    private HttpResponse<String> post(String body, String contentType, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(admin + "/deployments"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http().send(HttpRequest.newBuilder(URI.create(admin + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    /** A GET with a chosen Host header, which the JDK's HttpClient does not let a caller set. */
    private String statusLine(String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /deployments HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }
}
