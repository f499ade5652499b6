package tickbus.strategy.admin;

import io.vertx.core.json.JsonObject;
import tickbus.config.ConfigReader;
import tickbus.config.Loopback;

/**
 * The admin endpoint's configuration slice: {@code {"host", "port"}}. The host must be loopback: the endpoint
 * deploys code and has no authentication.
 */
public record AdminSettings(String host, int port) {

    public static final int DEFAULT_PORT = 8091;

    public static AdminSettings fromJson(JsonObject json, String path) {
        ConfigReader reader = new ConfigReader(json, path);
        String host = reader.string("host", "127.0.0.1");
        if (!Loopback.isLoopback(host)) {
            throw reader.error("host", "value=\"" + host + "\"; expected a loopback host (127.0.0.1, localhost or "
                    + "::1): the admin endpoint deploys code and has no authentication");
        }
        AdminSettings settings = new AdminSettings(host, reader.intValue("port", DEFAULT_PORT, 0, 65_535));
        reader.rejectUnknownKeys();
        return settings;
    }
}
