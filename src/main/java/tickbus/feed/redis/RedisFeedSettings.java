package tickbus.feed.redis;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import tickbus.config.ConfigException;
import tickbus.config.ConfigReader;
import tickbus.protocol.redisjson.PayloadFormat;
import tickbus.protocol.redisjson.RedisJsonLimits;

/**
 * The {@code settings} of a feed with {@code "protocol": "redis"}. Every key is read here; units are in the key
 * names. Documented in {@code docs/feeds/redis.md}.
 *
 * @param connectionString {@code redis://host:port[/db]} or {@code rediss://} for TLS, with the database applied
 * @param password the password, from {@code password} or the environment variable named by {@code passwordEnv}
 * @param patterns PSUBSCRIBE patterns held for the whole connection ("everything this venue publishes")
 * @param subscribeTimeoutMillis how long a (P)(UN)SUBSCRIBE waits for Redis to confirm each of its names
 */
public record RedisFeedSettings(String connectionString, String user, String password, TlsSettings tls, Mode mode,
        List<ChannelTemplate> channels, List<ChannelPattern> patterns, int priceScale, int sizeScale,
        boolean venueFromPayload, long pingIntervalMillis, long connectTimeoutMillis, long subscribeTimeoutMillis,
        StreamSettings stream, DeadLetterSettings deadLetter, RedisJsonLimits limits) {

    /** How the feed consumes Redis. */
    public enum Mode {
        /** SUBSCRIBE/PSUBSCRIBE: at-most-once, loss is detected through publisher sequence numbers. */
        PUBSUB,
        /** XREAD BLOCK from the last delivered id per key: nothing lost, nothing doubled. */
        STREAM
    }

    /** A PSUBSCRIBE pattern and the payload shape of the channels it matches. */
    public record ChannelPattern(String pattern, PayloadFormat payload) {
    }

    /** TLS towards Redis; also enabled by a {@code rediss://} connection string. */
    public record TlsSettings(boolean enabled, boolean trustAll, String caPemFile, boolean verifyHostname) {
    }

    /**
     * Streams mode.
     *
     * @param startFromBeginning for a key without a stored last id: read what the stream holds ({@code "0"}) rather
     *     than only what is added after the subscription ({@code "$"})
     * @param payloadField an entry whose only field has this name carries its JSON payload there; other entries
     *     are read field by field (cryptofeed's layout)
     * @param checkpointMap the cluster-wide map holding the last delivered id per source and key
     */
    public record StreamSettings(long blockMillis, int batchCount, boolean startFromBeginning, String payloadField,
            long checkpointIntervalMillis, String checkpointMap) {
    }

    /** The bounded log of rejected payloads, per parser worker. */
    public record DeadLetterSettings(int maxEntries, long maxBytes, int maxPrefixBytes) {
    }

    public static RedisFeedSettings fromJson(JsonObject json, String path) {
        ConfigReader reader = new ConfigReader(json, path);
        PayloadFormat defaultPayload = payloadFormat(reader, "payload", PayloadFormat.TICKBUS);
        Mode mode = reader.enumValue("mode", Mode.class, Mode.PUBSUB);
        List<ChannelTemplate> channels = list(reader, json, "channels", "template", defaultPayload,
                ChannelTemplate::problem, ChannelTemplate::new);
        List<ChannelPattern> patterns = list(reader, json, "patterns", "pattern", defaultPayload,
                pattern -> null, ChannelPattern::new);
        if (mode == Mode.STREAM && !patterns.isEmpty()) {
            throw reader.error("patterns", "value=" + patterns.size() + " patterns; expected none in stream mode "
                    + "(streams are read per key)");
        }
        if (channels.isEmpty() && patterns.isEmpty()) {
            throw reader.error("channels", "missing; expected at least one channel template such as "
                    + "\"md:{symbol}:quotes\"" + (mode == Mode.PUBSUB ? " or a pattern in patterns" : ""));
        }
        RedisFeedSettings settings = new RedisFeedSettings(
                connectionString(reader),
                reader.has("user") ? reader.string("user") : null,
                password(reader),
                tls(reader.child("tls")),
                mode, channels, patterns,
                reader.intValue("priceScale", 8, 0, 18),
                reader.intValue("sizeScale", 8, 0, 18),
                reader.bool("venueFromPayload", false),
                reader.longValue("pingIntervalMillis", 1_000, 10, 3_600_000),
                reader.longValue("connectTimeoutMillis", 5_000, 10, 600_000),
                reader.longValue("subscribeTimeoutMillis", 5_000, 10, 600_000),
                stream(reader.child("stream")),
                deadLetter(reader.child("deadLetter")),
                limits(reader.child("limits")));
        reader.rejectUnknownKeys();
        return settings;
    }

    private static String connectionString(ConfigReader reader) {
        String value = reader.string("connectionString", "redis://127.0.0.1:6379");
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw reader.error("connectionString", "value=\"" + value + "\"; expected redis://host:port[/db] ("
                    + e.getMessage() + ")");
        }
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme()) || uri.getHost() == null) {
            throw reader.error("connectionString", "value=\"" + value
                    + "\"; expected redis://host:port[/db] or rediss://host:port[/db]");
        }
        if (uri.getUserInfo() != null) {
            throw reader.error("connectionString", "value contains credentials; expected them in user and "
                    + "password (or passwordEnv), never in the connection string");
        }
        int database = reader.intValue("database", -1, 0, 65_535);
        if (database < 0) {
            return value;
        }
        String base = value.replaceFirst("/\\d*$", "");
        return base + "/" + database;
    }

    private static String password(ConfigReader reader) {
        if (reader.has("password") && reader.has("passwordEnv")) {
            throw reader.error("passwordEnv", "both password and passwordEnv are set; expected one of them");
        }
        if (reader.has("passwordEnv")) {
            String variable = reader.string("passwordEnv");
            String value = System.getenv(variable);
            if (value == null || value.isEmpty()) {
                throw reader.error("passwordEnv", "value=\"" + variable + "\"; the environment variable is not set");
            }
            return value;
        }
        return reader.has("password") ? reader.string("password") : null;
    }

    private static TlsSettings tls(ConfigReader reader) {
        TlsSettings tls = new TlsSettings(reader.bool("enabled", false), reader.bool("trustAll", false),
                reader.has("caPemFile") ? reader.string("caPemFile") : null, reader.bool("verifyHostname", true));
        reader.rejectUnknownKeys();
        return tls;
    }

    private static StreamSettings stream(ConfigReader reader) {
        String start = reader.string("startId", "$");
        if (!start.equals("$") && !start.equals("0")) {
            throw reader.error("startId", "value=\"" + start + "\"; expected \"$\" (only new entries) or \"0\" "
                    + "(everything the stream holds)");
        }
        StreamSettings stream = new StreamSettings(
                reader.longValue("blockMillis", 1_000, 1, 600_000),
                reader.intValue("batchCount", 1_000, 1, 100_000),
                start.equals("0"),
                reader.string("payloadField", "data"),
                reader.longValue("checkpointIntervalMillis", 100, 0, 600_000),
                reader.string("checkpointMap", "tickbus.redis.stream-offsets"));
        reader.rejectUnknownKeys();
        return stream;
    }

    private static DeadLetterSettings deadLetter(ConfigReader reader) {
        DeadLetterSettings deadLetter = new DeadLetterSettings(
                reader.intValue("maxEntries", 1_000, 1, 1_000_000),
                reader.longValue("maxBytes", 1 << 20, 1_024, 1L << 32),
                reader.intValue("maxPrefixBytes", 512, 0, 65_536));
        reader.rejectUnknownKeys();
        return deadLetter;
    }

    private static RedisJsonLimits limits(ConfigReader reader) {
        RedisJsonLimits defaults = RedisJsonLimits.DEFAULTS;
        RedisJsonLimits limits = new RedisJsonLimits(
                reader.intValue("maxDocumentBytes", defaults.maxDocumentBytes(), 64, 16 << 20),
                reader.intValue("maxDepth", defaults.maxDepth(), 1, 1_000),
                reader.intValue("maxStringLength", defaults.maxStringLength(), 16, 1 << 20),
                reader.intValue("maxNumberLength", defaults.maxNumberLength(), 16, 1_000),
                reader.intValue("maxTokens", defaults.maxTokens(), 16, 1_000_000),
                reader.intValue("maxSymbolLength", defaults.maxSymbolLength(), 1, 1_000),
                reader.intValue("maxTradeIdLength", defaults.maxTradeIdLength(), 1, 10_000));
        reader.rejectUnknownKeys();
        return limits;
    }

    /**
     * A list of strings, or of objects {@code {"<nameKey>": "...", "payload": "..."}}; {@code problem} says why a
     * name is unusable (null when it is fine).
     */
    private static <T> List<T> list(ConfigReader reader, JsonObject json, String key, String nameKey,
            PayloadFormat defaultPayload, Function<String, String> problem,
            BiFunction<String, PayloadFormat, T> factory) {
        if (!reader.has(key)) {
            return List.of();
        }
        if (!(json.getValue(key) instanceof JsonArray array)) {
            throw reader.error(key, "expected an array of strings or of {\"" + nameKey + "\", \"payload\"} objects");
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String elementPath = reader.path(key) + "[" + i + "]";
            Object element = array.getValue(i);
            String name;
            PayloadFormat payload = defaultPayload;
            if (element instanceof String text && !text.isBlank()) {
                name = text;
            } else if (element instanceof JsonObject object) {
                ConfigReader elementReader = new ConfigReader(object, elementPath);
                name = elementReader.string(nameKey);
                payload = payloadFormat(elementReader, "payload", defaultPayload);
                elementReader.rejectUnknownKeys();
            } else {
                throw new ConfigException(elementPath, "value=" + element + "; expected a non-empty string or an "
                        + "object {\"" + nameKey + "\", \"payload\"}");
            }
            String unusable = problem.apply(name);
            if (unusable != null) {
                throw new ConfigException(elementPath, unusable);
            }
            result.add(factory.apply(name, payload));
        }
        return List.copyOf(result);
    }

    static PayloadFormat payloadFormat(ConfigReader reader, String key, PayloadFormat defaultValue) {
        String value = reader.string(key, null);
        if (value == null) {
            return defaultValue;
        }
        for (PayloadFormat format : PayloadFormat.values()) {
            if (label(format).equals(value)) {
                return format;
            }
        }
        throw reader.error(key, "value=\"" + value
                + "\"; expected one of tickbus, cryptofeed-trade, cryptofeed-ticker");
    }

    /** The configuration name of a payload shape: {@code tickbus}, {@code cryptofeed-trade}, ... */
    public static String label(PayloadFormat format) {
        return format.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the connection string or the tls block asks for TLS. */
    public boolean tlsEnabled() {
        return tls.enabled() || connectionString.startsWith("rediss:");
    }
}
