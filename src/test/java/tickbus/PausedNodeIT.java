package tickbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tickbus.testing.JarNodes.awaitLog;
import static tickbus.testing.JarNodes.descriptor;
import static tickbus.testing.JarNodes.entry;
import static tickbus.testing.JarNodes.tail;
import static tickbus.testing.TcpBridgeFrames.read;
import static tickbus.testing.TcpBridgeFrames.write;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tickbus.testing.Await;
import tickbus.testing.FreePorts;
import tickbus.testing.JarNodes;

/**
 * Fault catalogue scenario 37, a GC-pause stand-in: the feed's process is SIGSTOPped past Hazelcast's
 * max-no-heartbeat, then SIGCONTed. Two {@code java -jar target/tickbus.jar run --cluster} processes, as in
 * {@link FatJarIT}.
 */
class PausedNodeIT {

    private static final String INSTRUMENT = "XNAS:AAPL";
    private static final Duration START_DEADLINE = Duration.ofSeconds(60);
    /** The test's max-no-heartbeat, shorter than cluster.xml's 15 s to keep the test short. */
    private static final int NO_HEARTBEAT_SECONDS = 12;
    /** Detection waits for the limit from the last heartbeat (sent every second here), give or take scheduling. */
    private static final Duration EARLIEST_STALE = Duration.ofSeconds(NO_HEARTBEAT_SECONDS - 3);
    /** Past the merge (1 to 5 s after SIGCONT here) and the feed's 5 s linger on the demand it saw leave. */
    private static final Duration FLOWING_AGAIN = Duration.ofSeconds(12);

    @TempDir
    Path directory;

    private JarNodes nodes;
    private final List<Frame> frames = new CopyOnWriteArrayList<>();

    private record Frame(long nanos, String address, JsonObject body) {
    }

    @AfterEach
    void stopProcesses() throws InterruptedException {
        if (nodes != null) {
            for (String name : List.of("feed-node.log", "strategy-node.log")) {
                try {
                    Files.copy(directory.resolve(name), Path.of("target", "paused-" + name),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    // debugging aid only
                }
            }
            nodes.close();
        }
    }

    @Test
    void aPausedFeedNodeIsReportedStaleAfterTheHeartbeatLimitAndTheStrategyNodeStaysLive() throws Exception {
        nodes = new JarNodes(directory);
        int simPort = FreePorts.stable();
        int bridgePort = FreePorts.stable();
        int monitorPort = FreePorts.stable();
        int clusterA = FreePorts.stable();
        int clusterB = FreePorts.stable();
        Map<String, String> cluster = JarNodes.cluster("paused", clusterA, clusterB);
        List<String> jvm = List.of("-Dvertx.hazelcast.config=" + fastHeartbeatClusterXml());

        Path feedLog = directory.resolve("feed-node.log");
        Process feedNode = nodes.start(jvm, descriptor(JarNodes.itchFeed(simPort, "PAUSE").toArray(JsonObject[]::new)),
                feedLog, cluster, Map.of("TICKBUS_CLUSTER_PORT", String.valueOf(clusterA)));
        // The strategy subscribes once the feed is live, so that the feed's first answer tells it which node serves
        // it (a node paused before its feed answered would go untold: docs/strategies.md).
        awaitLog(feedLog, "feed itch-xnas: RECOVERING → LIVE", feedNode, START_DEADLINE);
        Path strategyLog = directory.resolve("strategy-node.log");
        Process strategyNode = nodes.start(jvm, descriptor(
                entry("tcp-bridge", "tcp-bridge", new JsonObject().put("host", "127.0.0.1").put("port", bridgePort)),
                entry("monitor", "monitor", new JsonObject().put("port", monitorPort)),
                entry("feed-watcher", "feed-watcher", new JsonObject().put("instruments",
                        new JsonArray().add(INSTRUMENT)))),
                strategyLog, cluster, Map.of("TICKBUS_CLUSTER_PORT", String.valueOf(clusterB)));
        awaitLog(strategyLog, "tickbus node started: verticles=3, clustered=true", strategyNode, START_DEADLINE);

        try (Socket socket = new Socket("127.0.0.1", bridgePort)) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            write(out, new JsonObject().put("type", "register").put("address", "md.quote." + INSTRUMENT));
            write(out, new JsonObject().put("type", "register").put("address", "tickbus.strategy.feed-watcher"));
            Thread reader = new Thread(() -> readFrames(socket), "bridge-reader");
            reader.setDaemon(true);
            reader.start();

            long started = System.nanoTime();
            awaitFrame("a quote of " + INSTRUMENT, START_DEADLINE, started, PausedNodeIT::quote, strategyLog);
            awaitLog(strategyLog, "feed-watcher: " + INSTRUMENT, strategyNode, START_DEADLINE);

            long paused = System.nanoTime();
            signal("STOP", feedNode);
            long[] lastHealth = {0};
            awaitFrame("STALE for " + INSTRUMENT + " on the strategy node", Duration.ofSeconds(30), paused,
                    frame -> {
                        lastHealth[0] = checkLiveEverySecond(monitorPort, lastHealth[0]);
                        return stale(frame);
                    }, strategyLog);
            long staleAfter = frames.stream().filter(f -> f.nanos() >= paused && stale(f)).findFirst().orElseThrow()
                    .nanos() - paused;
            System.out.printf("STALE %d ms after SIGSTOP%n", TimeUnit.NANOSECONDS.toMillis(staleAfter));
            assertTrue(staleAfter >= EARLIEST_STALE.toNanos(),
                    "STALE " + TimeUnit.NANOSECONDS.toMillis(staleAfter) + " ms after SIGSTOP, before the limit");
            assertEquals(200, JarNodes.get("http://127.0.0.1:" + monitorPort + "/health/live",
                    Duration.ofSeconds(5)).statusCode());

            // Resumed, the feed's process finds itself alone: both sides saw the other leave, and Hazelcast merges
            // the two one-node clusters, each node keeping its Vert.x id. Each node hears the other's demand again: the
            // feed serves the instrument again (it may drop it for a moment if the merge ends after its 5 s linger on
            // the demand it saw leave).
            long resumed = System.nanoTime();
            signal("CONT", feedNode);
            awaitLog(strategyLog, "node rejoined the cluster", strategyNode, Duration.ofSeconds(20));
            awaitLog(feedLog, "node rejoined the cluster", feedNode, Duration.ofSeconds(5));
            // The subscription is served again: a snapshot of the instrument, asked for when the feed's node joined.
            awaitFrame(INSTRUMENT + " other than STALE after SIGCONT", Duration.ofSeconds(10), resumed,
                    frame -> INSTRUMENT.equals(frame.body().getString("instrument")) && !stale(frame), strategyLog);
            Await.until("the feed subscribed to " + INSTRUMENT + " " + FLOWING_AGAIN.toSeconds() + " s after SIGCONT",
                    Duration.ofSeconds(25), () -> System.nanoTime() - resumed >= FLOWING_AGAIN.toNanos()
                            && subscribed(JarNodes.read(feedLog)), () -> tail(feedLog));
            assertTrue(strategyNode.isAlive() && feedNode.isAlive(), "a node exited after the merge");
            // Not asserted: whether the quotes come again. The merge can lose the event-bus registrations of the node
            // that merged (vertx-hazelcast republishes its own when a member is removed, not after a merge): in some
            // runs they come, in others the feed publishes to nobody (docs/fault-coverage.md, row 37).
            long late = resumed + FLOWING_AGAIN.toNanos() - TimeUnit.SECONDS.toNanos(2);
            System.out.printf("quotes in the 2 s before %d s after SIGCONT: %d%n", FLOWING_AGAIN.toSeconds(),
                    frames.stream().filter(f -> f.nanos() >= late && quote(f)).count());
            reader.interrupt();
        }
    }

