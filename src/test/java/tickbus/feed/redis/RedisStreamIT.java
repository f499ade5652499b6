package tickbus.feed.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tickbus.event.FeedState;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.event.Side;
import tickbus.event.Trade;
import tickbus.feed.SubscriptionState;
import tickbus.testing.Await;
import tickbus.testing.RedisServerProcess;
import tickbus.testing.SharedData;

/**
 * Streams mode against a real redis-server, reading cryptofeed's stream layout ({@code trades-<EXCHANGE>-<SYMBOL>},
 * one field per value): the real samples exactly, and nothing lost or doubled across a SIGKILL of an append-only
 * redis-server, a CLIENT KILL, and a restart of the feed itself; a key overwritten with another type fails its
 * instrument alone, whether seen by a read or by the resubscription after a reconnect.
 */
class RedisStreamIT {

    private static final String VENUE = "COINBASE";
    private static final List<String> SYMBOLS = List.of("BTC-USD", "ETH-USD", "SKL-BTC");

    private RedisFeedFixture fixture;

    @AfterEach
    void stop() {
        fixture.close();
    }

    private JsonObject streamSettings(JsonObject overrides) {
        return fixture.redisSettings(new JsonObject().put("mode", "stream")
                .put("channels", new JsonArray().add("trades-{venue}-{symbol}")).put("payload", "cryptofeed-trade")
                .put("stream", new JsonObject().put("blockMillis", 100)).mergeIn(overrides, true));
    }

    private void deploy(JsonObject overrides) {
        fixture.deploy(streamSettings(overrides), new JsonObject().put("venue", VENUE));
    }

    @Test
    void theRealCryptofeedSamplesArriveExactlyFromTheirStreams() throws IOException {
        fixture = new RedisFeedFixture(RedisServerProcess.start());
        List<Map<String, String>> samples = samples();
        for (Map<String, String> sample : samples) {
            xadd("trades-COINBASE-" + sample.get("symbol"), sample);
        }
        deploy(new JsonObject().put("stream", new JsonObject().put("startId", "0").put("blockMillis", 100)));
        samples.stream().map(sample -> sample.get("symbol")).distinct()
                .forEach(symbol -> fixture.subscribeAndAwaitActive(VENUE + ":" + symbol));
        Await.until("every sample trade", () -> fixture.harness.received.stream().filter(Trade.class::isInstance)
                .count() == samples.size());

        for (String symbol : samples.stream().map(sample -> sample.get("symbol")).distinct().toList()) {
            List<Map<String, String>> expected = samples.stream().filter(s -> s.get("symbol").equals(symbol)).toList();
            List<Trade> trades = fixture.trades(VENUE + ":" + symbol);
            assertEquals(expected.size(), trades.size(), symbol);
            for (int i = 0; i < trades.size(); i++) {
                Map<String, String> sample = expected.get(i);
                Trade trade = trades.get(i);
                assertEquals(sample.get("id"), trade.tradeId());
                assertEquals(new BigDecimal(sample.get("price")).compareTo(trade.priceDecimal()), 0, sample.toString());
                assertEquals(new BigDecimal(sample.get("amount")).movePointRight(8).longValueExact(), trade.size());
                assertEquals(sample.get("side").equals("buy") ? Side.BUY : Side.SELL, trade.aggressor());
                assertEquals(new BigDecimal(sample.get("timestamp")).movePointRight(9).longValue(),
                        trade.exchangeTimeNanos());
                assertTrue(i == 0 || trades.get(i - 1).sequence() < trade.sequence(), "entry ids number the events");
            }
        }
    }

    @Test
    void aSigkilledAppendOnlyRedisLosesNothingAndTheFeedDoublesNothing() {
        fixture = new RedisFeedFixture(RedisServerProcess.startPersistent());
        deploy(new JsonObject());
        SYMBOLS.forEach(symbol -> fixture.subscribeAndAwaitActive(VENUE + ":" + symbol));
        publishTrades(1, 50);
        awaitTrade(50);

        fixture.redis.kill9();
        Await.until("connection lost", () -> fixture.harness.feed.metrics().disconnectsByReason().containsKey("peer"));
        fixture.redis.restart();
        publishTrades(51, 100);
        awaitTrade(100);
        assertEveryTradeOnceInOrder(100);
        assertTrue(fixture.harness.feed.metrics().connects() >= 2);
    }

