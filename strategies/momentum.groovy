// Momentum from trades: a fast and a slow exponential moving average of the traded price, in exact decimals.
// The fast average above the slow one is upward momentum; a cross is the signal a trader acts on.
// Deploy: {"name": "momentum", "verticle": "groovy:strategies/momentum.groovy", "worker": true,
//          "config": {"instruments": ["XSIM:AAPL"], "fastPeriod": 5, "slowPeriod": 20}}
// Output at tickbus.strategy.<name>, after slowPeriod trades, on every trade:
//   {instrument, seq, price, emaFast, emaSlow, momentumBps, signal: UP|DOWN|FLAT, crossed}
// crossed: the signal is UP and the last one not FLAT was DOWN, or the other way round.
import groovy.transform.CompileStatic
import groovy.transform.Field
import io.vertx.core.Promise
import io.vertx.core.json.JsonArray
import java.math.MathContext
import java.math.RoundingMode
import tickbus.event.Trade
import tickbus.event.TradeType
import tickbus.strategy.MarketData
import tickbus.strategy.StrategyContext

@Field final MathContext MATH = MathContext.DECIMAL64
@Field StrategyContext strategy
@Field List<String> instruments
@Field int fastPeriod
@Field int slowPeriod
@Field BigDecimal fastAlpha
@Field BigDecimal slowAlpha
@Field final Map<String, Averages> state = [:]

// The script body runs once at deployment, with `vertx` bound; vertxStart then completes the deployment.
strategy = StrategyContext.of(vertx, 'momentum')
instruments = strategy.config().getJsonArray('instruments', new JsonArray()).list
fastPeriod = strategy.config().getInteger('fastPeriod', 5)
slowPeriod = strategy.config().getInteger('slowPeriod', 20)
if (instruments.isEmpty() || fastPeriod < 1 || slowPeriod <= fastPeriod) {
    throw new IllegalArgumentException("momentum needs config.instruments, and 1 <= fastPeriod < slowPeriod: " +
            "instruments=${instruments}, fastPeriod=${fastPeriod}, slowPeriod=${slowPeriod}")
}
fastAlpha = smoothing(fastPeriod)
slowAlpha = smoothing(slowPeriod)

/** One instrument's averages. */
class Averages {
    BigDecimal fast
    BigDecimal slow
    int trades
    /** The last UP or DOWN: a cross may touch (FLAT) on its way. */
    String direction
}

@CompileStatic
BigDecimal smoothing(int period) {
    BigDecimal.valueOf(2).divide(BigDecimal.valueOf(period + 1), MATH)
}

@CompileStatic
BigDecimal ema(BigDecimal previous, BigDecimal price, BigDecimal alpha) {
    previous == null ? price : previous.add(alpha.multiply(price.subtract(previous, MATH), MATH), MATH)
}

@CompileStatic
String plain(BigDecimal value) {
    value.setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString()
}

@CompileStatic
void onTrade(Trade trade) {
    if (trade.type() == TradeType.BROKEN) {
        return
    }
    Averages s = state.computeIfAbsent(trade.instrument()) { new Averages() }
    BigDecimal price = trade.priceDecimal()
    s.fast = ema(s.fast, price, fastAlpha)
    s.slow = ema(s.slow, price, slowAlpha)
    s.trades++
    if (s.trades < slowPeriod) {
        return
    }
    int direction = s.fast.compareTo(s.slow)
    String signal = direction > 0 ? 'UP' : direction < 0 ? 'DOWN' : 'FLAT'
    boolean crossed = signal != 'FLAT' && s.direction != null && signal != s.direction
    if (signal != 'FLAT') {
        s.direction = signal
    }
    BigDecimal momentumBps = s.fast.subtract(s.slow, MATH).multiply(BigDecimal.valueOf(10_000), MATH).divide(s.slow, MATH)
    strategy.publish([instrument : trade.instrument(), seq: trade.sequence(), price: price.toPlainString(),
                      emaFast    : plain(s.fast), emaSlow: plain(s.slow),
                      momentumBps: momentumBps.setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                      signal     : signal, crossed: crossed] as Map<String, Object>)
}

void vertxStart(Promise<Void> started) {
    strategy.subscribeAll(instruments, strategy.kinds('trade'), MarketData.Delivery.EVERY) { event ->
        if (event instanceof Trade) {
            onTrade(event)
        }
    }.onComplete(started)
}
