package tickbus.sim.redis;

import io.vertx.core.json.JsonObject;
import java.util.List;
import tickbus.config.ConfigReader;

/**
 * The {@code redis-sim} verticle's configuration slice.
 *
 * @param stream XADD to streams ({@code "mode": "stream"}) rather than PUBLISH ({@code "pubsub"})
 * @param cryptofeed cryptofeed's ticker and trade shapes ({@code "payload": "cryptofeed"}) rather than tickbus's
 * @param quoteChannel channel or stream key template of quotes, with {@code {symbol}} and optionally {@code {venue}}
 * @param tickMillis how often a batch of {@code messagesPerSecond * tickMillis / 1000} commands is sent
 * @param retryMillis after a failed batch (Redis down), how long to wait before trying again
 */
public record RedisSimSettings(String connectionString, boolean stream, boolean cryptofeed, String venue,
        List<String> symbols, long messagesPerSecond, String quoteChannel, String tradeChannel,
        long streamMaxLength, String streamPayloadField, long tickMillis, long retryMillis, long seed) {

    public static RedisSimSettings fromJson(JsonObject json, String path) {
        ConfigReader reader = new ConfigReader(json, path);
        String mode = reader.string("mode", "pubsub");
        if (!mode.equals("pubsub") && !mode.equals("stream")) {
            throw reader.error("mode", "value=\"" + mode + "\"; expected pubsub or stream");
        }
        String payload = reader.string("payload", "tickbus");
        if (!payload.equals("tickbus") && !payload.equals("cryptofeed")) {
            throw reader.error("payload", "value=\"" + payload + "\"; expected tickbus or cryptofeed");
        }
        boolean cryptofeed = payload.equals("cryptofeed");
        RedisSimSettings settings = new RedisSimSettings(
                reader.string("connectionString", "redis://127.0.0.1:6379"),
                mode.equals("stream"), cryptofeed,
                reader.string("venue", "XRDS"),
                reader.strings("symbols"),
                reader.longValue("messagesPerSecond", 1_000, 1, 10_000_000),
                template(reader, "quoteChannel", cryptofeed ? "ticker-{venue}-{symbol}" : "md:{symbol}:quotes"),
                template(reader, "tradeChannel", cryptofeed ? "trades-{venue}-{symbol}" : "md:{symbol}:trades"),
                reader.longValue("streamMaxLength", 100_000, 1, 1_000_000_000),
                reader.string("streamPayloadField", "data"),
                reader.longValue("tickMillis", 10, 1, 10_000),
                reader.longValue("retryMillis", 1_000, 1, 600_000),
                reader.longValue("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE));
        if (settings.symbols().isEmpty()) {
            throw reader.error("symbols", "missing or empty; expected an array of symbols such as [\"BTC-USD\"]");
        }
        reader.rejectUnknownKeys();
        return settings;
    }

    private static String template(ConfigReader reader, String key, String defaultValue) {
        String template = reader.string(key, defaultValue);
        if (!template.contains("{symbol}")) {
            throw reader.error(key, "value=\"" + template + "\"; expected a template containing {symbol}");
        }
        return template;
    }
}
