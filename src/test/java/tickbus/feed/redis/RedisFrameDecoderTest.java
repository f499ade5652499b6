package tickbus.feed.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tickbus.event.EventSink;
import tickbus.event.InstrumentStatus;
import tickbus.event.MarketEvent;
import tickbus.event.Trade;
import tickbus.feed.DecoderContext;
import tickbus.feed.FeedSettings;
import tickbus.feed.SequenceValidator;
import tickbus.protocol.redisjson.DeadLetterLog;
import tickbus.protocol.redisjson.PayloadFormat;
import tickbus.protocol.redisjson.RedisJsonException;
import tickbus.testing.MutableClock;

/** The worker side: frames in, events out, publisher sequences checked per channel, stream ids as sequences. */
class RedisFrameDecoderTest {

    private static final String QUOTE = "{\"v\":1,\"type\":\"quote\",\"sym\":\"AAA\",\"seq\":%d,\"ts\":5,"
            + "\"bid\":\"10\",\"bidSize\":\"1\",\"ask\":\"11\",\"askSize\":\"2\"}";

    private final RecordingContext context = new RecordingContext();
    private final RedisFeedSettings settings = RedisFeedSettings.fromJson(new JsonObject()
            .put("channels", new JsonArray().add("md:{symbol}:quotes")), "settings");
    private final RedisFeedCounters counters = new RedisFeedCounters();
    private final DeadLetterLog deadLetters = new DeadLetterLog(8, 1 << 16, 64);
    private final RedisFrameDecoder decoder = new RedisFrameDecoder(context, settings, counters, deadLetters);

    @Test
    void duplicatesAreDroppedAndGapsSeenPerChannel() {
        for (long sequence : new long[] {1, 2, 2, 5, 3, 6}) {
            decode(PayloadFormat.TICKBUS, 0, "md:AAA:quotes", String.format(QUOTE, sequence));
        }
        decode(PayloadFormat.TICKBUS, 0, "md:AAA:other", String.format(QUOTE, 1));
        assertEquals(List.of(1L, 2L, 5L, 6L, 1L), context.events.stream().map(MarketEvent::sequence).toList());
        assertEquals(List.of("md:AAA:quotes 3..4"), context.gaps);
    }

    @Test
    void aPublisherStartingAgainAtOneIsAResetNotADuplicate() {
        for (long sequence : new long[] {1, 2, 3, 1, 2}) {
            decode(PayloadFormat.TICKBUS, 0, "md:AAA:quotes", String.format(QUOTE, sequence));
        }
        assertEquals(List.of("QUOTE 1", "QUOTE 2", "QUOTE 3", "STATUS RESET", "QUOTE 1", "QUOTE 2"),
                context.events.stream().map(e -> e.kind() + " " + (e instanceof InstrumentStatus s ? s.state()
                        : e.sequence())).toList());
        assertEquals("publisher on md:AAA:quotes started again at sequence 1",
                ((InstrumentStatus) context.events.get(3)).reason());
        assertEquals(1, counters.publisherRestarts());
    }

    @Test
    void streamEntriesInFieldsBecomeEventsNumberedByTheirEntryId() {
        long entrySequence = RedisFrames.entrySequence("1618677817089-3");
        assertEquals(1_618_677_817_089_000_003L, entrySequence);
        Buffer frame = Buffer.buffer();
        int position = RedisFrames.writeHeader(frame, PayloadFormat.CRYPTOFEED_TRADE, true, entrySequence,
                Buffer.buffer("trades-XSIM-SKL-BTC"));
        String[] fields = {"exchange", "XSIM", "symbol", "SKL-BTC", "side", "buy", "amount", "985.0", "price",
            "1.305e-05", "id", "280232", "type", "None", "timestamp", "1618677817.089723"};
        for (int i = 0; i < fields.length; i += 2) {
            position = RedisFrames.writeField(frame, position, Buffer.buffer(fields[i]), Buffer.buffer(fields[i + 1]));
        }
        decoder.decode(0, 7, frame, 0, position);
        Trade trade = (Trade) context.events.get(0);
        assertEquals(List.of("XSIM:SKL-BTC", entrySequence, 1305L, 98_500_000_000L, "280232",
                1_618_677_817_089_723_000L),
                List.of(trade.instrument(), trade.sequence(), trade.price(), trade.size(), trade.tradeId(),
                        trade.exchangeTimeNanos()));
    }

