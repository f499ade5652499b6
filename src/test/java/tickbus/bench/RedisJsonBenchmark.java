package tickbus.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import tickbus.event.Quote;
import tickbus.event.Side;
import tickbus.event.Trade;
import tickbus.event.TradeType;
import tickbus.normalize.redisjson.RedisJsonIngest;
import tickbus.normalize.redisjson.RedisJsonNormalizer;
import tickbus.protocol.redisjson.DeadLetterLog;
import tickbus.protocol.redisjson.PayloadFormat;
import tickbus.protocol.redisjson.RedisJsonEncoder;
import tickbus.protocol.redisjson.RedisJsonLimits;

/**
 * Decode + normalize of one Redis JSON payload into a Quote or Trade, single thread, cycling through 128
 * payloads: tickbus-schema quotes and trades over 100 symbols, and the real cryptofeed sample lines.
 * {@code jacksonTokensOnly} is the floor: Jackson creating a parser and reading every token of a cryptofeed
 * trade, nothing else.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RedisJsonBenchmark {

    private static final int PAYLOADS = 128;
    private static final int SCALE = 8;

    private byte[][] tickbusQuotes;
    private byte[][] tickbusTrades;
    private byte[][] cryptofeedTrades;
    private byte[][] cryptofeedTickers;
    private RedisJsonIngest ingest;
    private final JsonFactory plainJackson = new JsonFactory();
    private int next;

    @Setup
    public void setUp(Blackhole blackhole) throws IOException {
        RedisJsonNormalizer normalizer = new RedisJsonNormalizer("redis-bench", "COINBASE", false,
                RedisJsonNormalizer.SequenceCheck.ADMIT_ALL, blackhole::consume);
        ingest = new RedisJsonIngest(RedisJsonLimits.DEFAULTS, SCALE, SCALE, normalizer, new DeadLetterLog(16, 1 << 16, 256));
        SplittableRandom random = new SplittableRandom(42);
        RedisJsonEncoder encoder = new RedisJsonEncoder(SCALE);
        tickbusQuotes = new byte[PAYLOADS][];
        tickbusTrades = new byte[PAYLOADS][];
        for (int i = 0; i < PAYLOADS; i++) {
            String instrument = "COINBASE:SYM" + (i % 100) + "-USD";
            long nanos = 1_618_677_817_000_000_000L + i * 1_234_567L;
            long bid = 100_000_000L * (10 + random.nextInt(60_000)) + random.nextInt(100) * 1_000_000L;
            tickbusQuotes[i] = encoder.encode(PayloadFormat.TICKBUS, new Quote(instrument, "COINBASE", "sim", 1_000 + i,
                    nanos, 0, SCALE, bid, 1_000_000L * random.nextInt(1, 5_000), bid + 1_000_000L,
                    1_000_000L * random.nextInt(1, 5_000)));
            tickbusTrades[i] = encoder.encode(PayloadFormat.TICKBUS, new Trade(instrument, "COINBASE", "sim", 2_000 + i,
                    nanos, 0, SCALE, bid, 100_000L * random.nextInt(1, 100_000), random.nextBoolean() ? Side.BUY : Side.SELL,
                    String.valueOf(280_000 + i), TradeType.REGULAR));
        }
        cryptofeedTrades = lines("cryptofeed_trades_COINBASE.jsonl");
        cryptofeedTickers = lines("cryptofeed_tickers_COINBASE.jsonl");
    }

    @Benchmark
    public void tickbusQuote() {
        accept(PayloadFormat.TICKBUS, tickbusQuotes);
    }

    @Benchmark
    public void tickbusTrade() {
        accept(PayloadFormat.TICKBUS, tickbusTrades);
    }

    @Benchmark
    public void cryptofeedTrade() {
        accept(PayloadFormat.CRYPTOFEED_TRADE, cryptofeedTrades);
    }

    @Benchmark
    public void cryptofeedTicker() {
        accept(PayloadFormat.CRYPTOFEED_TICKER, cryptofeedTickers);
    }

    @Benchmark
    public int jacksonTokensOnly() throws IOException {
        byte[] payload = cryptofeedTrades[next++ & (PAYLOADS - 1)];
        int tokens = 0;
        try (JsonParser parser = plainJackson.createParser(payload, 0, payload.length)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                tokens += token.isScalarValue() ? parser.getTextLength() : 1;
            }
        }
        return tokens;
    }

    private void accept(PayloadFormat format, byte[][] payloads) {
        byte[] payload = payloads[next++ & (PAYLOADS - 1)];
        ingest.accept("bench", format, payload, 0, payload.length, 1_618_677_818_000_000_000L);
    }

    private static byte[][] lines(String file) throws IOException {
        Path besideProject = Path.of("..", "shared", "data", "json", file);
        Path path = Files.exists(besideProject) ? besideProject : Path.of("/work/shared/data/json", file);
        List<String> lines = Files.readAllLines(path);
        byte[][] payloads = new byte[PAYLOADS][];
        for (int i = 0; i < PAYLOADS; i++) {
            payloads[i] = lines.get(i % lines.size()).getBytes(StandardCharsets.UTF_8);
        }
        return payloads;
    }
}