    @Test
    void clientKillOfTheReadingConnectionResumesFromTheLastDeliveredId() {
        fixture = new RedisFeedFixture(RedisServerProcess.start());
        deploy(new JsonObject());
        SYMBOLS.forEach(symbol -> fixture.subscribeAndAwaitActive(VENUE + ":" + symbol));
        publishTrades(1, 30);
        awaitTrade(30);
        assertTrue((Long) fixture.redis.command("CLIENT", "KILL", "TYPE", "normal") >= 1);
        publishTrades(31, 60);
        awaitTrade(60);
        assertEveryTradeOnceInOrder(60);
        Await.until("reconnected", () -> fixture.harness.feed.metrics().connects() >= 2
                && fixture.harness.feed.metrics().state() == FeedState.LIVE);
    }

    @Test
    void aRestartedFeedResumesFromTheCheckpointAndItsReadInFlightIsCancelledOnStop() {
        fixture = new RedisFeedFixture(RedisServerProcess.start());
        deploy(new JsonObject());
        SYMBOLS.forEach(symbol -> fixture.subscribeAndAwaitActive(VENUE + ":" + symbol));
        publishTrades(1, 20);
        awaitTrade(20);

        fixture.harness.undeploy();
        assertEquals(List.of(), blockedReaders(), "the XREAD in flight ended with the feed");
        String lastId = lastEntryId("trades-COINBASE-BTC-USD");
        assertEquals(lastId, Await.result(fixture.harness.vertx.sharedData().<String, String>getAsyncMap(
                "tickbus.redis.stream-offsets").compose(map -> map.get(fixture.harness.source
                + "|trades-COINBASE-BTC-USD"))), "the checkpoint holds the last delivered id");

        publishTrades(21, 40);
        fixture.deploy(streamSettings(new JsonObject()), new JsonObject().put("venue", VENUE));
        awaitTrade(40);
        assertEveryTradeOnceInOrder(40);
    }

    @Test
    void aFeedStoppedWhileEntriesFlowStopsWithoutWaitingForTheStopTimeoutAndItsRestartLosesAndDoublesNothing() {
        fixture = new RedisFeedFixture(RedisServerProcess.start());
        long last = 2_000;
        appendTrades(1, last);
        JsonObject fromTheStart = streamSettings(new JsonObject().put("stream",
                new JsonObject().put("startId", "0").put("blockMillis", 100).put("batchCount", 20)));
        JsonObject slowStop = new JsonObject().put("venue", VENUE).put("stopTimeoutMillis", 10_000);
        fixture.deploy(fromTheStart, slowStop);
        SYMBOLS.forEach(symbol -> fixture.subscribeAndAwaitActive(VENUE + ":" + symbol));
        Await.until("trades flowing", () -> !fixture.trades(VENUE + ":" + SYMBOLS.get(2)).isEmpty());

        undeployWellWithinTheStopTimeout();

        fixture.deploy(fromTheStart, slowStop);
        awaitTrade(last);
        assertEveryTradeOnceInOrder(last);
    }

    @Test
    void aFeedStopsPromptlyWhenRedisStoppedAnswering() {
        fixture = new RedisFeedFixture(RedisServerProcess.start());
        fixture.deploy(streamSettings(new JsonObject()), new JsonObject().put("venue", VENUE)
                .put("stopTimeoutMillis", 10_000));
        SYMBOLS.forEach(symbol -> fixture.subscribeAndAwaitActive(VENUE + ":" + symbol));
        publishTrades(1, 5);
        awaitTrade(5);

        fixture.redis.suspend();
        try {
            undeployWellWithinTheStopTimeout();
        } finally {
            fixture.redis.resume();
        }
    }

    @Test
    void hostileFieldsAreRefusedAndTheStreamKeepsFlowing() {
        fixture = new RedisFeedFixture(RedisServerProcess.start());
        deploy(new JsonObject());
        fixture.subscribeAndAwaitActive(VENUE + ":BTC-USD");
        Map<String, String> bad = trade("BTC-USD", 1);
        bad.put("price", "12\"3\u0001\\");
        xadd("trades-COINBASE-BTC-USD", bad);
        Map<String, String> nan = trade("BTC-USD", 2);
        nan.put("amount", "nan");
        xadd("trades-COINBASE-BTC-USD", nan);
        xadd("trades-COINBASE-BTC-USD", trade("BTC-USD", 3));
        Await.until("the valid trade", () -> fixture.trades(VENUE + ":BTC-USD").size() == 1);
        assertEquals("3", fixture.trades(VENUE + ":BTC-USD").get(0).tradeId());
        assertEquals(Map.of("bad_decimal", 1L, "not_a_number", 1L), fixture.protocol.rejectedByReason());
        String deadLetter = fixture.protocol.deadLetters().get(0).payloadPrefixText();
        assertTrue(deadLetter.contains("\"price\":\"12\\\"3\\u0001\\\\\""), deadLetter);
    }

