package tickbus.feed.soupbintcp;

import io.vertx.core.json.JsonObject;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.event.MarketEvent;
import tickbus.event.Quote;
import tickbus.event.Trade;
import tickbus.feed.FeedSettings;
import tickbus.feed.FeedVerticle;
import tickbus.sim.itch.ItchMessageSource;
import tickbus.sim.itch.ItchSimServer;
import tickbus.sim.itch.ItchSimSettings;
import tickbus.testing.Await;
import tickbus.testing.FeedHarness;
import tickbus.testing.ItchFlowGenerator;
import tickbus.testing.ListItchSource;

/**
 * A scripted SoupBinTCP session: the ITCH simulator serving prepared messages on loopback, a soupbintcp feed (with
 * the harness's hand-moved clock) logging in to it, and a strategy's subscriptions recording what arrives.
 */
final class ItchFeedScenario implements AutoCloseable {

    final FeedHarness harness;
    ItchSimServer sim;
    SoupBinTcpFeedProtocol protocol;
    FeedVerticle feed;

    /** The feed runs on the harness's hand-moved clock. */
    ItchFeedScenario() {
        this(null);
    }

    /** The feed runs on {@code feedClock} (null: the harness's hand-moved clock). */
    ItchFeedScenario(InstantSource feedClock) {
        harness = new FeedHarness(feedClock);
    }

    /** Start the simulator on an ephemeral port with these messages (prepared at start) and overrides. */
    ItchSimServer startSim(List<byte[]> messages, JsonObject overrides) {
        return startSim(new ListItchSource(messages), new JsonObject().put("totalMessages",
                Math.max(1, messages.size())).mergeIn(overrides, true));
    }

    /** Start the simulator on an ephemeral port serving {@code source}, with overrides. */
    ItchSimServer startSim(ItchMessageSource source, JsonObject overrides) {
        JsonObject json = new JsonObject().put("port", 0).put("messagesPerSecond", 0).put("endOfSessionWhenDone", false)
                .put("clientTimeoutMillis", 3_600_000).put("heartbeatMillis", 200).mergeIn(overrides, true);
        sim = Await.result(ItchSimServer.start(harness.vertx, ItchSimSettings.fromJson(json, "sim"), source,
                InstantSource.system()));
        return sim;
    }

    /** Deploy the feed against the simulator; {@code settings} and {@code feed} override the defaults. */
    FeedVerticle deployFeed(JsonObject settings, JsonObject feedOverrides) {
        return deployFeed(sim.port(), settings, feedOverrides);
    }

    /** Deploy the feed against another server. */
    FeedVerticle deployFeedOn(int port, JsonObject settings) {
        return deployFeed(port, settings, new JsonObject());
    }

    FeedVerticle deployFeed(int port, JsonObject settings, JsonObject feedOverrides) {
        JsonObject protocolSettings = new JsonObject().put("port", port).put("expectedOrders", 16_384)
                .mergeIn(settings, true);
        FeedSettings feedSettings = harness.settings(new JsonObject().put("venue", "XNAS")
                .put("protocol", "soupbintcp").put("heartbeatTimeoutMillis", 5_000)
                .put("silenceThresholdMillis", 60_000).put("settings", protocolSettings).mergeIn(feedOverrides, true));
        protocol = (SoupBinTcpFeedProtocol) new SoupBinTcpFeedProtocolProvider().create(feedSettings,
                "config.settings");
        feed = harness.deploy(feedSettings, protocol);
        return feed;
    }

    void subscribe(String... instruments) {
        for (String instrument : instruments) {
            harness.subscribe(instrument);
        }
    }

    /** The trades received for an instrument, as {@link ItchFlowGenerator#describeTrade} writes them. */
    List<String> trades(String instrument) {
        List<String> trades = new ArrayList<>();
        for (MarketEvent event : harness.received) {
            if (event instanceof Trade trade && trade.instrument().equals(instrument)) {
                trades.add(ItchFlowGenerator.describeTrade(trade.instrument(), trade.price(), trade.size(),
                        trade.aggressor().name(), trade.tradeId(), trade.type().name()));
            }
        }
        return trades;
    }

    /** Every trade the flow made for these instruments arrives once, in order. */
    void assertEveryTradeOnceInOrder(ItchFlowGenerator flow, String... instruments) {
        for (String instrument : instruments) {
            List<String> expected = tradesOf(flow.expectedTrades(), instrument);
            awaitTrades(instrument, expected.size());
            org.junit.jupiter.api.Assertions.assertEquals(expected, trades(instrument), instrument);
        }
    }

    /** Expected trades of one instrument, from the generator's list of all trades. */
    static List<String> tradesOf(List<String> allTrades, String instrument) {
        return allTrades.stream().filter(trade -> trade.startsWith(instrument + " ")).toList();
    }

    Quote lastQuote(String instrument) {
        Quote last = null;
        for (MarketEvent event : harness.received) {
            if (event instanceof Quote quote && quote.instrument().equals(instrument)) {
                last = quote;
            }
        }
        return last;
    }

    List<InstrumentStatus> statuses(InstrumentState state) {
        return harness.statuses(state);
    }

    void awaitTrades(String instrument, int count) {
        Await.until(count + " trades of " + instrument, java.time.Duration.ofSeconds(30),
                () -> trades(instrument).size() >= count,
                () -> "received " + trades(instrument).size() + "; feed " + harness.describeStates());
    }

    void awaitDecoded(long messages) {
        Await.until(messages + " messages decoded", java.time.Duration.ofSeconds(30),
                () -> protocol.decodedMessages() == messages,
                () -> "decoded " + protocol.decodedMessages() + "; feed " + harness.describeStates());
    }

    @Override
    public void close() {
        harness.close();
    }
}
