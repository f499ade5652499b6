package tickbus.strategy.examples;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tickbus.Addresses;
import tickbus.config.ConfigReader;
import tickbus.event.EventKind;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.event.MarketEvent;
import tickbus.event.Quote;
import tickbus.event.Trade;
import tickbus.event.TradeType;
import tickbus.strategy.MarketData;
import tickbus.strategy.StrategyVerticle;

/**
 * Tracks mid, spread (in basis points) and trade VWAP per instrument, exactly, and publishes them every
 * {@code publishIntervalMillis} at {@code tickbus.strategy.<name>}: mid and spread are null while a side is missing
 * or since a {@code RESET}, until the next two-sided quote. A broken trade undoes the trade it names when that
 * is one of the last {@value #MAX_REMEMBERED_TRADES} counted for the instrument.
 */
public final class MidSpreadStrategy extends StrategyVerticle {

    private static final Logger LOG = LoggerFactory.getLogger(MidSpreadStrategy.class);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal BASIS_POINTS = BigDecimal.valueOf(10_000);
    private static final int MAX_REMEMBERED_TRADES = 10_000;

    /** This strategy's configuration slice. */
    public record Settings(String name, List<String> instruments, long publishIntervalMillis) {

        public static Settings fromJson(JsonObject json, String path) {
            ConfigReader reader = new ConfigReader(json, path);
            Settings settings = new Settings(reader.string("name", "mid-spread"), reader.strings("instruments"),
                    reader.longValue("publishIntervalMillis", 1_000, 10, 3_600_000));
            if (settings.instruments().isEmpty()) {
                throw reader.error("instruments", "missing or empty; expected instruments such as [\"XNAS:AAPL\"]");
            }
            reader.rejectUnknownKeys();
            return settings;
        }
    }

    private final Map<String, InstrumentStats> stats = new TreeMap<>();
    private Settings settings;

    private static final class InstrumentStats {
        BigDecimal mid;
        BigDecimal spreadBps;
        BigDecimal notional = BigDecimal.ZERO;
        BigDecimal volume = BigDecimal.ZERO;
        long trades;
        long quotes;
        /** The latest trades counted, by trade id: a break undoes the trade counted, not what the break carries. */
        final Map<String, Trade> counted = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Trade> eldest) {
                return size() > MAX_REMEMBERED_TRADES;
            }
        };

        void add(Trade trade, int sign) {
            BigDecimal size = sign < 0 ? trade.sizeDecimal().negate() : trade.sizeDecimal();
            trades += sign;
            volume = volume.add(size);
            notional = notional.add(trade.priceDecimal().multiply(size));
        }
    }

    @Override
    public Future<?> start() {
        settings = Settings.fromJson(config(), "config");
        settings.instruments().forEach(instrument -> stats.put(instrument, new InstrumentStats()));
        vertx.setPeriodic(settings.publishIntervalMillis(), id -> publish());
        return subscribeAll(settings.instruments(), EnumSet.of(EventKind.QUOTE, EventKind.TRADE),
                MarketData.Delivery.EVERY, this::onEvent);
    }

    private void onEvent(MarketEvent event) {
        InstrumentStats instrument = stats.get(event.instrument());
        if (event instanceof Quote quote && quote.hasBid() && quote.hasAsk()) {
            instrument.quotes++;
            instrument.mid = quote.bid().add(quote.ask()).divide(TWO);
            instrument.spreadBps = quote.ask().subtract(quote.bid()).multiply(BASIS_POINTS)
                    .divide(instrument.mid, MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_EVEN);
        } else if (event instanceof Quote || event instanceof InstrumentStatus status
                && status.state() == InstrumentState.RESET) {
            // A side withdrawn leaves no mid; a reset voids the quote it came from.
            instrument.mid = null;
            instrument.spreadBps = null;
        } else if (event instanceof Trade trade && trade.type() != TradeType.BROKEN) {
            instrument.add(trade, 1);
            instrument.counted.put(trade.tradeId(), trade);
        } else if (event instanceof Trade broken) {
            // A break may carry price and size 0 (the feed forgot the trade), or name a trade never counted here.
            Trade counted = instrument.counted.remove(broken.tradeId());
            if (counted == null) {
                LOG.warn("{}: broken trade not among the last {} counted, VWAP unchanged: instrument={}, tradeId={}, "
                        + "seq={}", settings.name(), MAX_REMEMBERED_TRADES, broken.instrument(), broken.tradeId(),
                        broken.sequence());
                return;
            }
            instrument.add(counted, -1);
        }
    }

    private void publish() {
        stats.forEach((instrument, current) -> {
            if (current.quotes == 0 && current.trades == 0) {
                return;
            }
            JsonObject output = new JsonObject().put("instrument", instrument)
                    .put("mid", plain(current.mid)).put("spreadBps", plain(current.spreadBps))
                    .put("vwap", current.volume.signum() == 0 ? null : plain(current.notional.divide(
                            current.volume, MathContext.DECIMAL64).setScale(6, RoundingMode.HALF_EVEN)))
                    .put("volume", plain(current.volume)).put("trades", current.trades).put("quotes", current.quotes);
            vertx.eventBus().publish(Addresses.strategyOutput(settings.name()), output);
            LOG.info("{}: {} mid={} spreadBps={} vwap={} trades={} quotes={}", settings.name(), instrument,
                    output.getString("mid"), output.getString("spreadBps"), output.getString("vwap"), current.trades,
                    current.quotes);
        });
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
