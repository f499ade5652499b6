package tickbus.event;

import io.vertx.core.json.JsonArray;

/** One price level of an L2 book; in an update, size 0 removes the level. */
public record BookLevel(long price, long size) {

    JsonArray toJson(int scale) {
        return new JsonArray().add(Prices.format(price, scale)).add(size);
    }

    static BookLevel fromJson(JsonArray json, int scale) {
        if (json.size() != 2) {
            throw new IllegalArgumentException("book level must be [price, size]: value=" + json.encode());
        }
        Object size = json.getValue(1);
        if (!(json.getValue(0) instanceof String price) || !(size instanceof Number number)) {
            throw new IllegalArgumentException("book level must be [\"price\", size]: value=" + json.encode());
        }
        return new BookLevel(Prices.parse(price, scale), number.longValue());
    }
}
