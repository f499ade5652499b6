package tickbus.feed;

import io.vertx.core.json.JsonObject;

/**
 * One gap a feed saw: the missing sequence numbers {@code from..to} of a stream, when it opened, and how long
 * recovery took ({@code -1} while open). A gap the source cannot replay is {@code lost}: never recovered.
 */
public record GapRecord(String feed, String stream, long from, long to, long openedMillis, long recoveryMillis,
        boolean lost) {

    public long messages() {
        return to - from + 1;
    }

    public boolean recovered() {
        return recoveryMillis >= 0;
    }

    GapRecord healed(long durationMillis) {
        return new GapRecord(feed, stream, from, to, openedMillis, durationMillis, false);
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("feed", feed).put("stream", stream).put("from", from).put("to", to)
                .put("messages", messages()).put("openedMillis", openedMillis).put("lost", lost)
                .put("recovered", recovered());
        return recovered() ? json.put("recoveryMillis", recoveryMillis) : json;
    }
}
