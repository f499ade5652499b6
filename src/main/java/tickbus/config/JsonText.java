package tickbus.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

/** Parses configuration text into a JSON object; a syntax error names the line and column, on one line. */
public final class JsonText {

    private JsonText() {
    }

    /** {@code origin} names the text in errors: a file, or a command-line option. */
    public static JsonObject parseObject(String text, String origin) {
        if (text.isBlank()) {
            throw new ConfigException(origin, "empty; expected a JSON object");
        }
        Object value;
        try {
            value = Json.decodeValue(text);
        } catch (DecodeException e) {
            throw new ConfigException(origin, "invalid JSON" + describe(e));
        }
        if (!(value instanceof JsonObject object)) {
            throw new ConfigException(origin, "value=" + ConfigReader.describe(value) + "; expected a JSON object");
        }
        return object;
    }

    private static String describe(DecodeException e) {
        if (e.getCause() instanceof JsonProcessingException cause) {
            JsonLocation location = cause.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column "
                    + location.getColumnNr();
            return where + ": " + cause.getOriginalMessage().lines().findFirst().orElse("");
        }
        return ": " + e.getMessage();
    }
}
