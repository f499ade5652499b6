package tickbus.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Changed L2 levels (bids best first, asks best first). A {@code snapshot} replaces the whole book;
 * otherwise each level replaces the level at its price, and size 0 deletes it.
 */
public record BookUpdate(String instrument, String venue, String source, long sequence, long exchangeTimeNanos,
        long receiveTimeNanos, int priceScale, int sizeScale, boolean snapshot, List<BookLevel> bids,
        List<BookLevel> asks)
        implements MarketEvent {

    static final String JSON_TYPE = "book";

    public BookUpdate {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(source, "source");
        Prices.checkScale(priceScale);
        Prices.checkScale(sizeScale, "sizeScale");
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    @Override
    public EventKind kind() {
        return EventKind.BOOK;
    }

    @Override
    public JsonObject toJson() {
        return EventJson.header(JSON_TYPE, instrument, venue, source, sequence, exchangeTimeNanos, receiveTimeNanos)
                .put("priceScale", priceScale)
                .put("sizeScale", sizeScale)
                .put("snapshot", snapshot)
                .put("bids", levelsToJson(bids))
                .put("asks", levelsToJson(asks));
    }

    private JsonArray levelsToJson(List<BookLevel> levels) {
        JsonArray array = new JsonArray();
        for (BookLevel level : levels) {
            array.add(level.toJson(priceScale));
        }
        return array;
    }

    public static BookUpdate fromJson(JsonObject json) {
        EventJson.expectType(json, JSON_TYPE);
        int scale = (int) EventJson.number(json, "priceScale");
        return new BookUpdate(EventJson.string(json, "instrument"), EventJson.string(json, "venue"),
                EventJson.string(json, "source"), EventJson.number(json, "seq"),
                EventJson.number(json, "exchangeTimeNanos"), EventJson.number(json, "receiveTimeNanos"), scale,
                (int) EventJson.number(json, "sizeScale"), json.getBoolean("snapshot", false),
                levelsFromJson(json, "bids", scale),
                levelsFromJson(json, "asks", scale));
    }

    private static List<BookLevel> levelsFromJson(JsonObject json, String key, int scale) {
        Object value = json.getValue(key);
        if (!(value instanceof JsonArray array)) {
            throw new IllegalArgumentException("event JSON field must be an array: field=" + key + ", value=" + value);
        }
        List<BookLevel> levels = new ArrayList<>(array.size());
        for (Object level : array) {
            if (!(level instanceof JsonArray pair)) {
                throw new IllegalArgumentException("book level must be an array: field=" + key + ", value=" + level);
            }
            levels.add(BookLevel.fromJson(pair, scale));
        }
        return levels;
    }
}
