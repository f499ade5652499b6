package tickbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tickbus.testing.TcpBridgeFrames.read;
import static tickbus.testing.JarNodes.descriptor;
import static tickbus.testing.JarNodes.entry;
import static tickbus.testing.JarNodes.tail;
import static tickbus.testing.TcpBridgeFrames.write;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tickbus.testing.Await;
import tickbus.testing.FreePorts;
import tickbus.testing.JarNodes;

/**
 * The shipped artifact, as an operator runs it: two {@code java -jar target/tickbus.jar run --cluster} processes
 * (one reading the jar's own cluster.xml, one a file named by {@code -Dvertx.hazelcast.config}, as the Docker image
 * does). Whatever shading can silently drop must work: the Hazelcast cluster manager, the event codecs between
 * processes, cluster-wide demand, Micrometer metrics, the Groovy language, the deploy command; and a strategy is
 * told when the feed's process is killed.
 */
class FatJarIT {

    private static final Path JAR = JarNodes.JAR;
    private static final String INSTRUMENT = "XNAS:AAPL";
    private static final Duration CLUSTER_DEADLINE = Duration.ofSeconds(90);

    @TempDir
    Path directory;

    private JarNodes nodes;

    @AfterEach
    void stopProcesses() throws InterruptedException {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void twoClusteredNodesCarryAFeedsEventsToABridgeClientAndAGroovyStrategyOnTheOther() throws Exception {
        nodes = new JarNodes(directory);
        int simPort = FreePorts.stable();
        int monitorA = FreePorts.stable();
        int monitorB = FreePorts.stable();
        int bridgePort = FreePorts.stable();
        int adminPort = FreePorts.stable();
        int clusterA = FreePorts.stable();
        int clusterB = FreePorts.stable();
        Map<String, String> cluster = JarNodes.cluster("fatjar", clusterA, clusterB);

        Path logA = directory.resolve("feed-node.log");
        Process feedNode = nodes.start(List.of(), feedNode(simPort, monitorA), logA,
                cluster, Map.of("TICKBUS_CLUSTER_PORT", String.valueOf(clusterA)));
        Path clusterXml = Files.copy(Path.of("cluster.xml"), directory.resolve("cluster.xml"));
        Path logB = directory.resolve("strategy-node.log");
        Process strategyNode = nodes.start(List.of("-Dvertx.hazelcast.config=" + clusterXml), strategyNode(bridgePort,
                adminPort, monitorB), logB, cluster, Map.of("TICKBUS_CLUSTER_PORT", String.valueOf(clusterB)));
        awaitLog(logA, "tickbus node started: verticles=3, clustered=true", feedNode);
        awaitLog(logB, "tickbus node started: verticles=4, clustered=true", strategyNode);

        Process deploy = new ProcessBuilder("java", "-jar", JAR.toString(), "deploy",
                "groovy:strategies/momentum.groovy",
                "--name", "momentum", "--worker", "--admin", "http://127.0.0.1:" + adminPort, "--config",
                new JsonObject().put("instruments", new JsonArray().add(INSTRUMENT)).put("fastPeriod", 2)
                        .put("slowPeriod", 3).encode())
                .redirectErrorStream(true).start();
        String deployOutput = new String(deploy.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(deploy.waitFor(60, TimeUnit.SECONDS), "deploy did not finish: " + deployOutput);
        assertEquals(0, deploy.exitValue(), deployOutput);

        try (Socket socket = new Socket("127.0.0.1", bridgePort)) {
            socket.setSoTimeout((int) CLUSTER_DEADLINE.toMillis());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            write(out, new JsonObject().put("type", "register").put("address", "md.quote." + INSTRUMENT));
            write(out, new JsonObject().put("type", "register").put("address", "tickbus.strategy.momentum"));

            JsonObject quote = null;
            JsonObject momentum = null;
            while (quote == null || momentum == null) {
                JsonObject frame = read(in);
                assertTrue(!"err".equals(frame.getString("type")), frame::encode);
                if ("message".equals(frame.getString("type"))) {
                    String address = frame.getString("address");
                    if (address.startsWith("md.quote.")) {
                        quote = frame.getJsonObject("body");
                    } else {
                        momentum = frame.getJsonObject("body");
                    }
                }
            }
            assertEquals(INSTRUMENT, quote.getString("instrument"), quote::encode);
            assertEquals("itch-xnas", quote.getString("source"), quote::encode);
            assertTrue(new BigDecimal(quote.getString("bid")).compareTo(new BigDecimal(quote.getString("ask"))) < 0,
                    quote::encode);
            assertEquals(INSTRUMENT, momentum.getString("instrument"), momentum::encode);
            assertTrue(List.of("UP", "DOWN", "FLAT").contains(momentum.getString("signal")), momentum::encode);
            assertTrue(new BigDecimal(momentum.getString("price")).signum() > 0, momentum::encode);
        }

        String metrics = get("http://127.0.0.1:" + monitorA + "/metrics");
        assertTrue(metrics.contains("tickbus_feed_messages_total{"),
                "no tickbus feed metrics in /metrics of the feed node");
        assertTrue(metrics.contains("vertx_eventbus_handlers"),
                "no Vert.x metrics: the Micrometer metrics factory was not found in the jar");
        String strategyMetrics = get("http://127.0.0.1:" + monitorB + "/metrics");
        assertTrue(strategyMetrics.contains("tickbus_strategy_handler_failures_total{"),
                "no strategy metrics in /metrics of the strategy node");

        // The feed node killed without a goodbye: the feed watcher on the other node is told, not left with silence.
        feedNode.destroyForcibly();
        awaitLog(logB, "the node serving the instrument left the cluster: node=", strategyNode);
        assertTrue(tail(logB).contains("instrument=" + INSTRUMENT), () -> tail(logB));

        strategyNode.destroy();
        assertTrue(strategyNode.waitFor(25, TimeUnit.SECONDS), "the strategy node did not stop within 25 s of SIGTERM");
    }

    private static void awaitLog(Path log, String line, Process process) {
        JarNodes.awaitLog(log, line, process, CLUSTER_DEADLINE);
    }

    private static JsonObject feedNode(int simPort, int monitorPort) {
        List<JsonObject> entries = new ArrayList<>(JarNodes.itchFeed(simPort, "JAR1"));
        entries.add(entry("monitor", "monitor", new JsonObject().put("port", monitorPort)));
        return descriptor(entries.toArray(JsonObject[]::new));
    }

    private static JsonObject strategyNode(int bridgePort, int adminPort, int monitorPort) {
        return descriptor(
                entry("tcp-bridge", "tcp-bridge", new JsonObject().put("host", "127.0.0.1").put("port", bridgePort)),
                entry("admin", "admin", new JsonObject().put("host", "127.0.0.1").put("port", adminPort)),
                entry("monitor", "monitor", new JsonObject().put("port", monitorPort)),
                entry("feed-watcher", "feed-watcher", new JsonObject().put("instruments",
                        new JsonArray().add(INSTRUMENT))));
    }

    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = JarNodes.get(url, Duration.ofSeconds(20));
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return response.body();
    }
}
