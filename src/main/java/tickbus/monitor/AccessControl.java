package tickbus.monitor;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import tickbus.config.ConfigReader;

/**
 * Optional access control for the dashboard's data: a bearer token or HTTP basic credentials, given in the
 * descriptor or (better) named environment variables. The expected {@code Authorization} value is compared in
 * constant time.
 */
public record AccessControl(Mode mode, String expectedAuthorization) {

    /** How callers prove who they are. */
    public enum Mode {
        /** No credential needed (the demo). */
        NONE,
        /** {@code Authorization: Bearer <token>}. */
        BEARER,
        /** {@code Authorization: Basic <base64(user:password)>}. */
        BASIC
    }

    public static final AccessControl OPEN = new AccessControl(Mode.NONE, null);
    private static final int MIN_SECRET_LENGTH = 8;

    public boolean enabled() {
        return mode != Mode.NONE;
    }

    /** Whether an {@code Authorization} value carries the credential (always true when access control is off). */
    public boolean permits(String authorization) {
        if (!enabled()) {
            return true;
        }
        if (authorization == null) {
            return false;
        }
        return MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8),
                expectedAuthorization.getBytes(StandardCharsets.UTF_8));
    }

    /** The challenge for a 401 response. */
    public String challenge() {
        return mode == Mode.BASIC ? "Basic realm=\"tickbus\", charset=\"UTF-8\"" : "Bearer realm=\"tickbus\"";
    }

    static AccessControl fromJson(JsonObject json, String path, Map<String, String> environment) {
        ConfigReader reader = new ConfigReader(json, path);
        Mode mode = reader.enumValue("mode", Mode.class, Mode.NONE);
        AccessControl access = switch (mode) {
            case NONE -> OPEN;
            case BEARER -> new AccessControl(mode, "Bearer " + secret(reader, "token", environment));
            case BASIC -> {
                String username = reader.string("username");
                if (username.indexOf(':') >= 0) {
                    throw reader.error("username", "value=\"" + username + "\"; expected no ':' in a basic user name");
                }
                String password = secret(reader, "password", environment);
                yield new AccessControl(mode, "Basic " + Base64.getEncoder()
                        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
            }
        };
        reader.rejectUnknownKeys();
        return access;
    }

    /** A secret from {@code <key>} or from the environment variable named by {@code <key>Env}. */
    private static String secret(ConfigReader reader, String key, Map<String, String> environment) {
        String envKey = key + "Env";
        boolean literal = reader.has(key);
        boolean fromEnvironment = reader.has(envKey);
        if (literal == fromEnvironment) {
            throw reader.error(key, "expected exactly one of " + key + " or " + envKey
                    + " (the name of an environment variable holding it)");
        }
        String value;
        if (literal) {
            value = reader.string(key);
        } else {
            String variable = reader.string(envKey);
            value = environment.get(variable);
            if (value == null || value.isBlank()) {
                throw reader.error(envKey, "value=\"" + variable + "\"; the environment variable is not set");
            }
        }
        if (value.length() < MIN_SECRET_LENGTH) {
            throw reader.error(literal ? key : envKey, "secret length=" + value.length() + ", min="
                    + MIN_SECRET_LENGTH);
        }
        return value;
    }
}
