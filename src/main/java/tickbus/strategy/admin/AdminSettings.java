package tickbus.strategy.admin;

import io.vertx.core.json.JsonObject;
import tickbus.config.ConfigReader;

/** The admin endpoint's configuration slice: {@code {"host", "port"}}; loopback by default, it has no authentication. */
public record AdminSettings(String host, int port) {

    public static final int DEFAULT_PORT = 8091;

    public static AdminSettings fromJson(JsonObject json, String path) {
        ConfigReader reader = new ConfigReader(json, path);
        AdminSettings settings = new AdminSettings(reader.string("host", "127.0.0.1"),
                reader.intValue("port", DEFAULT_PORT, 0, 65_535));
        reader.rejectUnknownKeys();
        return settings;
    }
}
