package tickbus.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import tickbus.normalize.redisjson.RedisJsonIngest;
import tickbus.normalize.redisjson.RedisJsonNormalizer;
import tickbus.protocol.redisjson.DeadLetterLog;
import tickbus.protocol.redisjson.PayloadFormat;
import tickbus.protocol.redisjson.RedisJsonLimits;

/**
 * Decode + normalize of one Redis JSON payload into a Quote or Trade, single thread, cycling through 128
 * payloads per shape, so symbol and instrument-id lookups are included. {@code jacksonTokensOnly} is the
 * floor: plain Jackson creating a parser and reading every token of a cryptofeed trade, nothing else.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RedisJsonBenchmark {

    private static final long RECEIVED_NANOS = 1_618_677_818_000_000_000L;

    private final JsonFactory plainJackson = new JsonFactory();
    private RedisJsonPayloads payloads;
    private RedisJsonIngest ingest;
    private int next;

    @Setup
    public void setUp(Blackhole blackhole) throws IOException {
        payloads = new RedisJsonPayloads();
        ingest = ingest(blackhole::consume);
    }

    /** The stage under test, emitting into {@code sink}. */
    static RedisJsonIngest ingest(tickbus.event.EventSink sink) {
        RedisJsonNormalizer normalizer = new RedisJsonNormalizer("redis-bench", "COINBASE", false,
                RedisJsonNormalizer.SequenceCheck.ADMIT_ALL, sink);
        return new RedisJsonIngest(RedisJsonLimits.DEFAULTS, RedisJsonPayloads.SCALE, RedisJsonPayloads.SCALE,
                normalizer, new DeadLetterLog(16, 1 << 16, 256));
    }

    @Benchmark
    public void tickbusQuote() {
        accept(PayloadFormat.TICKBUS, payloads.tickbusQuotes);
    }

    @Benchmark
    public void tickbusTrade() {
        accept(PayloadFormat.TICKBUS, payloads.tickbusTrades);
    }

    @Benchmark
    public void cryptofeedTrade() {
        accept(PayloadFormat.CRYPTOFEED_TRADE, payloads.cryptofeedTrades);
    }

    @Benchmark
    public void cryptofeedTicker() {
        accept(PayloadFormat.CRYPTOFEED_TICKER, payloads.cryptofeedTickers);
    }

    @Benchmark
    public int jacksonTokensOnly() throws IOException {
        return jacksonTokens(plainJackson, payloads.cryptofeedTrades[next++ & (RedisJsonPayloads.COUNT - 1)]);
    }

    static int jacksonTokens(JsonFactory factory, byte[] payload) throws IOException {
        int tokens = 0;
        try (JsonParser parser = factory.createParser(payload, 0, payload.length)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                tokens += token.isScalarValue() ? parser.getTextLength() : 1;
            }
        }
        return tokens;
    }

    private void accept(PayloadFormat format, byte[][] shape) {
        byte[] payload = shape[next++ & (RedisJsonPayloads.COUNT - 1)];
        ingest.accept("bench", format, payload, 0, payload.length, RECEIVED_NANOS);
    }
}