    @Test
    void aKeyOverwrittenWithAnotherTypeFailsItsInstrumentAloneAndTheOthersKeepFlowing() {
        fixture = new RedisFeedFixture(RedisServerProcess.start());
        xaddTrade("BTC-USD", 1);
        deploy(new JsonObject().put("stream", new JsonObject().put("startId", "0")));
        fixture.subscribeAndAwaitActive(VENUE + ":BTC-USD");
        fixture.subscribeAndAwaitActive(VENUE + ":ETH-USD");
        Await.until("first BTC trade", () -> fixture.trades(VENUE + ":BTC-USD").size() == 1);

        fixture.redis.command("SET", "trades-COINBASE-ETH-USD", "not a stream");
        xaddTrade("BTC-USD", 2);
        fixture.awaitSubscription(VENUE + ":ETH-USD", SubscriptionState.FAILED);
        xaddTrade("BTC-USD", 3);
        Await.until("BTC trades 2 and 3", Duration.ofSeconds(10),
                () -> fixture.trades(VENUE + ":BTC-USD").size() == 3, fixture.harness::describeStates);

        assertEquals(List.of("1", "2", "3"), fixture.trades(VENUE + ":BTC-USD").stream().map(Trade::tradeId).toList());
        assertWrongTypeReported("ETH-USD");
        assertEquals(0, fixture.harness.feed.metrics().reconnects(), fixture.harness::describeStates);
        assertEquals(1, fixture.protocol.counters().wrongTypeKeys());
        assertEquals(1, fixture.harness.feed.metrics().subscriptionFailures());
        assertEquals(SubscriptionState.ACTIVE, fixture.harness.feed.subscriptionState(VENUE + ":BTC-USD"));
    }

    @Test
    void aKeyOverwrittenWhileDisconnectedFailsItsResubscriptionPermanently() {
        fixture = new RedisFeedFixture(RedisServerProcess.start());
        deploy(new JsonObject());
        fixture.subscribeAndAwaitActive(VENUE + ":BTC-USD");
        fixture.subscribeAndAwaitActive(VENUE + ":ETH-USD");
        xaddTrade("BTC-USD", 1);
        xaddTrade("ETH-USD", 1);
        Await.until("a trade of each", () -> fixture.trades(VENUE + ":BTC-USD").size() == 1
                && fixture.trades(VENUE + ":ETH-USD").size() == 1);

        // In one transaction, so the feed only sees the string after its reconnect, where the last id is known.
        List<Object> replies = fixture.redis.pipeline(List.of(command("MULTI"),
                command("SET", "trades-COINBASE-ETH-USD", "not a stream"), command("CLIENT", "KILL", "TYPE", "normal"),
                command("EXEC")));
        assertTrue((Long) ((List<?>) replies.get(3)).get(1) >= 1, replies.toString());
        fixture.awaitSubscription(VENUE + ":ETH-USD", SubscriptionState.FAILED);
        xaddTrade("BTC-USD", 2);
        Await.until("BTC trade 2 after the reconnect", Duration.ofSeconds(10),
                () -> fixture.trades(VENUE + ":BTC-USD").size() == 2, fixture.harness::describeStates);

        assertWrongTypeReported("ETH-USD");
        assertEquals(1, fixture.harness.feed.metrics().reconnects(), fixture.harness::describeStates);
        assertEquals(0, fixture.protocol.counters().streamErrorReplies());
    }

    private void assertWrongTypeReported(String symbol) {
        List<InstrumentStatus> failed = fixture.statuses(VENUE + ":" + symbol, InstrumentState.SUBSCRIPTION_FAILED);
        assertEquals(1, failed.size(), failed.toString());
        assertTrue(failed.get(0).reason().contains("permanent=true")
                && failed.get(0).reason().contains("not a stream: key=trades-COINBASE-" + symbol + ", type=string"),
                failed.get(0).reason());
    }

