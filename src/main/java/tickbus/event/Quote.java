package tickbus.event;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Best bid and offer. Prices are mantissas at {@code priceScale}; an empty side has size 0 and price 0; a side
 * whose price the venue gave without a size (e.g. a ticker) has size {@link #SIZE_UNKNOWN}.
 */
public record Quote(String instrument, String venue, String source, long sequence, long exchangeTimeNanos,
        long receiveTimeNanos, int priceScale, int sizeScale, long bidPrice, long bidSize, long askPrice, long askSize)
        implements MarketEvent {

    static final String JSON_TYPE = "quote";

    /** The size of a side the venue priced without saying how much. */
    public static final long SIZE_UNKNOWN = -1;

    public Quote {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(source, "source");
        Prices.checkScale(priceScale);
        Prices.checkScale(sizeScale, "sizeScale");
    }

    @Override
    public EventKind kind() {
        return EventKind.QUOTE;
    }

    public BigDecimal bid() {
        return Prices.toDecimal(bidPrice, priceScale);
    }

    public BigDecimal ask() {
        return Prices.toDecimal(askPrice, priceScale);
    }

    /** The bid size as a decimal at {@link #sizeScale()}; null when the venue did not say ({@link #SIZE_UNKNOWN}). */
    public BigDecimal bidSizeDecimal() {
        return bidSize == SIZE_UNKNOWN ? null : Prices.toDecimal(bidSize, sizeScale);
    }

    /** The ask size as a decimal at {@link #sizeScale()}; null when the venue did not say ({@link #SIZE_UNKNOWN}). */
    public BigDecimal askSizeDecimal() {
        return askSize == SIZE_UNKNOWN ? null : Prices.toDecimal(askSize, sizeScale);
    }

    /** Whether the bid side has a price (its size may be {@link #SIZE_UNKNOWN}). */
    public boolean hasBid() {
        return bidSize != 0;
    }

    /** Whether the ask side has a price (its size may be {@link #SIZE_UNKNOWN}). */
    public boolean hasAsk() {
        return askSize != 0;
    }

    @Override
    public JsonObject toJson() {
        return EventJson.header(JSON_TYPE, instrument, venue, source, sequence, exchangeTimeNanos, receiveTimeNanos)
                .put("priceScale", priceScale)
                .put("sizeScale", sizeScale)
                .put("bid", Prices.format(bidPrice, priceScale))
                .put("bidSize", bidSize)
                .put("ask", Prices.format(askPrice, priceScale))
                .put("askSize", askSize);
    }

    public static Quote fromJson(JsonObject json) {
        EventJson.expectType(json, JSON_TYPE);
        int scale = (int) EventJson.number(json, "priceScale");
        return new Quote(EventJson.string(json, "instrument"), EventJson.string(json, "venue"),
                EventJson.string(json, "source"), EventJson.number(json, "seq"),
                EventJson.number(json, "exchangeTimeNanos"), EventJson.number(json, "receiveTimeNanos"), scale,
                (int) EventJson.number(json, "sizeScale"),
                EventJson.price(json, "bid", scale), EventJson.number(json, "bidSize"),
                EventJson.price(json, "ask", scale), EventJson.number(json, "askSize"));
    }
}
