package tickbus.normalize.fixml;

import java.util.Objects;
import tickbus.event.Prices;

/**
 * How FIXML entries become events.
 *
 * @param venue MIC of the instruments, e.g. {@code XCME}; instrument ids are {@code VENUE:Sym}
 * @param source the feed's source id carried by every event
 * @param priceScale decimal scale of all prices; must equal the decoder's
 * @param maturityInInstrumentId when true and an {@code Instrmt} has {@code MMY}, the id is
 *     {@code VENUE:Sym-MMY} (one instrument per contract month or forward date)
 * @param maxInstruments most instruments tracked; entries for further ones are dropped and counted
 * @param maxLevelsPerSide most price levels kept per book side, the best ones: on a full side a new level better
 *     than the worst evicts it, a worse one is dropped; both are counted
 */
public record FixmlNormalizerConfig(String venue, String source, int priceScale, boolean maturityInInstrumentId,
        int maxInstruments, int maxLevelsPerSide) {

    public static final String DEFAULT_VENUE = "XCME";
    public static final int DEFAULT_PRICE_SCALE = 8;
    public static final int DEFAULT_MAX_INSTRUMENTS = 100_000;
    public static final int DEFAULT_MAX_LEVELS_PER_SIDE = 1_000;

    public FixmlNormalizerConfig {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(source, "source");
        Prices.powerOfTen(priceScale);
        if (maxInstruments <= 0 || maxLevelsPerSide <= 0) {
            throw new IllegalArgumentException("limits must be positive: maxInstruments=" + maxInstruments
                    + ", maxLevelsPerSide=" + maxLevelsPerSide);
        }
    }

    /**
     * The id of an instrument's events: {@code VENUE:Sym}, or {@code VENUE:Sym-MMY} when it has a maturity and
     * {@link #maturityInInstrumentId}.
     */
    public String instrumentId(String symbol, String maturity) {
        boolean withMaturity = maturity != null && maturityInInstrumentId;
        return venue + ":" + symbol + (withMaturity ? "-" + maturity : "");
    }

    /** Defaults for {@code source}: venue XCME, scale 8, maturity in the id. */
    public static FixmlNormalizerConfig defaults(String source) {
        return new FixmlNormalizerConfig(DEFAULT_VENUE, source, DEFAULT_PRICE_SCALE, true, DEFAULT_MAX_INSTRUMENTS,
                DEFAULT_MAX_LEVELS_PER_SIDE);
    }
}
