package tickbus.event;

import io.vertx.core.json.JsonObject;

/** Reads any event from its canonical JSON form. */
public final class TickbusEvents {

    private TickbusEvents() {
    }

    public static TickbusEvent fromJson(JsonObject json) {
        String type = json.getString(EventJson.TYPE);
        if (type == null) {
            throw new IllegalArgumentException("event JSON has no type: value=" + json.encode());
        }
        return switch (type) {
            case Quote.JSON_TYPE -> Quote.fromJson(json);
            case Trade.JSON_TYPE -> Trade.fromJson(json);
            case BookUpdate.JSON_TYPE -> BookUpdate.fromJson(json);
            case InstrumentStatus.JSON_TYPE -> InstrumentStatus.fromJson(json);
            case FeedStatus.JSON_TYPE -> FeedStatus.fromJson(json);
            default -> throw new IllegalArgumentException("event JSON has an unknown type: type=" + type
                    + ", expected one of quote, trade, book, status, feed");
        };
    }
}
