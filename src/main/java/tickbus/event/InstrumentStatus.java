package tickbus.event;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * Trading state or data health of an instrument. For {@link InstrumentState#GAP} and
 * {@link InstrumentState#RECOVERED}, {@code gapFrom..gapTo} is the inclusive range of missing source sequence
 * numbers; otherwise both are 0.
 */
public record InstrumentStatus(String instrument, String venue, String source, long sequence,
        long exchangeTimeNanos, long receiveTimeNanos, InstrumentState state, long gapFrom, long gapTo,
        String reason) implements MarketEvent {

    static final String JSON_TYPE = "status";

    public InstrumentStatus {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public EventKind kind() {
        return EventKind.STATUS;
    }

    /** How many sequence numbers the gap spans (0 when this is not a gap). */
    public long gapLength() {
        return gapTo >= gapFrom && gapFrom > 0 ? gapTo - gapFrom + 1 : 0;
    }

    @Override
    public JsonObject toJson() {
        return EventJson.header(JSON_TYPE, instrument, venue, source, sequence, exchangeTimeNanos, receiveTimeNanos)
                .put("state", state.name())
                .put("gapFrom", gapFrom)
                .put("gapTo", gapTo)
                .put("reason", reason);
    }

    public static InstrumentStatus fromJson(JsonObject json) {
        EventJson.expectType(json, JSON_TYPE);
        return new InstrumentStatus(EventJson.string(json, "instrument"), EventJson.string(json, "venue"),
                EventJson.string(json, "source"), EventJson.number(json, "seq"),
                EventJson.number(json, "exchangeTimeNanos"), EventJson.number(json, "receiveTimeNanos"),
                EventJson.enumValue(json, "state", InstrumentState.class), EventJson.number(json, "gapFrom"),
                EventJson.number(json, "gapTo"), EventJson.string(json, "reason"));
    }
}
