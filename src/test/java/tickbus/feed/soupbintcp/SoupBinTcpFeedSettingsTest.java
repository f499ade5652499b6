package tickbus.feed.soupbintcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tickbus.config.ConfigException;
import tickbus.feed.FeedProtocols;
import tickbus.feed.FeedSettings;

class SoupBinTcpFeedSettingsTest {

    @Test
    void defaultsAndEveryKey() {
        SoupBinTcpFeedSettings defaults = SoupBinTcpFeedSettings.fromJson(new JsonObject().put("port", 4000), "s");
        assertEquals(new SoupBinTcpFeedSettings("127.0.0.1", 4000, "", "", "", 1, 5_000, 1_024, null, 1 << 20,
                1 << 20), defaults);
        assertNull(defaults.tradingDate());

        SoupBinTcpFeedSettings all = SoupBinTcpFeedSettings.fromJson(new JsonObject().put("host", "10.0.0.7")
                .put("port", 4001).put("username", "alice").put("password", "s3cret").put("session", "DAY1")
                .put("firstSequenceNumber", 0).put("loginTimeoutMillis", 2_000).put("maxPacketLength", 2_048)
                .put("tradingDate", "2020-01-30").put("receiveBufferBytes", 65_536).put("expectedOrders", 4_096), "s");
        assertEquals(new SoupBinTcpFeedSettings("10.0.0.7", 4001, "alice", "s3cret", "DAY1", 0, 2_000, 2_048,
                LocalDate.of(2020, 1, 30), 65_536, 4_096), all);
    }

    @Test
    void badValuesNameTheirPath() {
        assertError("config.settings.port: missing; expected the SoupBinTCP server's port, 1 to 65535",
                new JsonObject());
        assertError("config.settings.username: value=\"alice-in-wonderland\"; expected up to 6 printable ASCII "
                + "characters without spaces", new JsonObject().put("port", 1).put("username", "alice-in-wonderland"));
        assertError("config.settings.tradingDate: value=\"30/01/2020\"; expected an ISO date such as 2020-01-30",
                new JsonObject().put("port", 1).put("tradingDate", "30/01/2020"));
        assertError("config.settings.firstSequenceNumber: value=7; expected an integer from 0 to 1",
                new JsonObject().put("port", 1).put("firstSequenceNumber", 7));
        assertError("config.settings.hots: unknown key; expected one of [expectedOrders, firstSequenceNumber, host, "
                + "loginTimeoutMillis, maxPacketLength, password, port, receiveBufferBytes, session, tradingDate, "
                + "username]", new JsonObject().put("port", 1).put("hots", "x"));
    }

    @Test
    void theDocumentedExampleWithABlankSessionIsValid() {
        JsonObject settings = new JsonObject("""
                { "host": "127.0.0.1", "port": 15000, "username": "alice", "session": "", "firstSequenceNumber": 1 }""");
        assertEquals("", SoupBinTcpFeedSettings.fromJson(settings, "s").session());
        assertEquals("", SoupBinTcpFeedSettings.fromJson(settings.put("username", ""), "s").username());
    }

    @Test
    void aBadPasswordIsNotRepeatedInTheError() {
        assertError("config.settings.password: length=14; expected up to 10 printable ASCII characters without "
                + "spaces", new JsonObject().put("port", 1).put("password", "hunter2 secret"));
    }

    @Test
    void aVenueOtherThanXnasIsRejectedSinceItchEventsAreForXnas() {
        JsonObject feed = new JsonObject().put("source", "itch").put("venue", "XSIM").put("protocol", "soupbintcp")
                .put("settings", new JsonObject().put("port", 1));
        ConfigException error = assertThrows(ConfigException.class,
                () -> FeedProtocols.create(FeedSettings.fromJson(feed, "config"), "config"));
        assertEquals("config.venue: value=\"XSIM\"; expected XNAS: ITCH events are for XNAS:<symbol>, and demand "
                + "for other instruments would never be served", error.getMessage());
    }

    @Test
    void theLoginTimeoutMustEndBeforeTheBreakerGivesUpOnTheAttempt() {
        JsonObject feed = new JsonObject().put("source", "itch").put("venue", "XNAS").put("protocol", "soupbintcp")
                .put("breaker", new JsonObject().put("attemptTimeoutMillis", 3_000))
                .put("settings", new JsonObject().put("port", 1).put("loginTimeoutMillis", 3_000));
        ConfigException error = assertThrows(ConfigException.class,
                () -> FeedProtocols.create(FeedSettings.fromJson(feed, "config"), "config"));
        assertEquals("config.settings.loginTimeoutMillis: value=3000; expected less than "
                + "breaker.attemptTimeoutMillis=3000, so a login that never completes is abandoned by the feed first",
                error.getMessage());
    }

    @Test
    void theProtocolIsFoundByName() {
        JsonObject feed = new JsonObject().put("source", "itch").put("venue", "XNAS").put("protocol", "soupbintcp")
                .put("settings", new JsonObject().put("port", 15_000));
        assertEquals(SoupBinTcpFeedProtocol.class,
                FeedProtocols.create(FeedSettings.fromJson(feed, "config"), "config").getClass());
    }

    private static void assertError(String message, JsonObject settings) {
        JsonObject feed = new JsonObject().put("source", "itch").put("venue", "XNAS").put("protocol", "soupbintcp")
                .put("settings", settings);
        ConfigException error = assertThrows(ConfigException.class,
                () -> FeedProtocols.create(FeedSettings.fromJson(feed, "config"), "config"));
        assertEquals(message, error.getMessage());
    }
}
