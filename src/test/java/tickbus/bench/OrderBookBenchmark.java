package tickbus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import tickbus.normalize.itch.Itch50Normalizer;
import tickbus.normalize.itch.Itch50OrderBooks;
import tickbus.protocol.itch.BinaryFile;
import tickbus.testing.ItchFlowGenerator;
import tickbus.testing.SharedData;

/**
 * Order books under a generated, realistic order flow (add, add with MPID, execute, execute with price, cancel,
 * delete, replace, hidden trades) over 100 instruments, replayed in a loop (the stream ends by deleting every live
 * order, so each pass starts from empty books). Reported per message.
 *
 * <ul>
 *   <li>{@code books}: the book operations alone, pre-decoded, applied to {@link Itch50OrderBooks}.
 *   <li>{@code normalizer}: {@link Itch50Normalizer#onMessage} on the raw messages (decode, books, events) with
 *       {@code wantedInstruments} of the 100 instruments wanted: 0 is the firehose case (books only).
 *   <li>{@code realAapl}: the same on the real NASDAQ sample (10,000 AAPL messages), replayed in a loop with a
 *       reset between passes, nothing wanted.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OrderBookBenchmark {

    static final int BATCH = 100_000;
    static final int INSTRUMENTS = 100;
    static final int STREAM_MESSAGES = 1_000_000;
    static final int REAL_MESSAGES = 10_000;

    /** The book operations alone. */
    @State(Scope.Thread)
    public static class Books {
        BookOperations operations;
        Itch50OrderBooks books;
        int cursor;

        @Setup
        public void setUp() {
            operations = BookOperations.of(ItchStreams.replayable(2, INSTRUMENTS, STREAM_MESSAGES));
            books = new Itch50OrderBooks(1 << 16);
        }
    }

    /** Decode, books and events. */
    @State(Scope.Thread)
    public static class Normalizer {
        @Param({"0", "10"})
        public int wantedInstruments;

        ItchStreams stream;
        Itch50Normalizer normalizer;
        long events;
        int cursor;

        @Setup
        public void setUp() {
            stream = ItchStreams.replayable(2, INSTRUMENTS, STREAM_MESSAGES);
            Set<String> wanted = new HashSet<>();
            for (int locate = 1; locate <= wantedInstruments; locate++) {
                wanted.add("XNAS:" + ItchFlowGenerator.symbol(locate));
            }
            normalizer = new Itch50Normalizer("bench", LocalDate.of(2020, 1, 30), wanted::contains,
                    event -> events++, 1 << 16);
        }
    }

    /** The real AAPL sample, framed. */
    @State(Scope.Thread)
    public static class RealAapl {
        byte[] file;
        int[] offsets;
        int[] lengths;
        Itch50Normalizer normalizer;

        @Setup
        public void setUp() throws IOException {
            file = Files.readAllBytes(SharedData.path("itch/runk-itch_locate-13-10k_01302020_AAPL.bin"));
            List<int[]> frames = new ArrayList<>();
            BinaryFile.forEachMessage(file, 0, file.length, (buffer, offset, length) ->
                    frames.add(new int[] {offset, length}));
            offsets = frames.stream().mapToInt(frame -> frame[0]).toArray();
            lengths = frames.stream().mapToInt(frame -> frame[1]).toArray();
            normalizer = new Itch50Normalizer("bench", LocalDate.of(2020, 1, 30), instrument -> false, event -> {
            }, 1 << 12);
        }
    }

    @Benchmark
    @OperationsPerInvocation(REAL_MESSAGES)
    public void realAapl(RealAapl state, Blackhole blackhole, CpuTime cpu) {
        long start = CpuTime.now();
        state.normalizer.reset(0, 0, "next pass");
        for (int i = 0; i < REAL_MESSAGES; i++) {
            state.normalizer.onMessage(i, 0, state.file, state.offsets[i], state.lengths[i]);
        }
        blackhole.consume(state.normalizer.books().liveOrders());
        cpu.add(REAL_MESSAGES, start);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void books(Books state, Blackhole blackhole, CpuTime cpu) {
        long start = CpuTime.now();
        state.cursor = state.operations.apply(state.books, state.cursor, BATCH);
        blackhole.consume(state.books.liveOrders());
        cpu.add(BATCH, start);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void normalizer(Normalizer state, Blackhole blackhole, CpuTime cpu) {
        long start = CpuTime.now();
        ItchStreams stream = state.stream;
        int count = stream.count();
        int cursor = state.cursor;
        for (int i = 0; i < BATCH; i++) {
            state.normalizer.onMessage(cursor, 0, stream.bytes, stream.offsets[cursor], stream.lengths[cursor]);
            cursor = cursor + 1 == count ? 0 : cursor + 1;
        }
        state.cursor = cursor;
        blackhole.consume(state.events);
        cpu.add(BATCH, start);
    }
}
