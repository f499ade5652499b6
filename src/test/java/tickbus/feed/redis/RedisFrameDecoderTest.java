package tickbus.feed.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tickbus.event.EventSink;
import tickbus.event.InstrumentState;
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

    private static final String QUOTE = "{\"v\":1,\"type\":\"quote\",\"sym\":\"AAA\",\"seq\":%d,\"ts\":%d,"
            + "\"bid\":\"10\",\"bidSize\":\"1\",\"ask\":\"11\",\"askSize\":\"2\"}";
    private static final String CHANNEL = "md:AAA:quotes";

    private final RecordingContext context = new RecordingContext();
    private final RedisFeedSettings settings = RedisFeedSettings.fromJson(new JsonObject()
            .put("channels", new JsonArray().add("md:{symbol}:quotes")), "settings");
    private final RedisFeedCounters counters = new RedisFeedCounters();
    private final DeadLetterLog deadLetters = new DeadLetterLog(8, 1 << 16, 64);
    private final RedisFrameDecoder decoder = new RedisFrameDecoder(context, settings, counters, deadLetters);

    @Test
    void copiesAreDroppedAndGapsSeenPerChannel() {
        quotes(1, 2, 2, 5, 6);
        decode(PayloadFormat.TICKBUS, 0, "md:AAA:other", quote(1));
        assertEquals(List.of("QUOTE 1", "QUOTE 2", "STATUS GAP 3..4", "QUOTE 5", "QUOTE 6", "QUOTE 1"),
                context.described());
        assertEquals(List.of("md:AAA:quotes 3..4"), context.gaps);
    }

    /** An overlapping pattern and template deliver each message twice, one copy right after the other. */
    @Test
    void aCopyOfMessageOneIsDroppedNotTakenForARestart() {
        quotes(1, 1, 2, 2);
        assertEquals(List.of("QUOTE 1", "QUOTE 2"), context.described());
        assertEquals(0, counters.publisherRestarts());
    }

    @Test
    void aPublisherStartingAgainAtOneIsAResetNotADuplicate() {
        quotes(1, 2, 3, 1, 2);
        assertEquals(List.of("QUOTE 1", "QUOTE 2", "QUOTE 3", "STATUS RESET", "QUOTE 1", "QUOTE 2"),
                context.described());
        assertEquals("publisher on md:AAA:quotes started again: sequence=1, last=3",
                ((InstrumentStatus) context.events.get(3)).reason());
        assertEquals(1, counters.publisherRestarts());
    }

    /**
     * The publisher (at 1000) restarts while the feed resubscribes, and pub/sub loses its new message 1: the
     * messages from 2 on are the new run, after a RESET and the GAP of message 1, not duplicates of the old run.
     */
    @Test
    void aRestartWhoseFirstMessageWasLostIsAResetAndAGapNotASilentFreeze() {
        for (long sequence = 1; sequence <= 1000; sequence++) {
            quotes(sequence);
        }
        context.events.clear();
        quotes(2, 3, 4);
        assertEquals(List.of("STATUS RESET", "STATUS GAP 1..1", "QUOTE 2", "QUOTE 3", "QUOTE 4"), context.described());
        assertEquals(1, counters.publisherRestarts());
    }

    /** A new run that has reached the old run's last number by the time the feed hears from it again. */
    @Test
    void theLastNumberAgainWithAnotherEventTimeIsARestart() {
        quotes(1, 2, 3, 4, 5);
        context.events.clear();
        decode(PayloadFormat.TICKBUS, 0, CHANNEL, String.format(QUOTE, 5, 6));
        decode(PayloadFormat.TICKBUS, 0, CHANNEL, String.format(QUOTE, 5, 6));
        assertEquals(List.of("STATUS RESET", "STATUS GAP 1..4", "QUOTE 5"), context.described());
    }

    /**
     * One publisher numbers every instrument of its channel (a pattern's channel, cryptofeed's per-exchange stream):
     * when it starts again, every instrument the channel carried learns its state is void, before the new run.
     */
    @Test
    void aRestartOnAChannelOfSeveralInstrumentsResetsEachOfThemBeforeTheNewRun() {
        decode(PayloadFormat.TICKBUS, 0, "md:all", quoteOf("AAA", 1));
        decode(PayloadFormat.TICKBUS, 0, "md:all", quoteOf("BBB", 2));
        decode(PayloadFormat.TICKBUS, 0, "md:all", quoteOf("AAA", 3));
        decode(PayloadFormat.TICKBUS, 0, "md:other", quoteOf("CCC", 1));
        decode(PayloadFormat.TICKBUS, 0, "md:all", quoteOf("BBB", 1));
        assertEquals(List.of("XSIM:AAA QUOTE 1", "XSIM:BBB QUOTE 2", "XSIM:AAA QUOTE 3", "XSIM:CCC QUOTE 1",
                "XSIM:AAA STATUS RESET", "XSIM:BBB STATUS RESET", "XSIM:BBB QUOTE 1"),
                context.events.stream().map(e -> e.instrument() + " " + context.describe(e)).toList());
        assertEquals(1, counters.publisherRestarts());
    }

    /** To each, the least recently carried first (the message that reveals the gap carries AAA). */
    @Test
    void aGapOnAChannelOfSeveralInstrumentsIsPublishedToEachOfThem() {
        decode(PayloadFormat.TICKBUS, 0, "md:all", quoteOf("AAA", 1));
        decode(PayloadFormat.TICKBUS, 0, "md:all", quoteOf("BBB", 2));
        decode(PayloadFormat.TICKBUS, 0, "md:other", quoteOf("CCC", 1));
        decode(PayloadFormat.TICKBUS, 0, "md:all", quoteOf("AAA", 5));
        assertEquals(List.of("XSIM:AAA QUOTE 1", "XSIM:BBB QUOTE 2", "XSIM:CCC QUOTE 1", "XSIM:BBB STATUS GAP 3..4",
                "XSIM:AAA STATUS GAP 3..4", "XSIM:AAA QUOTE 5"),
                context.events.stream().map(e -> e.instrument() + " " + context.describe(e)).toList());
    }

    @Test
    void aPublisherCountingFromZeroRestartsWithoutLosingMessageZero() {
        quotes(0, 1, 2, 3, 0, 1);
        assertEquals(List.of("QUOTE 0", "QUOTE 1", "QUOTE 2", "QUOTE 3", "STATUS RESET", "QUOTE 0", "QUOTE 1"),
                context.described());
    }

    @Test
    void aRestartOfAPublisherCountingFromZeroReportsItsLostMessageZero() {
        quotes(0, 1, 2, 3, 1);
        assertEquals(List.of("QUOTE 0", "QUOTE 1", "QUOTE 2", "QUOTE 3", "STATUS RESET", "STATUS GAP 0..0", "QUOTE 1"),
                context.described());
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
                () -> decode(PayloadFormat.TICKBUS, 0, CHANNEL, quote(1).substring(0, 30)));
        assertEquals("truncated", refused.kind());
        assertEquals(CHANNEL, deadLetters.entries().get(0).channel());
        quotes(1);
        assertEquals(1, context.events.size());
    }

    @Test
    void theLatestQuoteIsTheSnapshotOfANewSubscriber() {
        quotes(1, 2);
        List<MarketEvent> snapshot = new ArrayList<>();
        decoder.snapshot("XSIM:AAA", snapshot::add);
        assertEquals(List.of(2L), snapshot.stream().map(MarketEvent::sequence).toList());
        decoder.reset();
        snapshot.clear();
        decoder.snapshot("XSIM:AAA", snapshot::add);
        assertEquals(List.of(), snapshot);
    }

    @Test
    void quotesOfAChannelNoLongerListenedToAreNoSnapshot() {
        quotes(1);
        decode(PayloadFormat.TICKBUS, 0, "md:BBB:quotes", quoteOf("BBB", 1));
        Buffer frame = Buffer.buffer();
        decoder.decode(0, 7, frame, 0, RedisFrames.writeUnsubscribed(frame, PayloadFormat.TICKBUS,
                Buffer.buffer(CHANNEL)));
        List<MarketEvent> snapshot = new ArrayList<>();
        decoder.snapshot("XSIM:AAA", snapshot::add);
        decoder.snapshot("XSIM:BBB", snapshot::add);
        assertEquals(List.of("XSIM:BBB"), snapshot.stream().map(MarketEvent::instrument).toList());
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

    /** A publisher inventing channels (through a pattern) makes the decoder forget the least recently used. */
    @Test
    void inventedChannelsEvictTheLeastRecentlyUsedWhoseNextMessageStartsAfreshWithoutAGap() {
        quotes(1);
        for (int i = 0; i < ChannelRuns.MAX_CHANNELS; i++) {
            decode(PayloadFormat.TICKBUS, 0, "md:invented" + i, quote(1));
        }
        context.events.clear();
        quotes(50);
        assertEquals(List.of("QUOTE 50"), context.described());
        assertEquals(List.of(), context.gaps);
        assertEquals(2, counters.channelsEvicted());
    }

    /** A channel keeps the instruments it carried most recently, up to a limit: a RESET reaches those. */
    @Test
    void aChannelInventingSymbolsKeepsTheMostRecentOnesForItsReset() {
        for (int i = 0; i <= PublisherRun.MAX_INSTRUMENTS; i++) {
            decode(PayloadFormat.TICKBUS, 0, CHANNEL, quoteOf("S" + i, i + 1));
        }
        context.events.clear();
        decode(PayloadFormat.TICKBUS, 0, CHANNEL, quoteOf("S" + PublisherRun.MAX_INSTRUMENTS, 1));
        List<String> reset = context.events.stream().filter(e -> e instanceof InstrumentStatus)
                .map(MarketEvent::instrument).toList();
        assertEquals(PublisherRun.MAX_INSTRUMENTS, reset.size());
        assertEquals("XSIM:S1", reset.get(0));
        assertEquals(1, counters.publisherRestarts());
    }

    /** Quotes on {@link #CHANNEL} stamped 5 ns, so that a repeated number is an exact copy. */
    private void quotes(long... sequences) {
        for (long sequence : sequences) {
            decode(PayloadFormat.TICKBUS, 0, CHANNEL, quote(sequence));
        }
    }

    private static String quote(long sequence) {
        return String.format(QUOTE, sequence, 5);
    }

    private static String quoteOf(String symbol, long sequence) {
        return quote(sequence).replace("\"sym\":\"AAA\"", "\"sym\":\"" + symbol + "\"");
    }

    private void decode(PayloadFormat format, long entrySequence, String channel, String payload) {
        Buffer frame = Buffer.buffer();
        int position = RedisFrames.writeHeader(frame, format, false, entrySequence, Buffer.buffer(channel));
        Buffer bytes = Buffer.buffer(payload);
        frame.setBuffer(position, bytes);
        decoder.decode(0, 7, frame, 0, position + bytes.length());
    }

    /**
     * Records events and gaps; validates sequences as the engine does: a gap is skipped and published as a GAP
     * status in line with the events, a restarted stream expects exactly its first number.
     */
    private static final class RecordingContext implements DecoderContext {

        final List<MarketEvent> events = new ArrayList<>();
        final List<String> gaps = new ArrayList<>();
        private final Map<String, SequenceValidator> streams = new HashMap<>();
        private final FeedSettings settings = FeedSettings.fromJson(new JsonObject().put("source", "redis-test")
                .put("venue", "XSIM").put("protocol", "redis"), "config");
        private final MutableClock clock = new MutableClock(1_700_000_000_000L);

        /** Events as "QUOTE 7", statuses as "STATUS RESET" or "STATUS GAP 3..4". */
        List<String> described() {
            return events.stream().map(this::describe).toList();
        }

        String describe(MarketEvent event) {
            return event instanceof InstrumentStatus s ? "STATUS " + s.state()
                    + (s.state() == InstrumentState.GAP ? " " + s.gapFrom() + ".." + s.gapTo() : "")
                    : event.kind() + " " + event.sequence();
        }

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
        public SequenceValidator.Verdict sequence(String stream, long sequence, Collection<String> instruments) {
            SequenceValidator validator = streams.computeIfAbsent(stream, s -> new SequenceValidator(0));
            long expected = validator.expected();
            SequenceValidator.Verdict verdict = validator.check(sequence);
            if (verdict == SequenceValidator.Verdict.GAP) {
                gaps.add(stream + " " + expected + ".." + (sequence - 1));
                for (String instrument : instruments) {
                    events.add(new InstrumentStatus(instrument, "XSIM", "redis-test", sequence - 1, 0, 0,
                            InstrumentState.GAP, expected, sequence - 1, "lost"));
                }
                validator.skipTo(sequence);
            }
            return verdict;
        }

        @Override
        public void sequenceRestarted(String stream, long firstSequence) {
            streams.put(stream, SequenceValidator.startingAt(firstSequence));
        }

        @Override
        public void sequenceForgotten(String stream) {
            streams.remove(stream);
        }

        @Override
        public int shard() {
            return 0;
        }
    }
}
