package tickbus.feed.soupbintcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import tickbus.event.BookLevel;
import tickbus.event.EventKind;
import tickbus.event.Quote;
import tickbus.event.Trade;
import tickbus.strategy.MarketData;
import tickbus.strategy.MarketDataSubscription;
import tickbus.testing.Await;
import tickbus.testing.ItchFlowGenerator;
import tickbus.testing.ReferenceBook;

/**
 * Faults: a stream of 1,000,000 ITCH messages for 50 instruments with the connection reset (TCP RST, bytes in
 * flight discarded) at 60 seeded random byte offsets, many of them inside a packet. The strategy receives every
 * trade exactly once and in order, and every instrument's final best bid and offer equals the reference book's:
 * nothing lost, nothing duplicated, nothing reordered.
 */
class ResetFaultsIT {

    private static final long SEED = 20_240_501L;
    private static final int INSTRUMENTS = 50;
    private static final int MESSAGES = 1_000_000;
    private static final int RESETS = 60;

    private final Map<String, List<String>> trades = new ConcurrentHashMap<>();
    private final Map<String, Quote> lastQuotes = new ConcurrentHashMap<>();

    @Test
    void everyTradeOnceInOrderAndTheFinalBookAcross60Resets() {
        ItchFlowGenerator flow = new ItchFlowGenerator(SEED, INSTRUMENTS);
        List<byte[]> messages = flow.start();
        while (messages.size() < MESSAGES) {
            messages.add(flow.next());
        }
        try (ItchFeedScenario scenario = new ItchFeedScenario()) {
            scenario.startSim(messages, new JsonObject());
            scenario.sim.faults().resetAtStreamOffsets(resetOffsets(scenario.sim.streamBytes()));
            List<MarketDataSubscription> subscriptions = subscribeAll(scenario);
            scenario.deployFeed(new JsonObject(), new JsonObject().put("maxBatchFrames", 4_096));

            scenario.awaitDecoded(MESSAGES);
            for (int locate = 1; locate <= INSTRUMENTS; locate++) {
                String instrument = "XNAS:" + ItchFlowGenerator.symbol(locate);
                List<String> expected = ItchFeedScenario.tradesOf(flow.expectedTrades(), instrument);
                Await.until("trades of " + instrument, Duration.ofSeconds(30),
                        () -> trades.get(instrument).size() >= expected.size(),
                        () -> trades.get(instrument).size() + " of " + expected.size());
                assertEquals(expected, List.copyOf(trades.get(instrument)), instrument);
                assertBestBidAndOffer(flow.reference(), locate, instrument);
            }

            assertEquals(RESETS, scenario.sim.stats().resets());
            assertEquals(RESETS + 1, scenario.feed.metrics().connects());
            assertEquals(0, scenario.feed.metrics().gaps());
            assertEquals(0, subscriptions.stream().mapToLong(MarketDataSubscription::duplicatesDropped).sum());
        }
    }

    private void assertBestBidAndOffer(ReferenceBook reference, int locate, String instrument) {
        Await.until("the final quote of " + instrument, () -> {
            Quote last = lastQuotes.get(instrument);
            return last != null && last.bidPrice() == reference.bestBid(locate)
                    && last.askPrice() == reference.bestAsk(locate);
        });
        Quote last = lastQuotes.get(instrument);
        List<BookLevel> bids = reference.bids(locate);
        List<BookLevel> asks = reference.asks(locate);
        assertEquals(bids.isEmpty() ? 0 : bids.get(0).size(), last.bidSize(), instrument);
        assertEquals(asks.isEmpty() ? 0 : asks.get(0).size(), last.askSize(), instrument);
    }

    private List<MarketDataSubscription> subscribeAll(ItchFeedScenario scenario) {
        MarketData marketData = MarketData.create(scenario.harness.vertx);
        List<MarketDataSubscription> subscriptions = new ArrayList<>();
        for (int locate = 1; locate <= INSTRUMENTS; locate++) {
            String instrument = "XNAS:" + ItchFlowGenerator.symbol(locate);
            List<String> received = Collections.synchronizedList(new ArrayList<>());
            trades.put(instrument, received);
            subscriptions.add(Await.result(marketData.subscribe(instrument, EnumSet.of(EventKind.QUOTE,
                    EventKind.TRADE), event -> {
                        if (event instanceof Trade trade) {
                            received.add(ItchFlowGenerator.describeTrade(trade.instrument(), trade.price(),
                                    trade.size(), trade.aggressor().name(), trade.tradeId(), trade.type().name()));
                        } else if (event instanceof Quote quote) {
                            lastQuotes.put(instrument, quote);
                        }
                    })));
        }
        return subscriptions;
    }

    private static TreeSet<Long> resetOffsets(long streamBytes) {
        SplittableRandom random = new SplittableRandom(SEED);
        TreeSet<Long> offsets = new TreeSet<>();
        while (offsets.size() < RESETS) {
            offsets.add(1 + random.nextLong(streamBytes - 1));
        }
        return offsets;
    }
}
