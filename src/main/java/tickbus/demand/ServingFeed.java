package tickbus.demand;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * A feed's answer to a snapshot request, sent to the reply address before the snapshot itself: the node and the
 * source serving the instrument, so that the subscriber knows whose departure leaves it without data.
 */
public record ServingFeed(String node, String source) {

    private static final String NODE = "servingNode";
    private static final String SOURCE = "source";

    public ServingFeed {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(source, "source");
    }

    public JsonObject toJson() {
        return new JsonObject().put(NODE, node).put(SOURCE, source);
    }

    /** The answer in {@code json}, or null when {@code json} is not one. */
    public static ServingFeed fromJson(JsonObject json) {
        String node = json.getString(NODE);
        String source = json.getString(SOURCE);
        return node == null || source == null ? null : new ServingFeed(node, source);
    }
}
