package tickbus.event;

import io.vertx.core.json.JsonObject;

/** Shared pieces of the canonical JSON form; field names are part of the public contract. */
final class EventJson {

    static final String TYPE = "type";

    private EventJson() {
    }

    static JsonObject header(String type, String instrument, String venue, String source, long sequence,
            long exchangeTimeNanos, long receiveTimeNanos) {
        JsonObject json = new JsonObject().put(TYPE, type);
        if (instrument != null) {
            json.put("instrument", instrument);
        }
        return json.put("venue", venue)
                .put("source", source)
                .put("seq", sequence)
                .put("exchangeTimeNanos", exchangeTimeNanos)
                .put("receiveTimeNanos", receiveTimeNanos);
    }

    static void expectType(JsonObject json, String type) {
        String actual = json.getString(TYPE);
        if (!type.equals(actual)) {
            throw new IllegalArgumentException("event JSON has the wrong type: type=" + actual + ", expected=" + type);
        }
    }

    static String string(JsonObject json, String key) {
        Object value = json.getValue(key);
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("event JSON field must be a string: field=" + key + ", value=" + value);
        }
        return text;
    }

    static long number(JsonObject json, String key) {
        Object value = json.getValue(key);
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException("event JSON field must be a number: field=" + key + ", value=" + value);
        }
        return number.longValue();
    }

    static long price(JsonObject json, String key, int scale) {
        return Prices.parse(string(json, key), scale);
    }

    static <E extends Enum<E>> E enumValue(JsonObject json, String key, Class<E> type) {
        String text = string(json, key);
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("event JSON field has an unknown value: field=" + key + ", value=" + text);
        }
    }
}
