package tickbus.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Nodes started from the shipped jar ({@code java -jar target/tickbus.jar run --config ... --cluster}), each logging
 * to a file in a test's directory, as integration tests that run the artifact need them. {@link #close()} kills
 * whatever is still running.
 */
public final class JarNodes implements AutoCloseable {

    public static final Path JAR = Path.of("target", "tickbus.jar");

    private final Path directory;
    private final List<Process> processes = new ArrayList<>();

    public JarNodes(Path directory) {
        assertTrue(Files.isRegularFile(JAR), JAR + " missing: integration tests run after `mvn package`");
        this.directory = directory;
    }

    /**
     * Starts a clustered node running {@code descriptor}, its output in {@code log}, with the environment variables
     * of {@code cluster} and then {@code node}.
     */
    public Process start(List<String> jvmOptions, JsonObject descriptor, Path log, Map<String, String> cluster,
            Map<String, String> node) throws IOException {
        Path config = Files.writeString(directory.resolve(log.getFileName() + ".json"), descriptor.encodePrettily());
        List<String> command = new ArrayList<>(List.of("java", "-Xmx512m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString(), "run", "--config", config.toString(), "--cluster"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(cluster);
        builder.environment().putAll(node);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /** Waits until {@code log} contains {@code line}, failing at once if {@code process} exits. */
    public static void awaitLog(Path log, String line, Process process, Duration deadline) {
        Await.until("log line \"" + line + "\" in " + log.getFileName(), deadline, () -> {
            assertTrue(process.isAlive(), () -> "node exited: " + tail(log));
            return read(log).contains(line);
        }, () -> tail(log));
    }

    /** The last 4 000 characters of {@code log}. */
    public static String tail(Path log) {
        String text = read(log);
        return text.substring(Math.max(0, text.length() - 4_000));
    }

    /** The whole of {@code log}, or the reason it could not be read. */
    public static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The environment of every node of a new cluster (a unique name) whose members listen on {@code ports}. */
    public static Map<String, String> cluster(String namePrefix, int... ports) {
        return Map.of("TICKBUS_CLUSTER_NAME", namePrefix + "-" + java.util.UUID.randomUUID(),
                "TICKBUS_CLUSTER_MEMBERS", java.util.Arrays.stream(ports).mapToObj(port -> "127.0.0.1:" + port)
                        .collect(java.util.stream.Collectors.joining(",")));
    }

    public static JsonObject descriptor(JsonObject... entries) {
        return new JsonObject().put("verticles", new JsonArray(List.of((Object[]) entries)));
    }

    public static JsonObject entry(String name, String verticle, JsonObject config) {
        return new JsonObject().put("name", name).put("verticle", verticle).put("config", config);
    }

    /** An itch-sim on {@code simPort} and a soupbintcp feed (source itch-xnas, venue XNAS) reading it. */
    public static List<JsonObject> itchFeed(int simPort, String session) {
        return List.of(
                entry("itch-sim", "itch-sim", new JsonObject().put("host", "127.0.0.1").put("port", simPort)
                        .put("session", session).put("symbols", new JsonArray().add("AAPL").add("MSFT"))
                        .put("messagesPerSecond", 2000)),
                entry("feed-xnas", "feed", new JsonObject().put("source", "itch-xnas").put("venue", "XNAS")
                        .put("protocol", "soupbintcp").put("heartbeatTimeoutMillis", 5000)
                        .put("settings", new JsonObject().put("host", "127.0.0.1").put("port", simPort))));
    }

    /** The response to a GET of {@code url} within {@code timeout}. */
    public static HttpResponse<String> get(String url, Duration timeout) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Kills every node still running, paused ones included (SIGKILL ends a stopped process). */
    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
