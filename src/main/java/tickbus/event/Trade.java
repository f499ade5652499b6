package tickbus.event;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.Objects;

/** A trade; {@link TradeType#BROKEN} undoes the earlier trade with the same {@code tradeId}. */
public record Trade(String instrument, String venue, String source, long sequence, long exchangeTimeNanos,
        long receiveTimeNanos, int priceScale, int sizeScale, long price, long size, Side aggressor, String tradeId,
        TradeType type) implements MarketEvent {

    static final String JSON_TYPE = "trade";

    public Trade {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(aggressor, "aggressor");
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(type, "type");
        Prices.checkScale(priceScale);
        Prices.checkScale(sizeScale, "sizeScale");
    }

    @Override
    public EventKind kind() {
        return EventKind.TRADE;
    }

    public BigDecimal priceDecimal() {
        return Prices.toDecimal(price, priceScale);
    }

    /** The traded size as a decimal at {@link #sizeScale()}. */
    public BigDecimal sizeDecimal() {
        return Prices.toDecimal(size, sizeScale);
    }

    @Override
    public JsonObject toJson() {
        return EventJson.header(JSON_TYPE, instrument, venue, source, sequence, exchangeTimeNanos, receiveTimeNanos)
                .put("priceScale", priceScale)
                .put("sizeScale", sizeScale)
                .put("price", Prices.format(price, priceScale))
                .put("size", size)
                .put("aggressor", aggressor.name())
                .put("tradeId", tradeId)
                .put("tradeType", type.name());
    }

    public static Trade fromJson(JsonObject json) {
        EventJson.expectType(json, JSON_TYPE);
        int scale = (int) EventJson.number(json, "priceScale");
        return new Trade(EventJson.string(json, "instrument"), EventJson.string(json, "venue"),
                EventJson.string(json, "source"), EventJson.number(json, "seq"),
                EventJson.number(json, "exchangeTimeNanos"), EventJson.number(json, "receiveTimeNanos"), scale,
                (int) EventJson.number(json, "sizeScale"), EventJson.price(json, "price", scale),
                EventJson.number(json, "size"),
                EventJson.enumValue(json, "aggressor", Side.class), EventJson.string(json, "tradeId"),
                EventJson.enumValue(json, "tradeType", TradeType.class));
    }
}
