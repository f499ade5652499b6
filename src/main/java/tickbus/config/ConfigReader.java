package tickbus.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads one JSON object of configuration, tracking the JSON path so that every error names it, and
 * rejecting keys nobody read (a typo must not silently fall back to a default).
 */
public final class ConfigReader {

    private final JsonObject json;
    private final String path;
    private final Set<String> known = new TreeSet<>();

    public ConfigReader(JsonObject json, String path) {
        this.json = json == null ? new JsonObject() : json;
        this.path = path;
    }

    public String path() {
        return path;
    }

    public String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public boolean has(String key) {
        known.add(key);
        return json.containsKey(key);
    }

    public String string(String key) {
        known.add(key);
        Object value = json.getValue(key);
        if (value == null) {
            throw new ConfigException(path(key), "missing; expected a non-empty string");
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw new ConfigException(path(key), "value=" + describe(value) + "; expected a non-empty string");
        }
        return text;
    }

    public String string(String key, String defaultValue) {
        return has(key) ? string(key) : defaultValue;
    }

    public long longValue(String key, long defaultValue, long min, long max) {
        known.add(key);
        Object value = json.getValue(key);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
                || number.longValue() < min || number.longValue() > max) {
            throw new ConfigException(path(key), "value=" + describe(value) + "; expected an integer from " + min
                    + " to " + max);
        }
        return number.longValue();
    }

    public int intValue(String key, int defaultValue, int min, int max) {
        return (int) longValue(key, defaultValue, min, max);
    }

    public boolean bool(String key, boolean defaultValue) {
        known.add(key);
        Object value = json.getValue(key);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Boolean flag)) {
            throw new ConfigException(path(key), "value=" + describe(value) + "; expected true or false");
        }
        return flag;
    }

    public <E extends Enum<E>> E enumValue(String key, Class<E> type, E defaultValue) {
        known.add(key);
        Object value = json.getValue(key);
        if (value == null) {
            return defaultValue;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(String.valueOf(value))) {
                return constant;
            }
        }
        throw new ConfigException(path(key), "value=" + describe(value) + "; expected one of "
                + List.of(type.getEnumConstants()).toString().toLowerCase());
    }

    public List<String> strings(String key) {
        known.add(key);
        Object value = json.getValue(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw new ConfigException(path(key), "value=" + describe(value) + "; expected an array of strings");
        }
        List<String> result = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof String text) || text.isBlank()) {
                throw new ConfigException(path(key) + "[" + i + "]", "value=" + describe(array.getValue(i))
                        + "; expected a non-empty string");
            }
            result.add(text);
        }
        return List.copyOf(result);
    }

    public JsonObject object(String key) {
        known.add(key);
        Object value = json.getValue(key);
        if (value == null) {
            return new JsonObject();
        }
        if (!(value instanceof JsonObject object)) {
            throw new ConfigException(path(key), "value=" + describe(value) + "; expected an object");
        }
        return object;
    }

    public ConfigReader child(String key) {
        return new ConfigReader(object(key), path(key));
    }

    /** Fails on the first key that no reader asked for. Call after reading every key. */
    public void rejectUnknownKeys() {
        for (String key : json.fieldNames()) {
            if (!known.contains(key)) {
                throw new ConfigException(path(key), "unknown key; expected one of " + known);
            }
        }
    }

    public ConfigException error(String key, String message) {
        return new ConfigException(path(key), message);
    }

    static String describe(Object value) {
        if (value instanceof String text) {
            return "\"" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "\"";
        }
        if (value instanceof JsonObject || value instanceof JsonArray) {
            String encoded = value.toString();
            return encoded.length() > 60 ? encoded.substring(0, 60) + "…" : encoded;
        }
        return String.valueOf(value);
    }
}
