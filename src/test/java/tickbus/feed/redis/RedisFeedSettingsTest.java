package tickbus.feed.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import tickbus.config.ConfigException;
import tickbus.feed.FeedSettings;
import tickbus.protocol.redisjson.PayloadFormat;

/** The Redis feed's settings: defaults, and every error naming its JSON path, the value and the fix. */
class RedisFeedSettingsTest {

    private static final String PATH = "verticles[1].config.settings";

    private static JsonObject minimal() {
        return new JsonObject().put("channels", new JsonArray().add("md:{symbol}:quotes"));
    }

    private static String error(JsonObject settings) {
        return assertThrows(ConfigException.class, () -> RedisFeedSettings.fromJson(settings, PATH)).getMessage();
    }

    @Test
    void defaults() {
        RedisFeedSettings settings = RedisFeedSettings.fromJson(minimal(), PATH);
        assertEquals("redis://127.0.0.1:6379", settings.connectionString());
        assertEquals(RedisFeedSettings.Mode.PUBSUB, settings.mode());
        assertEquals(List.of(new ChannelTemplate("md:{symbol}:quotes", PayloadFormat.TICKBUS)), settings.channels());
        assertEquals(List.of(), settings.patterns());
        assertEquals(8, settings.priceScale());
        assertEquals(1_000, settings.pingIntervalMillis());
        assertEquals(5_000, settings.subscribeTimeoutMillis());
        assertEquals(new RedisFeedSettings.StreamSettings(1_000, 1_000, false, "data", 100,
                "tickbus.redis.stream-offsets"), settings.stream());
        assertNull(settings.user());
        assertNull(settings.password());
        assertFalse(settings.tlsEnabled());
    }

    @Test
    void channelsTakeStringsOrObjectsWithTheirOwnPayload() {
        RedisFeedSettings settings = RedisFeedSettings.fromJson(new JsonObject().put("payload", "cryptofeed-trade")
                .put("channels", new JsonArray().add("trades-{venue}-{symbol}")
                        .add(new JsonObject().put("template", "ticker-{venue}-{symbol}").put("payload",
                                "cryptofeed-ticker"))), PATH);
        assertEquals(List.of(new ChannelTemplate("trades-{venue}-{symbol}", PayloadFormat.CRYPTOFEED_TRADE),
                new ChannelTemplate("ticker-{venue}-{symbol}", PayloadFormat.CRYPTOFEED_TICKER)), settings.channels());
        assertEquals("ticker-COINBASE-BTC-USD", settings.channels().get(1).channelOf("COINBASE:BTC-USD"));
    }

    @Test
    void aTemplateWithoutTheSymbolNamesItsIndex() {
        assertEquals(PATH + ".channels[1]: value=\"md:all\"; expected a template containing {symbol}, e.g. "
                + "md:{symbol}:trades", error(new JsonObject().put("channels", new JsonArray().add("md:{symbol}:a")
                .add("md:all"))));
    }

    @Test
    void anUnknownPlaceholderIsRefused() {
        assertTrue(error(new JsonObject().put("channels", new JsonArray().add("md:{symbol}:{kind}")))
                .endsWith("expected only the placeholders {symbol} and {venue}"));
    }

    @Test
    void anUnknownPayloadShapeListsTheShapes() {
        assertEquals(PATH + ".channels[0].payload: value=\"protobuf\"; expected one of tickbus, cryptofeed-trade, "
                + "cryptofeed-ticker", error(new JsonObject().put("channels", new JsonArray().add(new JsonObject()
                .put("template", "md:{symbol}").put("payload", "protobuf")))));
    }

    @Test
    void nothingToReadIsRefused() {
        assertTrue(error(new JsonObject()).startsWith(PATH + ".channels: missing; expected at least one channel"));
    }

    @Test
    void patternsAreForPubSubOnly() {
        assertTrue(error(minimal().put("mode", "stream").put("patterns", new JsonArray().add("md:*")))
                .startsWith(PATH + ".patterns: value=1 patterns; expected none in stream mode"));
    }

    @Test
    void credentialsDoNotBelongInTheConnectionString() {
        assertTrue(error(minimal().put("connectionString", "redis://user:secret@127.0.0.1:6379"))
                .startsWith(PATH + ".connectionString: value contains credentials"));
        assertTrue(error(minimal().put("connectionString", "http://127.0.0.1"))
                .startsWith(PATH + ".connectionString: value=\"http://127.0.0.1\"; expected redis://"));
    }

