package tickbus.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import tickbus.event.Quote;
import tickbus.event.Side;
import tickbus.event.Trade;
import tickbus.event.TradeType;
import tickbus.protocol.redisjson.PayloadFormat;
import tickbus.protocol.redisjson.RedisJsonEncoder;

/** Benchmark payloads, 128 per shape: tickbus quotes and trades over 100 symbols, the real cryptofeed lines. */
final class RedisJsonPayloads {

    static final int COUNT = 128;
    static final int SCALE = 8;

    final byte[][] tickbusQuotes = new byte[COUNT][];
    final byte[][] tickbusTrades = new byte[COUNT][];
    final byte[][] cryptofeedTrades;
    final byte[][] cryptofeedTickers;

    RedisJsonPayloads() throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        RedisJsonEncoder encoder = new RedisJsonEncoder(SCALE);
        for (int i = 0; i < COUNT; i++) {
            String instrument = "COINBASE:SYM" + (i % 100) + "-USD";
            long nanos = 1_618_677_817_000_000_000L + i * 1_234_567L;
            long bid = 100_000_000L * (10 + random.nextInt(60_000)) + random.nextInt(100) * 1_000_000L;
            tickbusQuotes[i] = encoder.encode(PayloadFormat.TICKBUS, new Quote(instrument, "COINBASE", "sim", 1_000 + i,
                    nanos, 0, SCALE, 8, bid, 1_000_000L * random.nextInt(1, 5_000), bid + 1_000_000L,
                    1_000_000L * random.nextInt(1, 5_000)));
            tickbusTrades[i] = encoder.encode(PayloadFormat.TICKBUS, new Trade(instrument, "COINBASE", "sim", 2_000 + i,
                    nanos, 0, SCALE, 8, bid, 100_000L * random.nextInt(1, 100_000),
                    random.nextBoolean() ? Side.BUY : Side.SELL, String.valueOf(280_000 + i), TradeType.REGULAR));
        }
        cryptofeedTrades = lines("cryptofeed_trades_COINBASE.jsonl");
        cryptofeedTickers = lines("cryptofeed_tickers_COINBASE.jsonl");
    }

    byte[][] of(PayloadFormat format, boolean quotes) {
        return switch (format) {
            case TICKBUS -> quotes ? tickbusQuotes : tickbusTrades;
            case CRYPTOFEED_TRADE -> cryptofeedTrades;
            case CRYPTOFEED_TICKER -> cryptofeedTickers;
        };
    }

    private static byte[][] lines(String file) throws IOException {
        Path besideProject = Path.of("..", "shared", "data", "json", file);
        Path path = Files.exists(besideProject) ? besideProject : Path.of("/work/shared/data/json", file);
        List<String> lines = Files.readAllLines(path);
        byte[][] payloads = new byte[COUNT][];
        for (int i = 0; i < COUNT; i++) {
            payloads[i] = lines.get(i % lines.size()).getBytes(StandardCharsets.UTF_8);
        }
        return payloads;
    }
}
