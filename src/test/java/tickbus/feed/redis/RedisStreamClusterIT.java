package tickbus.feed.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tickbus.event.EventKind;
import tickbus.event.MarketEvent;
import tickbus.event.Trade;
import tickbus.feed.FeedSettings;
import tickbus.feed.FeedVerticle;
import tickbus.strategy.MarketData;
import tickbus.testing.Await;
import tickbus.testing.ClusteredNodes;
import tickbus.testing.RedisServerProcess;

/**
 * Two clustered nodes: the streams feed runs on A, stops, and the same feed (same source) starts on B, which
 * resumes from A's last delivered id through the cluster-wide checkpoint map; the strategy sees every entry once.
 */
class RedisStreamClusterIT {

    private final String clusterName = ClusteredNodes.uniqueClusterName("tickbus-redis-it");
    private final RedisServerProcess redis = RedisServerProcess.start();
    private Vertx nodeA;
    private Vertx nodeB;

    @AfterEach
    void close() {
        if (nodeB != null) {
            Await.result(nodeB.close());
        }
        if (nodeA != null) {
            Await.result(nodeA.close());
        }
        redis.close();
    }

    @Test
    void theFeedStartedOnAnotherNodeResumesAfterTheLastEntryDeliveredOnTheFirst() {
        nodeA = ClusteredNodes.start(clusterName);
        nodeB = ClusteredNodes.start(clusterName);
        List<MarketEvent> received = new CopyOnWriteArrayList<>();
        Await.result(MarketData.create(nodeB).subscribe("COINBASE:BTC-USD", EnumSet.of(EventKind.TRADE),
                received::add));

        FeedVerticle first = feed();
        String onA = Await.result(nodeA.deployVerticle(first));
        awaitActive(first);
        addTrades(1, 20);
        awaitTrades(received, 20);
        Await.result(nodeA.undeploy(onA));

        addTrades(21, 40);
        FeedVerticle second = feed();
        Await.result(nodeB.deployVerticle(second));
        awaitActive(second);
        awaitTrades(received, 40);
        assertEquals(LongStream.rangeClosed(1, 40).mapToObj(Long::toString).toList(), tradeIds(received));
    }

    private FeedVerticle feed() {
        FeedSettings settings = FeedSettings.fromJson(new JsonObject().put("source", "cluster-streams")
                .put("venue", "COINBASE").put("protocol", "redis").put("releaseLingerMillis", 0)
                .put("settings", new JsonObject().put("connectionString", redis.connectionString())
                        .put("mode", "stream").put("payload", "cryptofeed-trade")
                        .put("channels", new JsonArray().add("trades-{venue}-{symbol}"))
                        .put("stream", new JsonObject().put("blockMillis", 100))), "config");
        return new FeedVerticle(settings, new RedisFeedProtocolProvider().create(settings, "config.settings"));
    }

    private static void awaitActive(FeedVerticle feed) {
        Await.until("COINBASE:BTC-USD read", () -> feed.subscriptionState("COINBASE:BTC-USD")
                == tickbus.feed.SubscriptionState.ACTIVE);
    }

    private void addTrades(long from, long to) {
        for (long id = from; id <= to; id++) {
            redis.command("XADD", "trades-COINBASE-BTC-USD", "*", "exchange", "COINBASE", "symbol", "BTC-USD",
                    "side", "buy", "amount", "0.5", "price", "60000." + id, "id", Long.toString(id), "type", "None",
                    "timestamp", "1618677817.089723", "receipt_timestamp", "1618677817.1295161");
        }
    }

    private static void awaitTrades(List<MarketEvent> received, int count) {
        Await.until(count + " trades", Duration.ofSeconds(30), () -> tradeIds(received).size() >= count,
                () -> tradeIds(received).toString());
    }

    private static List<String> tradeIds(List<MarketEvent> received) {
        return received.stream().filter(Trade.class::isInstance).map(e -> ((Trade) e).tradeId()).toList();
    }
}