    @Test
    void aRefusedPayloadIsDeadLetteredWithItsChannelAndRethrown() {
        RedisJsonException refused = assertThrows(RedisJsonException.class,
                () -> decode(PayloadFormat.TICKBUS, 0, "md:AAA:quotes", String.format(QUOTE, 1).substring(0, 30)));
        assertEquals("truncated", refused.kind());
        assertEquals("md:AAA:quotes", deadLetters.entries().get(0).channel());
        decode(PayloadFormat.TICKBUS, 0, "md:AAA:quotes", String.format(QUOTE, 1));
        assertEquals(1, context.events.size());
    }

    @Test
    void theLatestQuoteIsTheSnapshotOfANewSubscriber() {
        decode(PayloadFormat.TICKBUS, 0, "md:AAA:quotes", String.format(QUOTE, 1));
        decode(PayloadFormat.TICKBUS, 0, "md:AAA:quotes", String.format(QUOTE, 2));
        List<MarketEvent> snapshot = new ArrayList<>();
        decoder.snapshot("XSIM:AAA", snapshot::add);
        assertEquals(List.of(2L), snapshot.stream().map(MarketEvent::sequence).toList());
        decoder.reset();
        snapshot.clear();
        decoder.snapshot("XSIM:AAA", snapshot::add);
        assertEquals(List.of(), snapshot);
    }

    @Test
    void fieldValuesAreEscapedIntoJsonStrings() {
        Buffer frame = Buffer.buffer();
        int end = RedisFrames.writeField(frame, 0, Buffer.buffer("a\"b"), Buffer.buffer("x\\y\u0001\n\u00e9"));
        FieldsJson json = new FieldsJson();
        int length = json.build(frame, 0, end);
        assertEquals("{\"a\\\"b\":\"x\\\\y\\u0001\\u000a\u00e9\"}",
                new String(json.bytes(), 0, length, java.nio.charset.StandardCharsets.UTF_8));
    }

    private void decode(PayloadFormat format, long entrySequence, String channel, String payload) {
        Buffer frame = Buffer.buffer();
        int position = RedisFrames.writeHeader(frame, format, false, entrySequence, Buffer.buffer(channel));
        Buffer bytes = Buffer.buffer(payload);
        frame.setBuffer(position, bytes);
        decoder.decode(0, 7, frame, 0, position + bytes.length());
    }

    /** Records events and gaps; validates sequences as the engine does (a gap is skipped). */
    private static final class RecordingContext implements DecoderContext {

        final List<MarketEvent> events = new ArrayList<>();
        final List<String> gaps = new ArrayList<>();
        private final Map<String, SequenceValidator> streams = new HashMap<>();
        private final FeedSettings settings = FeedSettings.fromJson(new JsonObject().put("source", "redis-test")
                .put("venue", "XSIM").put("protocol", "redis"), "config");
        private final MutableClock clock = new MutableClock(1_700_000_000_000L);

        @Override
        public FeedSettings settings() {
            return settings;
        }

        @Override
        public InstantSource clock() {
            return clock;
        }

        @Override
        public EventSink sink() {
            return events::add;
        }

        @Override
        public boolean wanted(String instrument) {
            return true;
        }

        @Override
        public SequenceValidator.Verdict sequence(String stream, long sequence, String instrument) {
            SequenceValidator validator = streams.computeIfAbsent(stream, s -> new SequenceValidator(0));
            long expected = validator.expected();
            SequenceValidator.Verdict verdict = validator.check(sequence);
            if (verdict == SequenceValidator.Verdict.GAP) {
                gaps.add(stream + " " + expected + ".." + (sequence - 1));
                validator.skipTo(sequence);
            }
            return verdict;
        }

        @Override
        public int shard() {
            return 0;
        }
    }
}
