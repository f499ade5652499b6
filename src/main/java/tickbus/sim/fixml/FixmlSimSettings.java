package tickbus.sim.fixml;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import tickbus.config.ConfigReader;
import tickbus.event.Prices;

/**
 * The {@code fixml-sim} verticle's configuration slice.
 *
 * @param port 0 picks a free port
 * @param instrumentCount how many instruments the simulated market has, named {@code symbolPrefix} + 001, 002, ...
 * @param updatesPerSecond incremental updates generated per second (0: only on request, e.g. by tests)
 * @param windowSize how many of the latest updates the server holds for replay
 * @param maxBatchEntries most updates in one poll's answer
 * @param maxWaitMillis the longest hold the server grants a poll's {@code waitMillis}
 * @param cmeFile a CME FIXML settlement file ({@code .gz} or plain) served instead of generated updates, or null
 */
public record FixmlSimSettings(String host, int port, int instrumentCount, String symbolPrefix, long updatesPerSecond,
        int windowSize, int maxBatchEntries, long maxWaitMillis, int priceScale, long seed, String cmeFile) {

    public static final int DEFAULT_PORT = 8089;

    /** The same settings on another port. */
    public FixmlSimSettings withPort(int newPort) {
        return new FixmlSimSettings(host, newPort, instrumentCount, symbolPrefix, updatesPerSecond, windowSize,
                maxBatchEntries, maxWaitMillis, priceScale, seed, cmeFile);
    }

    public static FixmlSimSettings fromJson(JsonObject json, String path) {
        ConfigReader reader = new ConfigReader(json, path);
        FixmlSimSettings settings = new FixmlSimSettings(reader.string("host", "127.0.0.1"),
                reader.intValue("port", DEFAULT_PORT, 0, 65_535),
                reader.intValue("instrumentCount", 10, 1, 100_000),
                reader.string("symbolPrefix", "SIM"),
                reader.longValue("updatesPerSecond", 1_000, 0, 10_000_000),
                reader.intValue("windowSize", 100_000, 1, 50_000_000),
                reader.intValue("maxBatchEntries", 1_000, 1, 100_000),
                reader.longValue("maxWaitMillis", 30_000, 0, 600_000),
                reader.intValue("priceScale", 8, 2, Prices.MAX_SCALE),
                reader.longValue("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE),
                reader.has("cmeFile") ? reader.string("cmeFile") : null);
        if (!settings.symbolPrefix().matches("[A-Za-z0-9_.-]{1,32}")) {
            throw reader.error("symbolPrefix", "value=\"" + settings.symbolPrefix()
                    + "\"; expected 1 to 32 of [A-Za-z0-9_.-]");
        }
        reader.rejectUnknownKeys();
        return settings;
    }

    /** Defaults for tests: a free port, {@code instrumentCount} instruments, nothing generated unless asked. */
    public static FixmlSimSettings forTests(int instrumentCount, int windowSize, int maxBatchEntries) {
        return new FixmlSimSettings("127.0.0.1", 0, instrumentCount, "SIM", 0, windowSize, maxBatchEntries, 30_000, 8,
                7, null);
    }

    /** The same settings serving a CME file. */
    public FixmlSimSettings withCmeFile(String file) {
        return new FixmlSimSettings(host, port, instrumentCount, symbolPrefix, 0, windowSize, maxBatchEntries,
                maxWaitMillis, priceScale, seed, file);
    }

    /** The simulated market's symbols: prefix + a three-digit (or longer) number from 001. */
    public List<String> symbols() {
        List<String> symbols = new ArrayList<>(instrumentCount);
        for (int i = 1; i <= instrumentCount; i++) {
            symbols.add(symbolPrefix + String.format("%03d", i));
        }
        return symbols;
    }
}
