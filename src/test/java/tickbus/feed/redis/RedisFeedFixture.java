package tickbus.feed.redis;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tickbus.event.FeedState;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.event.MarketEvent;
import tickbus.event.Quote;
import tickbus.event.Side;
import tickbus.event.Trade;
import tickbus.event.TradeType;
import tickbus.feed.FeedProtocol;
import tickbus.feed.FeedSettings;
import tickbus.feed.SubscriptionState;
import tickbus.protocol.redisjson.RedisJsonEncoder;
import tickbus.testing.Await;
import tickbus.testing.FeedHarness;
import tickbus.testing.RedisServerProcess;

/**
 * A real redis-server, a feed harness, and the Redis feed under test, with helpers to publish and to look. Owns
 * the server: closing the fixture stops it.
 */
final class RedisFeedFixture implements AutoCloseable {

    static final String VENUE = "XSIM";
    static final int SCALE = 8;

    final RedisServerProcess redis;
    final FeedHarness harness = new FeedHarness();
    private final RedisJsonEncoder encoder = new RedisJsonEncoder(SCALE);
    RedisFeedProtocol protocol;

    RedisFeedFixture(RedisServerProcess redis) {
        this.redis = redis;
    }

    /** Settings for the feed under test: this fixture's Redis, fast pings; {@code overrides} replace keys. */
    JsonObject redisSettings(JsonObject overrides) {
        return new JsonObject().put("connectionString", redis.connectionString()).put("pingIntervalMillis", 200)
                .put("connectTimeoutMillis", 2_000)
                .put("channels", new JsonArray().add("md:{symbol}:quotes").add("md:{symbol}:trades"))
                .mergeIn(overrides, true);
    }

    FeedSettings feedSettings(JsonObject redisSettings, JsonObject feedOverrides) {
        return harness.settings(new JsonObject().put("protocol", "redis").put("settings", redisSettings)
                .mergeIn(feedOverrides, true));
    }

    /** Deploy the Redis feed and wait until it is LIVE. */
    RedisFeedProtocol deploy(JsonObject redisSettings) {
        return deploy(redisSettings, new JsonObject());
    }

    /** Deploy the Redis feed with feed-level overrides (e.g. the venue) and wait until it is LIVE. */
    RedisFeedProtocol deploy(JsonObject redisSettings, JsonObject feedOverrides) {
        FeedSettings settings = feedSettings(redisSettings, feedOverrides);
        protocol = (RedisFeedProtocol) new RedisFeedProtocolProvider().create(settings, "config.settings");
        harness.deploy(settings, protocol);
        harness.awaitState(FeedState.LIVE);
        return protocol;
    }

    /** Deploy a feed made of {@code protocol} (e.g. a wrapper) with {@code settings}, without waiting. */
    void deploy(FeedSettings settings, FeedProtocol wrapped, RedisFeedProtocol redisProtocol) {
        protocol = redisProtocol;
        harness.deploy(settings, wrapped);
    }

    void subscribeAndAwaitActive(String instrument) {
        harness.subscribe(instrument);
        awaitSubscription(instrument, SubscriptionState.ACTIVE);
    }

    void awaitSubscription(String instrument, SubscriptionState state) {
        Await.until(instrument + " " + state, () -> harness.feed.subscriptionState(instrument) == state);
    }

    String quote(String symbol, long sequence) {
        long bid = (1_000 + sequence) * 1_000_000L;
        return text(encoder.tickbusQuote(new Quote(VENUE + ":" + symbol, VENUE, "publisher", sequence,
                1_700_000_000_000_000_000L + sequence, 0, SCALE, 8, bid, 250_000_000L, bid + 1_000_000L,
                150_000_000L)));
    }

    String trade(String symbol, long sequence) {
        return text(encoder.tickbusTrade(new Trade(VENUE + ":" + symbol, VENUE, "publisher", sequence,
                1_700_000_000_000_000_000L + sequence, 0, SCALE, 8, (2_000 + sequence) * 1_000_000L, 1_000_000L,
                Side.BUY, "t" + sequence, TradeType.REGULAR)));
    }

    /** PUBLISH; returns how many subscribers received it. */
    long publish(String channel, String payload) {
        return (Long) redis.command("PUBLISH", channel, payload);
    }

    /** Quotes of {@code instrument} received, by sequence, in arrival order. */
    List<Long> quoteSequences(String instrument) {
        List<Long> sequences = new ArrayList<>();
        for (MarketEvent event : harness.received) {
            if (event instanceof Quote quote && quote.instrument().equals(instrument)) {
                sequences.add(quote.sequence());
            }
        }
        return sequences;
    }

    /** Trades of {@code instrument} received, in arrival order. */
    List<Trade> trades(String instrument) {
        List<Trade> trades = new ArrayList<>();
        for (MarketEvent event : harness.received) {
            if (event instanceof Trade trade && trade.instrument().equals(instrument)) {
                trades.add(trade);
            }
        }
        return trades;
    }

    List<InstrumentStatus> statuses(String instrument, InstrumentState state) {
        return harness.statuses(state).stream().filter(status -> status.instrument().equals(instrument)).toList();
    }

    /** The channels Redis has subscribers for, sorted. */
    @SuppressWarnings("unchecked")
    List<String> subscribedChannels() {
        List<String> channels = new ArrayList<>((List<String>) redis.command("PUBSUB", "CHANNELS"));
        channels.sort(null);
        return channels;
    }

    long subscribers(String channel) {
        return (Long) ((List<?>) redis.command("PUBSUB", "NUMSUB", channel)).get(1);
    }

    private static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** Closes the feed's node, then stops redis-server. */
    @Override
    public void close() {
        try {
            harness.close();
        } finally {
            redis.close();
        }
    }
}