    /** Whether the feed's last word on the instrument's upstream subscription is that it is active. */
    private static boolean subscribed(String feedLog) {
        String line = "subscription " + INSTRUMENT + " → ";
        int last = feedLog.lastIndexOf(line);
        return last >= 0 && feedLog.startsWith("ACTIVE", last + line.length());
    }

    private static boolean quote(Frame frame) {
        return frame.address().equals("md.quote." + INSTRUMENT);
    }

    private static boolean stale(Frame frame) {
        return INSTRUMENT.equals(frame.body().getString("instrument"))
                && "STALE".equals(frame.body().getString("state"));
    }

    private long checkLiveEverySecond(int monitorPort, long last) {
        long now = System.nanoTime();
        if (now - last < TimeUnit.SECONDS.toNanos(1)) {
            return last;
        }
        try {
            HttpResponse<String> live = JarNodes.get("http://127.0.0.1:" + monitorPort + "/health/live",
                    Duration.ofSeconds(5));
            assertEquals(200, live.statusCode(), "/health/live of the strategy node: " + live.body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("/health/live of the strategy node did not answer: " + e, e);
        }
        return System.nanoTime();
    }

    private void awaitFrame(String what, Duration deadline, long since, Predicate<Frame> wanted, Path log) {
        Await.until(what, deadline, () -> frames.stream().anyMatch(f -> f.nanos() >= since && wanted.test(f)),
                () -> tail(log));
    }

    private void readFrames(Socket socket) {
        try {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            while (true) {
                JsonObject frame = read(in);
                if ("message".equals(frame.getString("type"))) {
                    frames.add(new Frame(System.nanoTime(), frame.getString("address"), frame.getJsonObject("body")));
                }
            }
        } catch (IOException e) {
            // the socket closed: the test is over
        }
    }

    private Path fastHeartbeatClusterXml() throws IOException {
        String xml = Files.readString(Path.of("cluster.xml"));
        String limit = "<property name=\"hazelcast.max.no.heartbeat.seconds\">15</property>";
        assertTrue(xml.contains(limit), "cluster.xml no longer sets max-no-heartbeat to 15 s");
        return Files.writeString(directory.resolve("cluster.xml"), xml.replace(limit,
                "<property name=\"hazelcast.max.no.heartbeat.seconds\">" + NO_HEARTBEAT_SECONDS + "</property>\n"
                        + "    <property name=\"hazelcast.heartbeat.interval.seconds\">1</property>\n"
                        + "    <property name=\"hazelcast.merge.first.run.delay.seconds\">5</property>\n"
                        + "    <property name=\"hazelcast.merge.next.run.delay.seconds\">5</property>"));
    }

    private static void signal(String signal, Process process) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS), "kill -" + signal + " did not finish");
        assertEquals(0, kill.exitValue(), "kill -" + signal + " " + process.pid());
    }
}
