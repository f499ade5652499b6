package tickbus.feed.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tickbus.event.FeedState;
import tickbus.event.InstrumentState;
import tickbus.event.Quote;
import tickbus.event.Trade;
import tickbus.feed.SubscriptionState;
import tickbus.strategy.MarketDataSubscription;
import tickbus.testing.Await;
import tickbus.testing.RedisServerProcess;

/** Demand-driven SUBSCRIBE/UNSUBSCRIBE, patterns and the keep-alive, against a real redis-server. */
class RedisPubSubIT {

    private RedisFeedFixture fixture;

    @BeforeEach
    void start() {
        fixture = new RedisFeedFixture(RedisServerProcess.start());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void demandSubscribesAndTheLastReleaseUnsubscribes() {
        fixture.deploy(fixture.redisSettings(new JsonObject()));
        assertEquals(List.of(), fixture.subscribedChannels());

        MarketDataSubscription first = fixture.harness.subscribe("XSIM:AAA");
        MarketDataSubscription second = fixture.harness.subscribe("XSIM:AAA");
        fixture.awaitSubscription("XSIM:AAA", SubscriptionState.ACTIVE);
        assertEquals(List.of("md:AAA:quotes", "md:AAA:trades"), fixture.subscribedChannels());
        assertEquals(2, fixture.protocol.counters().subscribeConfirmations());

        assertEquals(1, fixture.publish("md:AAA:quotes", fixture.quote("AAA", 1)));
        assertEquals(1, fixture.publish("md:AAA:trades", fixture.trade("AAA", 1)));
        Await.until("a quote and a trade, twice (two subscriptions)", () -> fixture.harness.received.size() == 4);
        Quote quote = (Quote) fixture.harness.received.stream().filter(Quote.class::isInstance).findFirst().get();
        assertEquals("10.01000000/250000000 x 10.02000000/150000000", quote.bid().toPlainString() + "/"
                + quote.bidSize() + " x " + quote.ask().toPlainString() + "/" + quote.askSize());
        assertEquals("t1", ((Trade) fixture.harness.received.stream().filter(Trade.class::isInstance).findFirst()
                .get()).tradeId());

        tickbus.testing.Await.result(first.close());
        assertEquals(List.of("md:AAA:quotes", "md:AAA:trades"), fixture.subscribedChannels(),
                "one subscriber still wants XSIM:AAA");
        tickbus.testing.Await.result(second.close());
        fixture.awaitSubscription("XSIM:AAA", SubscriptionState.UNSUBSCRIBED);
        assertEquals(List.of(), fixture.subscribedChannels());
        assertEquals(0, fixture.subscribers("md:AAA:quotes"));
        assertEquals(2, fixture.protocol.counters().unsubscribeConfirmations());
    }

    @Test
    void patternsHoldEveryChannelOfTheVenueWithoutPerInstrumentSubscriptions() {
        fixture.deploy(fixture.redisSettings(new JsonObject().put("channels", new JsonArray())
                .put("patterns", new JsonArray().add("md:*:quotes"))));
        assertEquals(1L, fixture.redis.command("PUBSUB", "NUMPAT"));

        fixture.subscribeAndAwaitActive("XSIM:ZZZ");
        assertEquals(List.of(), fixture.subscribedChannels(), "the pattern serves it: no SUBSCRIBE");
        for (long sequence = 1; sequence <= 3; sequence++) {
            assertEquals(1, fixture.publish("md:ZZZ:quotes", fixture.quote("ZZZ", sequence)));
            fixture.publish("md:YYY:quotes", fixture.quote("YYY", sequence));
        }
        Await.until("three quotes of XSIM:ZZZ", () -> fixture.quoteSequences("XSIM:ZZZ").size() == 3);
        assertEquals(List.of(1L, 2L, 3L), fixture.quoteSequences("XSIM:ZZZ"));
        Await.until("every pattern message decoded", () -> fixture.harness.feed.metrics().frames() == 6);
        assertEquals(List.of(), fixture.quoteSequences("XSIM:YYY"), "nobody wants XSIM:YYY");
    }

    /**
     * While nobody wanted XSIM:AAA the feed was not subscribed and heard none of its quotes: the quote it had last
     * is no state of the instrument, and a new subscriber must not take it for the latest.
     */
    @Test
    void aSubscriberAfterAnUnsubscribeIsNotHandedTheQuoteFromBeforeIt() {
        quoteOneHeardThenTwoPublishedWhileNobodyWantedTheInstrument();
        fixture.subscribeAndAwaitActive("XSIM:AAA");
        assertEquals(1, fixture.publish("md:AAA:quotes", fixture.quote("AAA", 3)));
        Await.until("quote 3", () -> fixture.quoteSequences("XSIM:AAA").contains(3L));
        assertEquals(List.of(1L, 3L), fixture.quoteSequences("XSIM:AAA"), "quote 1 only to the first subscriber");
    }

    /** Messages published while nobody wanted the instrument were not lost: the feed chose not to hear them. */
    @Test
    void aResubscribedChannelStartsAfreshWithoutAGapForWhatNobodyWanted() {
        quoteOneHeardThenTwoPublishedWhileNobodyWantedTheInstrument();
        fixture.subscribeAndAwaitActive("XSIM:AAA");
        fixture.publish("md:AAA:quotes", fixture.quote("AAA", 3));
        fixture.publish("md:AAA:quotes", fixture.quote("AAA", 5));
        Await.until("quote 5", () -> fixture.quoteSequences("XSIM:AAA").contains(5L));
        assertEquals(List.of("4..4"), fixture.harness.statuses(InstrumentState.GAP).stream()
                .map(gap -> gap.gapFrom() + ".." + gap.gapTo()).toList(), "only the loss while subscribed");
        assertEquals(1, fixture.harness.feed.metrics().gapMessages());
    }

    /** The notice that a channel is no longer heard is no data: a silent feed stays STALE. */
    @Test
    void anUnsubscribeDoesNotEndASilence() {
        fixture.deploy(fixture.redisSettings(new JsonObject()), new JsonObject()
                .put("silenceThresholdMillis", 1_000).put("heartbeatTimeoutMillis", 60_000));
        fixture.subscribeAndAwaitActive("XSIM:AAA");
        MarketDataSubscription other = fixture.harness.subscribe("XSIM:BBB");
        fixture.awaitSubscription("XSIM:BBB", SubscriptionState.ACTIVE);
        fixture.harness.clock.advanceMillis(2_000);
        fixture.harness.awaitState(FeedState.STALE);

        Await.result(other.close());
        fixture.awaitSubscription("XSIM:BBB", SubscriptionState.UNSUBSCRIBED);

        assertEquals(FeedState.STALE, fixture.harness.feed.metrics().state(), fixture.harness.describeStates());
    }

    private void quoteOneHeardThenTwoPublishedWhileNobodyWantedTheInstrument() {
        fixture.deploy(fixture.redisSettings(new JsonObject()));
        MarketDataSubscription first = fixture.harness.subscribe("XSIM:AAA");
        fixture.awaitSubscription("XSIM:AAA", SubscriptionState.ACTIVE);
        fixture.publish("md:AAA:quotes", fixture.quote("AAA", 1));
        Await.until("quote 1", () -> fixture.quoteSequences("XSIM:AAA").equals(List.of(1L)));
        Await.result(first.close());
        fixture.awaitSubscription("XSIM:AAA", SubscriptionState.UNSUBSCRIBED);
        assertEquals(0, fixture.publish("md:AAA:quotes", fixture.quote("AAA", 2)), "nobody listens");
    }

    @Test
    void pingKeepsTheSubscribedConnectionAlive() {
        fixture.deploy(fixture.redisSettings(new JsonObject()));
        fixture.subscribeAndAwaitActive("XSIM:AAA");
        long inboundBefore = fixture.harness.feed.metrics().lastInboundMillis();
        for (int i = 1; i <= 3; i++) {
            int expected = i;
            fixture.harness.clock.advanceMillis(200);
            Await.until("PONG " + expected, () -> fixture.protocol.counters().pongs() == expected);
        }
        assertEquals(3, fixture.protocol.counters().pingsSent());
        Await.until("the PONG counted as inbound", () -> fixture.harness.feed.metrics().lastInboundMillis()
                == inboundBefore + 600);
        assertEquals(FeedState.LIVE, fixture.harness.feed.metrics().state());
        assertEquals(1, fixture.harness.feed.metrics().connects());
        assertTrue(fixture.subscribers("md:AAA:quotes") == 1);
    }
}
