package tickbus.feed.soupbintcp;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import tickbus.config.ConfigReader;
import tickbus.protocol.soupbintcp.SoupBinTcp;
import tickbus.protocol.soupbintcp.SoupBinTcpClientConfig;

/**
 * The {@code settings} of a {@code "protocol": "soupbintcp"} feed; every key is read here.
 *
 * @param session the session to log into first; blank means the server's current one
 * @param firstSequenceNumber the first message wanted on the first login: 1 replays the whole session (what a
 *     full-depth book needs), 0 asks only for new messages
 * @param tradingDate the day ITCH timestamps count from; null means today in New York when the decoder starts
 *     (and again after a session change)
 * @param expectedOrders live orders each parser worker's order table is sized for (it grows beyond)
 */
public record SoupBinTcpFeedSettings(String host, int port, String username, String password, String session,
        long firstSequenceNumber, long loginTimeoutMillis, int maxPacketLength, LocalDate tradingDate,
        int receiveBufferBytes, int expectedOrders) {

    public static final long DEFAULT_LOGIN_TIMEOUT_MILLIS = 5_000;
    public static final int DEFAULT_RECEIVE_BUFFER_BYTES = 1 << 20;
    public static final int DEFAULT_EXPECTED_ORDERS = 1 << 20;

    public static SoupBinTcpFeedSettings fromJson(JsonObject json, String path) {
        ConfigReader reader = new ConfigReader(json, path);
        SoupBinTcpFeedSettings settings = new SoupBinTcpFeedSettings(
                reader.string("host", "127.0.0.1"),
                reader.intValue("port", 0, 1, 65_535),
                field(reader, json, "username", SoupBinTcp.USERNAME_LENGTH),
                field(reader, json, "password", SoupBinTcp.PASSWORD_LENGTH),
                field(reader, json, "session", SoupBinTcp.SESSION_LENGTH),
                reader.longValue("firstSequenceNumber", 1, 0, 1),
                reader.longValue("loginTimeoutMillis", DEFAULT_LOGIN_TIMEOUT_MILLIS, 10, 600_000),
                reader.intValue("maxPacketLength", SoupBinTcpClientConfig.DEFAULT_MAX_PACKET_LENGTH,
                        1 + SoupBinTcp.LoginAccepted.PAYLOAD_LENGTH, SoupBinTcp.MAX_PACKET_LENGTH),
                tradingDate(reader),
                reader.intValue("receiveBufferBytes", DEFAULT_RECEIVE_BUFFER_BYTES, 4_096, 64 << 20),
                reader.intValue("expectedOrders", DEFAULT_EXPECTED_ORDERS, 1_024, 1 << 26));
        if (settings.port() == 0) {
            throw reader.error("port", "missing; expected the SoupBinTCP server's port, 1 to 65535");
        }
        reader.rejectUnknownKeys();
        return settings;
    }

    /** The client session's configuration for one login. */
    SoupBinTcpClientConfig clientConfig(String requestedSession, long requestedSequenceNumber,
            long serverTimeoutMillis) {
        long timeout = Math.max(serverTimeoutMillis, SoupBinTcpClientConfig.CLIENT_HEARTBEAT_INTERVAL_MILLIS + 1);
        return new SoupBinTcpClientConfig(username, password, requestedSession, requestedSequenceNumber,
                maxPacketLength, timeout);
    }

    /** A login field; absent or {@code ""} is blank (SoupBinTCP pads it with spaces). */
    private static String field(ConfigReader reader, JsonObject json, String key, int width) {
        if (!reader.has(key) || "".equals(json.getValue(key))) {
            return "";
        }
        String value = reader.string(key);
        if (value.length() > width || !value.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
            String shown = key.equals("password") ? "length=" + value.length() : "value=\"" + value + "\"";
            throw reader.error(key, shown + "; expected up to " + width
                    + " printable ASCII characters without spaces");
        }
        return value;
    }

    private static LocalDate tradingDate(ConfigReader reader) {
        if (!reader.has("tradingDate")) {
            return null;
        }
        String text = reader.string("tradingDate");
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw reader.error("tradingDate", "value=\"" + text + "\"; expected an ISO date such as 2020-01-30");
        }
    }
}
