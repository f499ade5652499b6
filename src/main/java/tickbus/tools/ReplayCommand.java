package tickbus.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tickbus replay FILE [--speed max|1x] [--trading-date DATE] [--source ID] [--top N]}. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Run a recorded ITCH BinaryFILE (plain or gzipped) through the soupbintcp feed's decoder and "
                + "normalizer, and print what it produced.")
public final class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "The BinaryFILE, e.g. from tickbus record.")
    Path file;

    @Option(names = "--speed", defaultValue = "max", description = "max (as fast as possible) or 1x (as far apart "
            + "as the ITCH timestamps).")
    String speed;

    @Option(names = "--trading-date", description = "The day the ITCH timestamps count from (default: today in "
            + "New York).")
    LocalDate tradingDate;

    @Option(names = "--source", defaultValue = "replay", description = "The source id put in the events.")
    String source;

    @Option(names = "--top", defaultValue = "20", description = "Print the last quote of this many instruments.")
    int top;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ItchReplay.Speed pace = switch (speed) {
            case "max" -> ItchReplay.Speed.MAX;
            case "1x" -> ItchReplay.Speed.REAL_TIME;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--speed: value=\"" + speed + "\"; expected max or 1x");
        };
        long start = System.nanoTime();
        ReplayCounts counts;
        try {
            counts = new ItchReplay(file, source, tradingDate, pace).run();
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println("tickbus: replay failed: file=" + file + ", error=" + e);
            return 1;
        }
        long elapsedNanos = Math.max(1, System.nanoTime() - start);
        PrintWriter out = spec.commandLine().getOut();
        out.println("replay file=" + file + " speed=" + speed);
        out.print(counts.report(top));
        out.printf("elapsedMillis=%d messagesPerSecond=%d%n", elapsedNanos / 1_000_000,
                counts.messages() * 1_000_000_000L / elapsedNanos);
        out.flush();
        if (counts.readError() != null) {
            spec.commandLine().getErr().println("tickbus: replay stopped before the end of the file, after "
                    + counts.messages() + " messages (counted above): " + counts.readError());
            return 1;
        }
        return 0;
    }
}
