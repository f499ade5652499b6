package tickbus.sim.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tickbus.event.MarketEvent;
import tickbus.event.Quote;
import tickbus.event.Trade;
import tickbus.normalize.redisjson.RedisJsonIngest;
import tickbus.normalize.redisjson.RedisJsonNormalizer;
import tickbus.protocol.redisjson.DeadLetterLog;
import tickbus.protocol.redisjson.PayloadFormat;
import tickbus.protocol.redisjson.RedisJsonLimits;

/** The simulator's commands: what it publishes decodes back to what it generated, numbered per channel. */
class RedisMarketSimulatorTest {

    private static RedisSimSettings settings(JsonObject overrides) {
        return RedisSimSettings.fromJson(new JsonObject().put("symbols", new JsonArray().add("BTC-USD").add("ETH-USD"))
                .mergeIn(overrides), "config");
    }

    @Test
    void pubSubPayloadsDecodeToTheGeneratedEventsWithOneCounterPerChannel() {
        RedisMarketSimulator simulator = new RedisMarketSimulator(settings(new JsonObject()));
        List<MarketEvent> decoded = new ArrayList<>();
        RedisJsonNormalizer normalizer = new RedisJsonNormalizer("sim", "XRDS", false,
                RedisJsonNormalizer.SequenceCheck.ADMIT_ALL, decoded::add);
        RedisJsonIngest ingest = new RedisJsonIngest(RedisJsonLimits.DEFAULTS, 8, 8, normalizer,
                new DeadLetterLog(4, 4096, 64));
        Map<String, Long> lastByChannel = new HashMap<>();
        for (int i = 0; i < 1_000; i++) {
            MarketEvent event = simulator.next(1_700_000_000_000_000_000L + i);
            List<String> command = simulator.command(event);
            assertEquals("PUBLISH", command.get(0));
            String channel = command.get(1);
            assertEquals(event instanceof Quote ? "md:" + symbol(event) + ":quotes" : "md:" + symbol(event) + ":trades",
                    channel);
            assertEquals(lastByChannel.getOrDefault(channel, 0L) + 1, event.sequence(), "one counter per channel");
            lastByChannel.put(channel, event.sequence());
            byte[] payload = command.get(2).getBytes(StandardCharsets.UTF_8);
            ingest.accept(channel, PayloadFormat.TICKBUS, payload, 0, payload.length, 0);
            MarketEvent back = decoded.get(decoded.size() - 1);
            if (event instanceof Quote quote) {
                Quote q = (Quote) back;
                assertEquals(List.of(quote.bidPrice(), quote.bidSize(), quote.askPrice(), quote.askSize()),
                        List.of(q.bidPrice(), q.bidSize(), q.askPrice(), q.askSize()));
                assertTrue(quote.bidPrice() < quote.askPrice());
            } else {
                Trade trade = (Trade) event;
                Trade t = (Trade) back;
                assertEquals(List.of(trade.price(), trade.size(), trade.tradeId(), trade.aggressor()),
                        List.of(t.price(), t.size(), t.tradeId(), t.aggressor()));
            }
        }
        assertTrue(decoded.stream().filter(Trade.class::isInstance).count() > 100, "about one event in five trades");
    }

    @Test
    void cryptofeedStreamsGetOneFieldPerValueAsCryptofeedWritesThem() {
        RedisMarketSimulator simulator = new RedisMarketSimulator(settings(new JsonObject().put("mode", "stream")
                .put("payload", "cryptofeed").put("venue", "COINBASE").put("streamMaxLength", 500)));
        MarketEvent event = simulator.next(1_618_677_817_089_723_000L);
        while (!(event instanceof Trade)) {
            event = simulator.next(1_618_677_817_089_723_000L);
        }
        List<String> command = simulator.command(event);
        assertEquals(List.of("XADD", "trades-COINBASE-" + symbol(event), "MAXLEN", "~", "500", "*", "exchange",
                "COINBASE", "symbol", symbol(event)), command.subList(0, 10));
        assertEquals(List.of("type", "None", "timestamp", "1618677817.089723"), command.subList(18, 22));
    }

    @Test
    void tickbusStreamsCarryTheJsonInThePayloadField() {
        RedisMarketSimulator simulator = new RedisMarketSimulator(settings(new JsonObject().put("mode", "stream")));
        List<String> command = simulator.command(simulator.next(1));
        assertEquals("data", command.get(6));
        assertTrue(command.get(7).startsWith("{\"v\":1,\"type\":"), command.get(7));
    }

    private static String symbol(MarketEvent event) {
        return event.instrument().substring(event.instrument().indexOf(':') + 1);
    }
}
