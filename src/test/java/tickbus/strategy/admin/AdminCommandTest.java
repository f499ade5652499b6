package tickbus.strategy.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import tickbus.MainAccess;
import tickbus.testing.FreePorts;

/** {@code tickbus deploy} / {@code undeploy} when the node or the input is not what the operator thinks. */
class AdminCommandTest {

    private final StringWriter err = new StringWriter();

    private int tickbus(String... args) {
        return MainAccess.commandLine().setOut(new PrintWriter(new StringWriter(), true))
                .setErr(new PrintWriter(err, true)).execute(args);
    }

    private String oneLine() {
        String text = err.toString().strip();
        assertFalse(text.contains("\tat "), text);
        assertEquals(1, text.lines().count(), text);
        return text;
    }

    @Test
    void deployToANodeThatIsNotRunningSaysNoNodeAnswers() {
        String admin = "http://127.0.0.1:" + FreePorts.stable();
        assertEquals(1, tickbus("deploy", "mid-spread", "--admin", admin));
        assertEquals("tickbus: deploy failed: no tickbus node answers at admin=" + admin + "/ (is the node running, "
                + "with the admin verticle? --admin gives another endpoint): java.net.ConnectException", oneLine());
    }

    @Test
    void undeployFromANodeThatIsNotRunningSaysNoNodeAnswers() {
        String admin = "http://127.0.0.1:" + FreePorts.stable();
        assertEquals(1, tickbus("undeploy", "momentum", "--admin", admin));
        assertTrue(oneLine().startsWith("tickbus: undeploy failed: no tickbus node answers at admin=" + admin + "/"),
                err.toString());
    }

    @Test
    void deployWithInvalidJsonConfigNamesTheOptionAndThePosition() {
        assertEquals(2, tickbus("deploy", "mid-spread", "--config", "{bad"));
        assertTrue(oneLine().startsWith("tickbus: configuration error: --config: invalid JSON at line 1, column 2: "),
                err.toString());
    }

    @Test
    void aMalformedAdminUrlIsACommandLineError() {
        assertEquals(2, tickbus("undeploy", "momentum", "--admin", "http://127.0.0.1:99999"));
        assertTrue(err.toString().startsWith("--admin: value=\"http://127.0.0.1:99999\"; expected a URL such as "
                + "http://127.0.0.1:8091"), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
    }
}
