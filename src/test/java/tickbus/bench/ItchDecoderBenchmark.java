package tickbus.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import tickbus.protocol.itch.Itch50Decoder;

/**
 * ITCH 5.0 decoding alone: one pass over a generated stream of {@value #MESSAGES} messages in a realistic mix
 * (adds and deletes dominate), each decoded into its flyweight and its key fields read by a listener, the way the
 * order books read them. Reported per message.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ItchDecoderBenchmark {

    static final int MESSAGES = 100_000;

    private ItchStreams stream;
    private FieldReadingListener listener;
    private Itch50Decoder decoder;

    @Setup
    public void setUp() {
        stream = ItchStreams.replayable(1, 100, MESSAGES);
        listener = new FieldReadingListener();
        decoder = new Itch50Decoder(listener);
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void decode(Blackhole blackhole, CpuTime cpu) {
        long start = CpuTime.now();
        byte[] bytes = stream.bytes;
        int[] offsets = stream.offsets;
        int[] lengths = stream.lengths;
        for (int i = 0; i < MESSAGES; i++) {
            decoder.decode(bytes, offsets[i], lengths[i]);
        }
        blackhole.consume(listener.checksum);
        cpu.add(MESSAGES, start);
    }
}