    private static List<byte[]> command(String... arguments) {
        return Stream.of(arguments).map(argument -> argument.getBytes(StandardCharsets.UTF_8)).toList();
    }

    private void xaddTrade(String symbol, long id) {
        xadd("trades-COINBASE-" + symbol, trade(symbol, id));
    }

    private void publishTrades(long from, long to) {
        for (long id = from; id <= to; id++) {
            for (String symbol : SYMBOLS) {
                xadd("trades-COINBASE-" + symbol, trade(symbol, id));
            }
        }
    }

    /** Undeploys a feed deployed with {@code stopTimeoutMillis=10000}; it must not wait for that timeout. */
    private void undeployWellWithinTheStopTimeout() {
        long began = System.nanoTime();
        fixture.harness.undeploy();
        long elapsedMillis = (System.nanoTime() - began) / 1_000_000;
        assertTrue(elapsedMillis < 2_000, "stopped in " + elapsedMillis + " ms, stopTimeoutMillis=10000");
    }

    /** XADD trades {@code from..to} of every symbol in one pipeline. */
    private void appendTrades(long from, long to) {
        List<List<byte[]>> commands = new ArrayList<>();
        for (long id = from; id <= to; id++) {
            for (String symbol : SYMBOLS) {
                List<String> command = new ArrayList<>(List.of("XADD", "trades-COINBASE-" + symbol, "*"));
                trade(symbol, id).forEach((name, value) -> {
                    command.add(name);
                    command.add(value);
                });
                commands.add(command(command.toArray(String[]::new)));
            }
        }
        fixture.redis.pipeline(commands);
    }

    private void awaitTrade(long id) {
        for (String symbol : SYMBOLS) {
            Await.until(symbol + " trade " + id, Duration.ofSeconds(30), () -> fixture.trades(VENUE + ":" + symbol)
                    .stream().anyMatch(trade -> trade.tradeId().equals(Long.toString(id))),
                    fixture.harness::describeStates);
        }
    }

    private void assertEveryTradeOnceInOrder(long last) {
        for (String symbol : SYMBOLS) {
            List<Trade> trades = fixture.trades(VENUE + ":" + symbol);
            assertEquals(LongStream.rangeClosed(1, last).mapToObj(Long::toString).toList(),
                    trades.stream().map(Trade::tradeId).toList(), symbol);
            for (int i = 1; i < trades.size(); i++) {
                assertTrue(trades.get(i - 1).sequence() < trades.get(i).sequence(), "sequence from the entry id");
            }
        }
    }

    /** A trade as cryptofeed's TradeStream writes it: one stream field per value, Python's float text. */
    private static Map<String, String> trade(String symbol, long id) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("exchange", VENUE);
        fields.put("symbol", symbol);
        fields.put("side", id % 2 == 0 ? "sell" : "buy");
        fields.put("amount", "0.015");
        fields.put("price", (60_000 + id) + ".25");
        fields.put("id", Long.toString(id));
        fields.put("type", "None");
        fields.put("timestamp", "1618677817.089723");
        fields.put("receipt_timestamp", "1618677817.1295161");
        return fields;
    }

    private void xadd(String key, Map<String, String> fields) {
        List<String> command = new ArrayList<>(List.of("XADD", key, "*"));
        fields.forEach((name, value) -> {
            command.add(name);
            command.add(value);
        });
        fixture.redis.command(command.toArray(String[]::new));
    }

    private String lastEntryId(String key) {
        List<?> last = (List<?>) fixture.redis.command("XREVRANGE", key, "+", "-", "COUNT", "1");
        return (String) ((List<?>) last.get(0)).get(0);
    }

    private List<String> blockedReaders() {
        String clients = (String) fixture.redis.command("CLIENT", "LIST");
        return clients.lines().filter(line -> line.contains("cmd=xread") && line.contains("flags=b")).toList();
    }

    /** The real cryptofeed trades, each as the stream fields cryptofeed writes (values as the JSON text). */
    private static List<Map<String, String>> samples() throws IOException {
        List<Map<String, String>> samples = new ArrayList<>();
        JsonFactory json = new JsonFactory();
        for (String line : Files.readAllLines(SharedData.path("json/cryptofeed_trades_COINBASE.jsonl"))) {
            Map<String, String> fields = new LinkedHashMap<>();
            try (JsonParser parser = json.createParser(line)) {
                parser.nextToken();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    fields.put(name, parser.getText());
                }
            }
            samples.add(fields);
        }
        return samples;
    }
}
