package tickbus.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tickbus.protocol.soupbintcp.SoupBinTcpClientConfig;

/**
 * {@code tickbus record --port P --out FILE [--host H] [--username U] [--session S] [--from N] [--gzip]
 * [--messages N] [--seconds S]}; the password comes from an environment variable, never the command line.
 */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = "Record a live SoupBinTCP session (ITCH) to a BinaryFILE, until End of Session, a limit or "
                + "Ctrl-C.")
public final class RecordCommand implements Callable<Integer> {

    private static final long STOP_WAIT_SECONDS = 5;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "The SoupBinTCP server.")
    String host;

    @Option(names = "--port", required = true, description = "The SoupBinTCP server's port.")
    int port;

    @Option(names = "--username", defaultValue = "", description = "Login username (up to 6 characters).")
    String username;

    @Option(names = "--password-env", defaultValue = "TICKBUS_SOUPBINTCP_PASSWORD",
            description = "The environment variable holding the password (default ${DEFAULT-VALUE}).")
    String passwordVariable;

    @Option(names = "--session", defaultValue = "", description = "The session to record (default: the current).")
    String session;

    @Option(names = "--from", defaultValue = "1", description = "The first sequence number (1: the whole session; "
            + "0: only new messages).")
    long from;

    @Option(names = "--out", required = true, description = "The BinaryFILE to write.")
    Path out;

    @Option(names = "--gzip", description = "Gzip the file.")
    boolean gzip;

    @Option(names = "--messages", defaultValue = "0", description = "Stop after this many messages (0: no limit).")
    long messages;

    @Option(names = "--seconds", defaultValue = "0", description = "Stop after this many seconds (0: no limit).")
    long seconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (port < 1 || port > 65_535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port: value=" + port
                    + "; expected 1 to 65535");
        }
        SoupBinTcpClientConfig config = clientConfig();
        CountDownLatch finished = new CountDownLatch(1);
        SessionRecorder.Result result;
        try (BinaryFileOutput file = BinaryFileOutput.create(out, gzip)) {
            SessionRecorder recorder = new SessionRecorder(host, port, config, file, messages, seconds * 1_000);
            Thread stopper = new Thread(() -> {
                recorder.stop();
                awaitQuietly(finished);
            }, "tickbus-record-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            try {
                result = recorder.run();
            } finally {
                removeQuietly(stopper);
            }
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println("tickbus: record failed: host=" + host + ", port=" + port + ", out="
                    + out + ", error=" + e);
            return 1;
        } finally {
            finished.countDown();
        }
        PrintWriter output = spec.commandLine().getOut();
        if (result.rejected()) {
            spec.commandLine().getErr().println("tickbus: record failed: " + result.end());
            return 1;
        }
        output.println("recorded file=" + out + " messages=" + result.messages() + " session=" + result.session()
                + " firstSequence=" + result.firstSequence() + " lastSequence=" + result.lastSequence() + " end="
                + result.end());
        output.flush();
        return 0;
    }

    private SoupBinTcpClientConfig clientConfig() {
        String password = System.getenv().getOrDefault(passwordVariable, "");
        try {
            return new SoupBinTcpClientConfig(username, password, session, from,
                    SoupBinTcpClientConfig.DEFAULT_MAX_PACKET_LENGTH,
                    SoupBinTcpClientConfig.DEFAULT_SERVER_TIMEOUT_MILLIS);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--username, --session, --from or the "
                    + "password in " + passwordVariable + ": " + e.getMessage());
        }
    }

    private static void awaitQuietly(CountDownLatch finished) {
        try {
            finished.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running and waits for this recording to close its file.
        }
    }
}