    @Test
    void passwordAndPasswordEnvExcludeEachOther() {
        assertEquals(PATH + ".passwordEnv: both password and passwordEnv are set; expected one of them",
                error(minimal().put("password", "a").put("passwordEnv", "B")));
        assertEquals(PATH + ".passwordEnv: value=\"TICKBUS_NO_SUCH_VARIABLE\"; the environment variable is not set",
                error(minimal().put("passwordEnv", "TICKBUS_NO_SUCH_VARIABLE")));
    }

    @Test
    void theDatabaseReplacesTheConnectionStringsPath() {
        assertEquals("redis://127.0.0.1:6380/3", RedisFeedSettings.fromJson(minimal()
                .put("connectionString", "redis://127.0.0.1:6380/1").put("database", 3), PATH).connectionString());
        assertEquals("redis://10.0.0.1:6379/2", RedisFeedSettings.fromJson(minimal()
                .put("connectionString", "redis://10.0.0.1:6379").put("database", 2), PATH).connectionString());
    }

    @Test
    void tlsFromTheSchemeOrTheBlock() {
        assertTrue(RedisFeedSettings.fromJson(minimal().put("connectionString", "rediss://h:6380"), PATH).tlsEnabled());
        RedisFeedSettings block = RedisFeedSettings.fromJson(minimal().put("tls", new JsonObject().put("enabled", true)
                .put("caPemFile", "/etc/redis/ca.pem")), PATH);
        assertEquals(new RedisFeedSettings.TlsSettings(true, false, "/etc/redis/ca.pem", true), block.tls());
    }

    @Test
    void aSubscribeDeadlineOutsideItsRangeIsRefused() {
        assertEquals(PATH + ".subscribeTimeoutMillis: value=0; expected an integer from 10 to 600000",
                error(minimal().put("subscribeTimeoutMillis", 0)));
        assertEquals(250, RedisFeedSettings.fromJson(minimal().put("subscribeTimeoutMillis", 250), PATH)
                .subscribeTimeoutMillis());
    }

    @Test
    void nestedUnknownKeysAndRangesNameTheirPath() {
        assertTrue(error(minimal().put("stream", new JsonObject().put("blockMilis", 5)))
                .startsWith(PATH + ".stream.blockMilis: unknown key; expected one of ["));
        assertEquals(PATH + ".stream.startId: value=\"1700000000000-0\"; expected \"$\" (only new entries) or \"0\" "
                + "(everything the stream holds)", error(minimal().put("stream", new JsonObject().put("startId",
                "1700000000000-0"))));
        assertEquals(PATH + ".deadLetter.maxEntries: value=0; expected an integer from 1 to 1000000",
                error(minimal().put("deadLetter", new JsonObject().put("maxEntries", 0))));
        assertEquals(PATH + ".priceScale: value=19; expected an integer from 0 to 18",
                error(minimal().put("priceScale", 19)));
    }

    @Test
    void theProviderKeepsTheKeepAliveInsideTheHeartbeatTimeout() {
        FeedSettings feed = FeedSettings.fromJson(new JsonObject().put("source", "redis-1").put("venue", "XRDS")
                .put("protocol", "redis").put("heartbeatTimeoutMillis", 1_000)
                .put("settings", minimal().put("pingIntervalMillis", 1_000)), "config");
        assertEquals("config.settings.pingIntervalMillis: value=1000; expected less than heartbeatTimeoutMillis=1000 "
                + "(the PING keep-alive is what the heartbeat watchdog sees)", assertThrows(ConfigException.class,
                () -> new RedisFeedProtocolProvider().create(feed, "config.settings")).getMessage());
        FeedSettings streams = FeedSettings.fromJson(new JsonObject().put("source", "redis-1").put("venue", "XRDS")
                .put("protocol", "redis").put("heartbeatTimeoutMillis", 1_000).put("settings", minimal()
                        .put("mode", "stream").put("pingIntervalMillis", 100)
                        .put("stream", new JsonObject().put("blockMillis", 5_000))), "config");
        assertTrue(assertThrows(ConfigException.class, () -> new RedisFeedProtocolProvider().create(streams,
                "config.settings")).getMessage().startsWith("config.settings.stream.blockMillis: value=5000"));
    }
}
