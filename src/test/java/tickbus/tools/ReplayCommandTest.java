package tickbus.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tickbus.event.BookLevel;
import tickbus.event.Prices;
import tickbus.sim.itch.ItchOrderFlow;
import tickbus.testing.JunctureReference;
import tickbus.testing.SharedData;

/**
 * {@code tickbus replay} over the real NASDAQ sample (10,000 AAPL messages of 30 Jan 2020): every message decoded,
 * no problem, the file's 1,089 executions and trades, and the final best bid and offer of juncture's reference
 * book. And at 1x, messages are released as far apart as their timestamps.
 */
class ReplayCommandTest {

    private static final String FILE = "itch/runk-itch_locate-13-10k_01302020_AAPL.bin";

    private final StringWriter out = new StringWriter();

    @Test
    void theRealSampleReplaysWithTheFilesCounts() throws Exception {
        Path file = SharedData.path(FILE);
        JunctureReference reference = JunctureReference.read(file, "XNAS:AAPL");

        assertEquals(0, run("replay", file.toString(), "--trading-date", "2020-01-30"));

        List<String> lines = out.toString().lines().toList();
        assertEquals("replay file=" + file + " speed=max", lines.get(0));
        assertEquals("messages=10000 types=A:4758,D:4083,E:849,F:2,H:1,L:52,P:240,R:1,U:7,X:6,Y:1", lines.get(1));
        assertTrue(lines.get(2).contains(" trades=1089 regular=1089 "), lines.get(2));
        assertEquals(1_089, reference.trades.size());
        assertEquals("instruments=1", lines.get(3));
        assertEquals("problems=0", lines.get(4));
        assertEquals("bbo XNAS:AAPL bid=" + level(reference.book.bids(13)) + " ask=" + level(reference.book.asks(13)),
                lines.get(5));
        assertTrue(lines.get(6).startsWith("elapsedMillis="), lines.get(6));
    }

    @Test
    void atOneTimesSpeedMessagesAreAsFarApartAsTheirTimestamps(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("paced.bin");
        ItchOrderFlow flow = new ItchOrderFlow(List.of("AAA", "BBB"), 1, 0, 1);
        byte[] message = new byte[64];
        try (BinaryFileOutput output = BinaryFileOutput.create(file, false)) {
            for (int i = 0; i < 100; i++) {
                output.write(message, 0, flow.next(message, 36_000_000_000_000L + i * 3_000_000L));
            }
        }

        assertEquals(0, run("replay", file.toString(), "--speed", "1x"));

        String elapsed = out.toString().lines().filter(line -> line.startsWith("elapsedMillis=")).findFirst()
                .orElseThrow();
        long millis = Long.parseLong(elapsed.substring("elapsedMillis=".length(), elapsed.indexOf(' ')));
        assertTrue(millis >= 297, "99 gaps of 3 ms took " + millis + " ms");
        assertTrue(out.toString().contains("messages=100 "), out.toString());
    }

    @Test
    void anUnknownSpeedIsACommandLineError() {
        CommandLine commandLine = tickbus.MainAccess.commandLine();
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));
        assertEquals(2, commandLine.execute("replay", "x.bin", "--speed", "2x"));
        assertTrue(err.toString().contains("--speed: value=\"2x\"; expected max or 1x"), err.toString());
    }

    @Test
    void aMissingFileIsOneLineAndExitOne(@TempDir Path directory) {
        CommandLine commandLine = tickbus.MainAccess.commandLine();
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));
        Path missing = directory.resolve("missing.bin");
        assertEquals(1, commandLine.execute("replay", missing.toString()));
        assertEquals("tickbus: replay failed: file=" + missing + ", error=java.nio.file.NoSuchFileException: "
                + missing, err.toString().strip());
    }

    @Test
    void aRecordingCutShortReplaysEveryWholeMessageThenSaysWhereItBrokeOff(@TempDir Path directory) throws Exception {
        Path whole = SharedData.path(FILE);
        Path cut = directory.resolve("cut.bin");
        java.nio.file.Files.write(cut, java.util.Arrays.copyOf(java.nio.file.Files.readAllBytes(whole), 200_000));
        CommandLine commandLine = tickbus.MainAccess.commandLine();
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(out, true));

        assertEquals(1, commandLine.execute("replay", cut.toString(), "--trading-date", "2020-01-30"));

        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.get(1).startsWith("messages=6529 "), lines.get(1));
        assertEquals("problems=0", lines.get(4));
        assertEquals("tickbus: replay stopped before the end of the file, after 6529 messages (counted above): "
                + "BinaryFILE frame cut short by the end of the file: file=" + cut + ", frameOffset=199975, needed=36",
                err.toString().strip());
    }

    private static String level(List<BookLevel> levels) {
        BookLevel best = levels.get(0);
        return Prices.format(best.price(), 4) + "x" + best.size();
    }

    private int run(String... args) {
        CommandLine commandLine = tickbus.MainAccess.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        return commandLine.execute(args);
    }
}
