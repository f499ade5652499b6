package tickbus.monitor;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import tickbus.bridge.BridgePermits;
import tickbus.config.ConfigReader;
import tickbus.config.Loopback;

/**
 * The monitor verticle's configuration slice. Every key is read here; units are in the key names. Loopback by
 * default: a host beyond loopback needs an access mode, or {@code "allowUnauthenticated": true} said on purpose.
 *
 * @param allowedOrigins browser origins allowed on the bridge besides the server's own (e.g.
 *        {@code https://ops.example.com}); a request with any other {@code Origin} is refused
 * @param requiredFeeds the feeds readiness waits for; empty means every feed running on this node
 * @param maxSocketBacklogBytes bytes written to one browser and not yet sent; beyond it, updates for that
 *        socket are conflated to the latest per address
 */
public record MonitorSettings(String host, int port, List<String> allowedOrigins, BridgePermits outbound,
        BridgePermits inbound, int maxHandlersPerSocket, int maxAddressLength, long pingTimeoutMillis,
        int maxSocketBacklogBytes, long statsIntervalMillis, int peekMaxUpdatesPerSecond, int peekTrades,
        List<String> requiredFeeds, AccessControl access) {

    public static final int DEFAULT_PORT = 8080;
    /** What the dashboard registers on: the stats and one instrument's peek stream. */
    static final List<String> DEFAULT_OUTBOUND = List.of("^tickbus\\.monitor\\.stats$",
            "^tickbus\\.monitor\\.peek\\..+$");
    static final List<String> DEFAULT_INBOUND = List.of("^tickbus\\.monitor\\.peek$");

    /** Validates a descriptor's config slice (the catalog's validator). */
    public static MonitorSettings fromJson(JsonObject json, String path) {
        return fromJson(json, path, System.getenv());
    }

    public static MonitorSettings fromJson(JsonObject json, String path, Map<String, String> environment) {
        ConfigReader reader = new ConfigReader(json, path);
        String host = reader.string("host", "127.0.0.1");
        int port = reader.intValue("port", DEFAULT_PORT, 0, 65535);
        List<String> origins = reader.strings("allowedOrigins");
        for (int i = 0; i < origins.size(); i++) {
            if (!origins.get(i).matches("https?://[A-Za-z0-9.:\\[\\]-]+")) {
                throw new tickbus.config.ConfigException(reader.path("allowedOrigins") + "[" + i + "]", "value=\""
                        + origins.get(i) + "\"; expected scheme://host[:port] with no path, e.g. "
                        + "https://ops.example.com");
            }
        }
        BridgePermits outbound = BridgePermits.outbound(reader.has("outboundPermits")
                ? reader.strings("outboundPermits") : DEFAULT_OUTBOUND, reader.path("outboundPermits"));
        BridgePermits inbound = BridgePermits.inbound(reader.has("inboundPermits")
                ? reader.strings("inboundPermits") : DEFAULT_INBOUND, reader.path("inboundPermits"));
        MonitorSettings settings = new MonitorSettings(host, port, origins, outbound, inbound,
                reader.intValue("maxHandlersPerSocket", 64, 1, 10_000),
                reader.intValue("maxAddressLength", 128, 16, 1_024),
                reader.longValue("pingTimeoutMillis", 30_000, 1_000, 600_000),
                reader.intValue("maxSocketBacklogBytes", 262_144, 4_096, 64 * 1024 * 1024),
                reader.longValue("statsIntervalMillis", 1_000, 50, 60_000),
                reader.intValue("peekMaxUpdatesPerSecond", 10, 1, 100),
                reader.intValue("peekTrades", 10, 1, 100),
                reader.strings("requiredFeeds"),
                AccessControl.fromJson(reader.object("access"), reader.path("access"), environment));
        boolean allowUnauthenticated = reader.bool("allowUnauthenticated", false);
        if (!Loopback.isLoopback(host) && !settings.access().enabled() && !allowUnauthenticated) {
            throw reader.error("host", "value=\"" + host + "\" with access.mode=none; expected a loopback host, an "
                    + "access mode (bearer or basic), or \"allowUnauthenticated\": true: without a credential anyone "
                    + "who reaches the port can register on the bridge (creating upstream demand) and read /metrics");
        }
        reader.rejectUnknownKeys();
        return settings;
    }
}
