package tickbus.bridge;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tickbus.config.ConfigReader;

/**
 * The TCP bridge's configuration slice: {@code {"host", "port", "outboundAddressRegexes", "maxFrameBytes",
 * "maxRegistrationsPerConnection"}}. Regexes are anchored (the whole address must match).
 */
public record TcpBridgeSettings(String host, int port, List<Pattern> outbound, int maxFrameBytes,
        int maxRegistrationsPerConnection) {

    public static final List<String> DEFAULT_OUTBOUND = List.of("md\\..+", "tickbus\\.strategy\\..+");

    public static TcpBridgeSettings fromJson(JsonObject json, String path) {
        ConfigReader reader = new ConfigReader(json, path);
        String host = reader.string("host", "127.0.0.1");
        int port = reader.intValue("port", 7000, 0, 65_535);
        List<String> regexes = reader.has("outboundAddressRegexes") ? reader.strings("outboundAddressRegexes")
                : DEFAULT_OUTBOUND;
        List<Pattern> outbound = new java.util.ArrayList<>();
        for (int i = 0; i < regexes.size(); i++) {
            try {
                outbound.add(Pattern.compile(regexes.get(i)));
            } catch (PatternSyntaxException e) {
                throw reader.error("outboundAddressRegexes[" + i + "]", "value=\"" + regexes.get(i)
                        + "\"; not a regular expression: " + e.getDescription());
            }
        }
        TcpBridgeSettings settings = new TcpBridgeSettings(host, port, List.copyOf(outbound),
                reader.intValue("maxFrameBytes", 65_536, 64, 16 * 1024 * 1024),
                reader.intValue("maxRegistrationsPerConnection", 1_000, 1, 100_000));
        reader.rejectUnknownKeys();
        return settings;
    }

    /** Whether a client may register (receive from) {@code address}. */
    public boolean outboundPermitted(String address) {
        for (Pattern pattern : outbound) {
            if (pattern.matcher(address).matches()) {
                return true;
            }
        }
        return false;
    }
}
