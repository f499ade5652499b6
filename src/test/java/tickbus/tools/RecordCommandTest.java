package tickbus.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tickbus.MainAccess;

/** {@code tickbus record} with arguments it cannot use: a command-line error, never a stack trace. */
class RecordCommandTest {

    private final StringWriter err = new StringWriter();

    private int tickbus(String... args) {
        return MainAccess.commandLine().setOut(new PrintWriter(new StringWriter(), true))
                .setErr(new PrintWriter(err, true)).execute(args);
    }

    @Test
    void aPortOutOfRangeIsACommandLineError(@TempDir Path directory) {
        assertEquals(2, tickbus("record", "--port", "99999", "--out", directory.resolve("x.bin").toString()));
        assertTrue(err.toString().startsWith("--port: value=99999; expected 1 to 65535"), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void aUsernameLongerThanSoupBinTcpAllowsIsACommandLineError(@TempDir Path directory) {
        assertEquals(2, tickbus("record", "--port", "1", "--username", "much-too-long", "--out",
                directory.resolve("x.bin").toString()));
        assertTrue(err.toString().startsWith("--username, --session, --from or the password in "
                + "TICKBUS_SOUPBINTCP_PASSWORD: username too long: length=13, max=6"), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
    }
}
