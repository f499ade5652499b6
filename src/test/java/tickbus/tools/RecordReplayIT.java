package tickbus.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.paritytrading.nassau.binaryfile.BinaryFILEReader;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tickbus.MainAccess;
import tickbus.sim.itch.ItchOrderFlow;
import tickbus.sim.itch.ItchSimServer;
import tickbus.sim.itch.ItchSimSettings;
import tickbus.testing.Await;
import tickbus.testing.JunctureReference;

/**
 * {@code tickbus record} against the simulator, gzipped, until End of Session: nassau reads back every message of
 * the session, juncture's reference book accepts the whole flow, and {@code tickbus replay} of the recording
 * reports the same messages and the same trades with no problem. A message limit ends a recording with a logout.
 */
class RecordReplayIT {

    private final Vertx vertx = Vertx.vertx();
    private final StringWriter out = new StringWriter();

    @AfterEach
    void close() {
        Await.result(vertx.close());
    }

    @Test
    void aRecordedSessionReplaysWithTheSameCounts(@TempDir Path directory) throws Exception {
        ItchSimServer sim = startSim(new JsonObject().put("messagesPerSecond", 0).put("totalMessages", 40_000));
        Path recording = directory.resolve("session.bin.gz");

        assertEquals(0, run("record", "--port", Integer.toString(sim.port()), "--out", recording.toString(),
                "--gzip"));

        long sessionMessages = sim.nextSequence() - 1;
        assertEquals("recorded file=" + recording + " messages=" + sessionMessages + " session=SIM1 firstSequence=1"
                + " lastSequence=" + sessionMessages + " end=end of session: session='SIM1', nextSequenceNumber="
                + (sessionMessages + 1), out.toString().strip());
        Path plain = directory.resolve("session.bin");
        try (InputStream gzip = new GZIPInputStream(Files.newInputStream(recording))) {
            Files.copy(gzip, plain);
        }
        long[] nassauMessages = {0};
        try (BinaryFILEReader reader = BinaryFILEReader.open(plain.toFile(), buffer -> nassauMessages[0]++)) {
            while (reader.read() >= 0) {
                continue;
            }
        }
        assertEquals(sessionMessages, nassauMessages[0]);
        JunctureReference reference = JunctureReference.read(plain, "any");

        out.getBuffer().setLength(0);
        assertEquals(0, run("replay", recording.toString()));
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.get(1).startsWith("messages=" + sessionMessages + " "), lines.get(1));
        assertTrue(lines.get(2).contains(" regular=" + reference.trades.size() + " "), lines.get(2));
        assertEquals("instruments=20", lines.get(3));
        assertEquals("problems=0", lines.get(4));
    }

    @Test
    void aMessageLimitEndsTheRecordingWithALogout(@TempDir Path directory) throws Exception {
        ItchSimServer sim = startSim(new JsonObject().put("messagesPerSecond", 0).put("totalMessages", 5_000));
        Path recording = directory.resolve("first-1000.bin");

        assertEquals(0, run("record", "--port", Integer.toString(sim.port()), "--out", recording.toString(),
                "--messages", "1000"));

        assertTrue(out.toString().contains(" messages=1000 ") && out.toString().contains("end=message limit reached"),
                out.toString());
        try (BinaryFileInput input = BinaryFileInput.open(recording)) {
            byte[] message = new byte[65_535];
            while (input.next(message) >= 0) {
                continue;
            }
            assertEquals(1_000, input.messages());
        }
    }

    @Test
    void aRefusedLoginOrAnAbsentServerExitsOneWithTheReason(@TempDir Path directory) throws Exception {
        ItchSimServer sim = startSim(new JsonObject().put("messagesPerSecond", 0).put("totalMessages", 10)
                .put("username", "alice").put("password", "pw"));
        StringWriter err = new StringWriter();
        CommandLine commandLine = MainAccess.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        assertEquals(1, commandLine.execute("record", "--port", Integer.toString(sim.port()), "--username", "bob",
                "--out", directory.resolve("refused.bin").toString()));
        assertEquals("tickbus: record failed: login rejected: not authorized (code='A' (0x41))", err.toString().strip());

        int port = sim.port();
        Await.result(sim.close());
        err.getBuffer().setLength(0);
        assertEquals(1, commandLine.execute("record", "--port", Integer.toString(port), "--out",
                directory.resolve("absent.bin").toString()));
        assertTrue(err.toString().startsWith("tickbus: record failed: host=127.0.0.1, port=" + port + ", out="),
                err.toString());
    }

    private ItchSimServer startSim(JsonObject overrides) {
        JsonObject json = new JsonObject().put("port", 0).put("instrumentCount", 20).mergeIn(overrides);
        ItchSimSettings settings = ItchSimSettings.fromJson(json, "sim");
        return Await.result(ItchSimServer.start(vertx, settings, new ItchOrderFlow(settings.symbols(), 5, 10_000, 500),
                InstantSource.system()));
    }

    private int run(String... args) {
        CommandLine commandLine = MainAccess.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        return commandLine.execute(args);
    }
}
