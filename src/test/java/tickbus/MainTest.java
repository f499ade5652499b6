package tickbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tickbus.config.ConfigException;

class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void validateConfigAcceptsTheRepositoryDescriptor() {
        assertEquals(0, run("validate-config", "verticles.json"));
        assertTrue(out.toString().startsWith("verticles.json: valid, "), out.toString());
    }

    @Test
    void aBadDescriptorPrintsOneLineAndExitsTwo(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("bad.json");
        Files.writeString(file, "{\"verticles\": [{\"name\": \"x\", \"verticle\": \"warp-drive\"}]}");
        assertEquals(2, run("validate-config", file.toString()));
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("tickbus: configuration error: verticles[0].verticle: value=\"warp-drive\";"),
                message);
    }

    @Test
    void everyBadEntryGetsAPrefixedLine(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("bad.json");
        Files.writeString(file, "{\"verticles\": [{\"name\": \"x\", \"verticle\": \"warp-drive\"},"
                + " {\"name\": \"y\", \"verticle\": \"impulse\"}]}");
        assertEquals(2, run("validate-config", file.toString()));
        List<String> lines = err.toString().strip().lines().toList();
        assertEquals(2, lines.size(), err.toString());
        String prefix = "tickbus: configuration error: ";
        assertTrue(lines.get(0).startsWith(prefix + "verticles[0].verticle: value=\"warp-drive\";"), lines.get(0));
        assertTrue(lines.get(1).startsWith(prefix + "verticles[1].verticle: value=\"impulse\";"), lines.get(1));
    }

    @Test
    void runWithABadDescriptorStartsNothingAndExitsTwo(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("bad.json");
        Files.writeString(file, "not json");
        assertEquals(2, run("run", "--config", file.toString()));
        assertTrue(err.toString().startsWith("tickbus: configuration error: " + file + ": invalid JSON"), err.toString());
    }

    @Test
    void invalidJsonIsOneLineNamingTheLineAndColumn(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("bad.json");
        Files.writeString(file, "{\"verticles\": [\n  {\"name\": \"a\", }\n]}");
        assertEquals(2, run("validate-config", file.toString()));
        assertEquals("tickbus: configuration error: " + file + ": invalid JSON at line 2, column 17: Unexpected "
                + "character ('}' (code 125)): was expecting double-quote to start field name", err.toString().strip());
    }

    @Test
    void aDescriptorThatIsNotAnObjectSaysWhatWasExpected(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("array.json");
        Files.writeString(file, "[{\"name\": \"a\"}]");
        assertEquals(2, run("validate-config", file.toString()));
        assertEquals("tickbus: configuration error: " + file + ": value=[{\"name\":\"a\"}]; expected a JSON object",
                err.toString().strip());
    }

    @Test
    void aMissingDescriptorSaysNoSuchFile(@TempDir Path directory) {
        Path file = directory.resolve("missing.json");
        assertEquals(2, run("run", "--config", file.toString()));
        assertEquals("tickbus: configuration error: " + file + ": no such file: " + file.toAbsolutePath(),
                err.toString().strip());
    }

    @Test
    void aBadEventBusPortFromTheEnvironmentIsAConfigurationError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> NodeLauncher.vertxOptions(Map.of("TICKBUS_EVENTBUS_PORT", "abc")));
        assertEquals("TICKBUS_EVENTBUS_PORT: value=\"abc\"; expected a port from 0 to 65535", e.getMessage());
    }

    @Test
    void anUnexpectedFailureIsOneLineAndExitsOneWithoutAStackTrace() {
        CommandLine commandLine = Main.commandLine().addSubcommand("boom", new Boom());
        commandLine.setErr(new PrintWriter(err, true));
        assertEquals(1, commandLine.execute("boom"));
        assertEquals("tickbus: boom failed: java.lang.IllegalStateException: broken on purpose", err.toString().strip());
    }

    @CommandLine.Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("broken on purpose");
        }
    }

    @Test
    void versionAndHelp() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("tickbus "), out.toString());
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("validate-config"), out.toString());
    }
}
