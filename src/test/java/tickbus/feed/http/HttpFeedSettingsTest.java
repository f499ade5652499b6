package tickbus.feed.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import tickbus.config.ConfigException;
import tickbus.feed.FeedProtocols;
import tickbus.feed.FeedSettings;

class HttpFeedSettingsTest {

    @Test
    void defaultsFromABaseUrlAlone() {
        HttpFeedSettings settings = HttpFeedSettings.fromJson(new JsonObject().put("baseUrl", "http://fixml.example"),
                "config.settings");

        assertEquals(new HttpFeedSettings.Endpoint(false, "fixml.example", 80, ""), settings.endpoint());
        assertEquals(new HttpFeedSettings.Timeouts(1_000, 5_000, 30_000, 5_000), settings.timeouts());
        assertEquals(16 * 1024 * 1024, settings.maxResponseBytes());
        assertTrue(settings.followDemand());
        assertEquals(new HttpFeedSettings.Quarantine(3, 64, 4L * 1024 * 1024, 64 * 1024), settings.quarantine());
        assertEquals(new HttpFeedSettings.Normalization(8, true, 100_000, 1_000), settings.normalization());
    }

    @Test
    void theBaseUrlGivesSchemePortAndPath() {
        assertEquals(new HttpFeedSettings.Endpoint(true, "vendor.example", 443, "/md/fixml"),
                endpoint("https://vendor.example/md/fixml/"));
        assertEquals(new HttpFeedSettings.Endpoint(false, "127.0.0.1", 8089, ""), endpoint("http://127.0.0.1:8089"));
    }

    @Test
    void badValuesNameTheirJsonPath() {
        assertError(new JsonObject().put("baseUrl", "ftp://x"), "config.settings.baseUrl: value=\"ftp://x\"");
        assertError(new JsonObject().put("baseUrl", "http://x/?a=1"), "config.settings.baseUrl: value=\"http://x/?a=1\"");
        assertError(new JsonObject().put("baseUrl", "http://x").put("waitMillis", 5_000).put("pollTimeoutMillis", 5_000),
                "config.settings.pollTimeoutMillis: value=5000; expected more than waitMillis=5000");
        assertError(new JsonObject().put("baseUrl", "http://x").put("quarantine", new JsonObject().put("maxEntrys", 1)),
                "config.settings.quarantine.maxEntrys");
        assertError(new JsonObject().put("baseUrl", "http://x").put("waitMilis", 1), "config.settings.waitMilis");
        assertError(new JsonObject().put("baseUrl", "http://x").put("quarantine", new JsonObject().put("maxBytes", 1_024)),
                "config.settings.quarantine.maxBytes: value=1024; expected at least maxPrefixBytes=65536 + 96");
    }

    @Test
    void theProviderIsOnTheClassPathAndWantsOneWorker() {
        JsonObject feed = new JsonObject().put("source", "h").put("venue", "XFIX").put("protocol", "http")
                .put("settings", new JsonObject().put("baseUrl", "http://127.0.0.1:8089"));
        assertTrue(FeedProtocols.create(FeedSettings.fromJson(feed, "config"), "config") instanceof HttpFeedProtocol);
        ConfigException error = assertThrows(ConfigException.class, () -> FeedProtocols.create(
                FeedSettings.fromJson(feed.copy().put("workers", 2), "config"), "config"));
        assertTrue(error.getMessage().startsWith("config.workers: value=2; expected 1"), error.getMessage());
        JsonObject longWait = feed.copy().put("heartbeatTimeoutMillis", 1_000);
        longWait.getJsonObject("settings").put("waitMillis", 1_000);
        error = assertThrows(ConfigException.class, () -> FeedProtocols.create(FeedSettings.fromJson(longWait,
                "config"), "config"));
        assertEquals("config.settings.waitMillis: value=1000; expected less than heartbeatTimeoutMillis=1000: the "
                + "heartbeat comes once per waitMillis", error.getMessage());
    }

    private static HttpFeedSettings.Endpoint endpoint(String baseUrl) {
        return HttpFeedSettings.fromJson(new JsonObject().put("baseUrl", baseUrl), "s").endpoint();
    }

    private static void assertError(JsonObject json, String expectedStart) {
        ConfigException error = assertThrows(ConfigException.class, () -> HttpFeedSettings.fromJson(json,
                "config.settings"));
        assertTrue(error.getMessage().startsWith(expectedStart), error.getMessage());
    }
}
