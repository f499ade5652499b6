package tickbus.strategy.examples

import io.vertx.core.json.JsonObject
import io.vertx.kotlin.coroutines.CoroutineVerticle
import io.vertx.kotlin.coroutines.coAwait
import java.math.BigDecimal
import java.math.MathContext
import java.math.RoundingMode
import java.util.EnumSet
import tickbus.config.ConfigReader
import tickbus.event.EventKind
import tickbus.event.InstrumentState
import tickbus.event.InstrumentStatus
import tickbus.event.MarketEvent
import tickbus.event.Quote
import tickbus.strategy.StrategyContext

/**
 * Cross-venue spread between two listings of one instrument (e.g. `XNAS:AAPL` against `BATS:AAPL`): the mid
 * difference in basis points, and an arbitrage flag when one venue's bid crosses the other's ask. Publishes on each
 * two-sided quote of either leg at `tickbus.strategy.<name>`:
 * `{legA, legB, seqA, seqB, midA, midB, spreadBps, arbitrage: BUY_A_SELL_B|BUY_B_SELL_A|null, edge}`. A leg whose
 * quote turns one-sided, or that is halted, paused, stale or reset, has no price until its next two-sided quote.
 */
class CrossVenueSpreadStrategy : CoroutineVerticle() {

    /** This strategy's configuration slice. */
    data class Settings(val name: String, val legA: String, val legB: String) {
        companion object {
            @JvmStatic
            fun fromJson(json: JsonObject, path: String): Settings {
                val reader = ConfigReader(json, path)
                val settings = Settings(reader.string("name", "cross-venue-spread"), reader.string("legA"),
                    reader.string("legB"))
                if (settings.legA == settings.legB) {
                    throw reader.error("legB", "value=\"${settings.legB}\"; expected a different instrument than legA")
                }
                reader.rejectUnknownKeys()
                return settings
            }
        }
    }

    private lateinit var strategy: StrategyContext
    private lateinit var settings: Settings
    private var quoteA: Quote? = null
    private var quoteB: Quote? = null

    override suspend fun start() {
        settings = Settings.fromJson(config, "config")
        strategy = StrategyContext.of(vertx, settings.name)
        val quotes = EnumSet.of(EventKind.QUOTE)
        strategy.subscribe(settings.legA, quotes) { event -> onEvent(event) }.coAwait()
        strategy.subscribe(settings.legB, quotes) { event -> onEvent(event) }.coAwait()
    }

    override suspend fun stop() {
        strategy.close().coAwait()
    }

    private fun onEvent(event: MarketEvent) {
        // A one-sided quote withdraws the other side, and a halt, stale data or a reset voids the quote held: either
        // way the leg's last two-sided quote is no longer a price to cross against.
        val current = when {
            event is Quote && event.hasBid() && event.hasAsk() -> event
            event is Quote -> null
            event is InstrumentStatus && event.state() in VOIDING -> null
            else -> return
        }
        if (event.instrument() == settings.legA) quoteA = current else quoteB = current
        val a = quoteA ?: return
        val b = quoteB ?: return
        strategy.publish(spread(a, b))
    }

    private fun spread(a: Quote, b: Quote): JsonObject {
        val midA = mid(a)
        val midB = mid(b)
        val spreadBps = (midA - midB).multiply(BASIS_POINTS).divide(midB, MathContext.DECIMAL64)
            .setScale(2, RoundingMode.HALF_EVEN)
        val (arbitrage, edge) = when {
            b.bid() > a.ask() -> "BUY_A_SELL_B" to b.bid() - a.ask()
            a.bid() > b.ask() -> "BUY_B_SELL_A" to a.bid() - b.ask()
            else -> null to BigDecimal.ZERO
        }
        return JsonObject().put("legA", a.instrument()).put("legB", b.instrument())
            .put("seqA", a.sequence()).put("seqB", b.sequence())
            .put("midA", midA.toPlainString()).put("midB", midB.toPlainString())
            .put("spreadBps", spreadBps.toPlainString()).put("arbitrage", arbitrage)
            .put("edge", edge.stripTrailingZeros().toPlainString())
    }

    private companion object {
        val BASIS_POINTS: BigDecimal = BigDecimal.valueOf(10_000)
        val TWO: BigDecimal = BigDecimal.valueOf(2)
        val VOIDING: Set<InstrumentState> = EnumSet.of(InstrumentState.HALTED, InstrumentState.PAUSED,
            InstrumentState.STALE, InstrumentState.RESET, InstrumentState.SUBSCRIPTION_FAILED,
            InstrumentState.END_OF_SESSION)

        fun mid(quote: Quote): BigDecimal = (quote.bid() + quote.ask()).divide(TWO)
    }
}
