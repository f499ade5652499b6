package tickbus.sim.itch;

import io.vertx.core.json.JsonObject;
import java.util.List;
import tickbus.config.ConfigReader;
import tickbus.protocol.soupbintcp.SoupBinTcp;

/**
 * The {@code itch-sim} verticle's configuration slice; every key is read here.
 *
 * @param username the only username accepted (with {@code password}); blank accepts anyone
 * @param symbols the generated instruments, from {@code symbols} or {@code instrumentCount} (SYM1..SYMn)
 * @param messagesPerSecond the pace of the generated (or file) messages; 0 prepares all of them at start
 *     ({@code totalMessages}, or the whole file) and sends them as fast as the client reads
 * @param pacingTickMicros how often paced messages are generated and sent, all that are due at once: 1000 (a
 *     millisecond timer) sends bursts of {@code messagesPerSecond / 1000}; below 1000 a pacing thread wakes the
 *     simulator that often (the kernel's timer slack adds ~50 us to each sleep)
 * @param totalMessages generated messages after which the source is done; 0 for no limit (paced only)
 * @param file a BinaryFILE (plain or gzipped) to serve instead of generated flow; null to generate
 * @param endOfSessionWhenDone send End of Session once the source is done
 */
public record ItchSimSettings(String host, int port, String username, String password, String session,
        List<String> symbols, long messagesPerSecond, long totalMessages, String file, long seed,
        long haltEveryMessages, long haltLengthMessages, long heartbeatMillis, long clientTimeoutMillis,
        long retainedMessages, boolean endOfSessionWhenDone, long pacingTickMicros) {

    public static ItchSimSettings fromJson(JsonObject json, String path) {
        ConfigReader reader = new ConfigReader(json, path);
        List<String> symbols = reader.strings("symbols");
        int instrumentCount = reader.intValue("instrumentCount", 0, 1, 65_000);
        if (symbols.isEmpty()) {
            symbols = ItchOrderFlow.numberedSymbols("SYM", instrumentCount == 0 ? 8 : instrumentCount);
        } else if (instrumentCount != 0) {
            throw reader.error("instrumentCount", "value=" + instrumentCount + "; give either symbols or "
                    + "instrumentCount, not both");
        }
        for (int i = 0; i < symbols.size(); i++) {
            if (!symbols.get(i).matches("[A-Z0-9.]{1,8}")) {
                throw reader.error("symbols", "value[" + i + "]=\"" + symbols.get(i)
                        + "\"; expected 1 to 8 of [A-Z0-9.]");
            }
        }
        ItchSimSettings settings = new ItchSimSettings(reader.string("host", "127.0.0.1"),
                reader.intValue("port", 0, 0, 65_535),
                reader.string("username", ""), reader.string("password", ""), reader.string("session", "SIM1"),
                symbols,
                reader.longValue("messagesPerSecond", 1_000, 0, 50_000_000),
                reader.longValue("totalMessages", 0, 0, 1_000_000_000),
                reader.has("file") ? reader.string("file") : null,
                reader.longValue("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE),
                reader.longValue("haltEveryMessages", 50_000, 0, Long.MAX_VALUE),
                reader.longValue("haltLengthMessages", 2_000, 1, Long.MAX_VALUE),
                reader.longValue("heartbeatMillis", 1_000, 10, 60_000),
                reader.longValue("clientTimeoutMillis", 15_000, 100, 3_600_000),
                reader.longValue("retainedMessages", 1_000_000, 1, 100_000_000),
                reader.bool("endOfSessionWhenDone", true),
                pacingTickMicros(reader));
        checkWidth(reader, "username", settings.username(), SoupBinTcp.USERNAME_LENGTH);
        checkWidth(reader, "password", settings.password(), SoupBinTcp.PASSWORD_LENGTH);
        checkWidth(reader, "session", settings.session(), SoupBinTcp.SESSION_LENGTH);
        if (settings.messagesPerSecond() == 0 && settings.totalMessages() == 0 && settings.file() == null) {
            throw reader.error("totalMessages", "value=0; with messagesPerSecond=0 the messages are prepared at "
                    + "start, so give totalMessages (or a file)");
        }
        reader.rejectUnknownKeys();
        return settings;
    }

    private static long pacingTickMicros(ConfigReader reader) {
        long micros = reader.longValue("pacingTickMicros", 1_000, 10, 60_000_000);
        if (micros > 1_000 && micros % 1_000 != 0) {
            throw reader.error("pacingTickMicros", "value=" + micros + "; expected up to 1000, or whole milliseconds "
                    + "above (the event loop's timers count milliseconds)");
        }
        return micros;
    }

    private static void checkWidth(ConfigReader reader, String key, String value, int width) {
        if (value.length() > width || !value.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
            throw reader.error(key, "value=\"" + value + "\"; expected up to " + width
                    + " printable ASCII characters without spaces");
        }
    }
}
