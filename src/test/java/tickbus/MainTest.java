package tickbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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
    void runWithABadDescriptorStartsNothingAndExitsTwo(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("bad.json");
        Files.writeString(file, "not json");
        assertEquals(2, run("run", "--config", file.toString()));
        assertTrue(err.toString().startsWith("tickbus: configuration error: " + file + ": invalid JSON"), err.toString());
    }

    @Test
    void versionAndHelp() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("tickbus "), out.toString());
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("validate-config"), out.toString());
    }
}
