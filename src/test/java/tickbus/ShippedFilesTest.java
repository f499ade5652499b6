package tickbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The Dockerfile, read as text (no Docker engine here): what the image runs is what the jar accepts and uses. */
class ShippedFilesTest {

    private static final String CLUSTER_PROPERTY = "vertx.hazelcast.config";

    @Test
    void theImageReadsTheClusterXmlItCopiesNotOnlyTheJarsOwn() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("Dockerfile"));
        String runtimeCopy = lines.stream().filter(line -> line.startsWith("COPY verticles.json cluster.xml"))
                .reduce((first, second) -> second).orElseThrow();
        String directory = lines.stream().filter(line -> line.startsWith("WORKDIR ")).reduce((a, b) -> b)
                .orElseThrow().substring("WORKDIR ".length());
        assertTrue(runtimeCopy.endsWith("./"), runtimeCopy);
        List<String> entrypoint = instruction(lines, "ENTRYPOINT");
        assertTrue(entrypoint.contains("-D" + CLUSTER_PROPERTY + "=" + directory + "/cluster.xml"),
                "an edited or mounted cluster.xml is ignored unless the JVM is told to read it: " + entrypoint);
    }

    @Test
    void theClusterXmlNamedBySystemPropertyIsTheOneLoaded(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("cluster.xml");
        Files.writeString(file, Files.readString(Path.of("cluster.xml"))
                .replace("<cluster-name>tickbus</cluster-name>", "<cluster-name>mounted</cluster-name>"));
        String before = System.getProperty(CLUSTER_PROPERTY);
        System.setProperty(CLUSTER_PROPERTY, file.toString());
        try {
            assertEquals("mounted", ClusterConfig.load(Map.of()).getClusterName());
        } finally {
            if (before == null) {
                System.clearProperty(CLUSTER_PROPERTY);
            } else {
                System.setProperty(CLUSTER_PROPERTY, before);
            }
        }
    }

    @Test
    void theImageCommandIsOneTheJarAccepts() throws Exception {
        List<String> command = instruction(Files.readAllLines(Path.of("Dockerfile")), "CMD");
        CommandLine.ParseResult parsed = Main.commandLine().parseArgs(command.toArray(String[]::new));
        assertEquals("run", parsed.subcommand().commandSpec().name());
        assertEquals("/opt/tickbus/verticles.json", parsed.subcommand().matchedOptionValue("--config", null)
                .toString());
    }

    private static List<String> instruction(List<String> lines, String name) {
        String line = lines.stream().filter(text -> text.startsWith(name + " ")).findFirst().orElseThrow();
        return new JsonArray(line.substring(name.length() + 1)).stream().map(String.class::cast).toList();
    }
}
