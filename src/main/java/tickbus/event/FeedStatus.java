package tickbus.event;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * A feed's connection state after a transition, published at {@code tickbus.feed.<source>.status}.
 * It concerns a whole source, so it carries no instrument; {@code sequence} counts the feed's transitions.
 */
public record FeedStatus(String source, String venue, long sequence, long exchangeTimeNanos, long receiveTimeNanos,
        FeedState state, FeedState previous, String reason, BreakerState breaker, long reconnects)
        implements TickbusEvent {

    static final String JSON_TYPE = "feed";

    public FeedStatus {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(breaker, "breaker");
    }

    @Override
    public JsonObject toJson() {
        return EventJson.header(JSON_TYPE, null, venue, source, sequence, exchangeTimeNanos, receiveTimeNanos)
                .put("state", state.name())
                .put("previous", previous.name())
                .put("reason", reason)
                .put("breaker", breaker.name())
                .put("reconnects", reconnects);
    }

    public static FeedStatus fromJson(JsonObject json) {
        EventJson.expectType(json, JSON_TYPE);
        return new FeedStatus(EventJson.string(json, "source"), EventJson.string(json, "venue"),
                EventJson.number(json, "seq"), EventJson.number(json, "exchangeTimeNanos"),
                EventJson.number(json, "receiveTimeNanos"), EventJson.enumValue(json, "state", FeedState.class),
                EventJson.enumValue(json, "previous", FeedState.class), EventJson.string(json, "reason"),
                EventJson.enumValue(json, "breaker", BreakerState.class), EventJson.number(json, "reconnects"));
    }
}
