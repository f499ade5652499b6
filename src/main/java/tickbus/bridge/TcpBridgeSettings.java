package tickbus.bridge;

import io.vertx.core.json.JsonObject;
import java.util.List;
import tickbus.config.ConfigReader;

/**
 * The TCP bridge's configuration slice: {@code {"host", "port", "outboundAddressRegexes", "maxFrameBytes",
 * "maxRegistrationsPerConnection"}}. The regexes are held to the SockJS bridge's rules ({@link BridgePermits}):
 * anchored, and matching no internal, request or reply address.
 */
public record TcpBridgeSettings(String host, int port, BridgePermits outbound, int maxFrameBytes,
        int maxRegistrationsPerConnection) {

    public static final List<String> DEFAULT_OUTBOUND = List.of("^md\\..+$", "^tickbus\\.strategy\\..+$");

    public static TcpBridgeSettings fromJson(JsonObject json, String path) {
        ConfigReader reader = new ConfigReader(json, path);
        String host = reader.string("host", "127.0.0.1");
        int port = reader.intValue("port", 7000, 0, 65_535);
        BridgePermits outbound = BridgePermits.outbound(reader.has("outboundAddressRegexes")
                ? reader.strings("outboundAddressRegexes") : DEFAULT_OUTBOUND, reader.path("outboundAddressRegexes"));
        TcpBridgeSettings settings = new TcpBridgeSettings(host, port, outbound,
                reader.intValue("maxFrameBytes", 65_536, 64, 16 * 1024 * 1024),
                reader.intValue("maxRegistrationsPerConnection", 1_000, 1, 100_000));
        reader.rejectUnknownKeys();
        return settings;
    }

    /** Whether a client may register (receive from) {@code address}. */
    public boolean outboundPermitted(String address) {
        return outbound.permits(address);
    }
}
