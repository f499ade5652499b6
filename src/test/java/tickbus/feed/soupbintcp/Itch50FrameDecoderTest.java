package tickbus.feed.soupbintcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.json.JsonObject;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import tickbus.event.BookLevel;
import tickbus.event.BookUpdate;
import tickbus.event.EventSink;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.event.MarketEvent;
import tickbus.event.Quote;
import tickbus.event.Trade;
import tickbus.feed.DecoderContext;
import tickbus.feed.FeedSettings;
import tickbus.feed.InputProblem;
import tickbus.feed.SequenceValidator;
import tickbus.protocol.itch.Itch50;
import tickbus.testing.FakeClock;
import tickbus.testing.Itch50TestMessages;

/** The decoder a soupbintcp feed runs on its parser workers, with a recording context. */
class Itch50FrameDecoderTest {

    private static final String AAA = "XNAS:AAA";
    private static final long T = 36_000_000_000_000L;

    private final List<MarketEvent> events = new ArrayList<>();
    private final Set<String> wanted = new HashSet<>();
    private final AtomicLong demand = new AtomicLong();
    private final LongAdder decoded = new LongAdder();
    private final Itch50FrameDecoder decoder = new Itch50FrameDecoder(new Context(), LocalDate.of(2024, 5, 1), demand,
            decoded, 1_024);
    private long sequence;

    @Test
    void aSnapshotIsTheBookTheBestBidAndOfferAndTheTradingState() {
        feed(Itch50TestMessages.stockDirectory(1, T, "AAA"),
                Itch50TestMessages.addOrder(1, T, 1, Itch50.BUY, 100, "AAA", 99_0000),
                Itch50TestMessages.addOrder(1, T, 2, Itch50.BUY, 200, "AAA", 98_0000),
                Itch50TestMessages.addOrder(1, T + 5, 3, Itch50.SELL, 300, "AAA", 101_0000));
        List<MarketEvent> snapshot = new ArrayList<>();
        decoder.snapshot(AAA, snapshot::add);
        decoder.snapshot("XNAS:ZZZ", snapshot::add);

        long exchangeTime = tickbus.normalize.itch.Itch50Normalizer.midnightEpochNanos(LocalDate.of(2024, 5, 1)) + T + 5;
        assertEquals(3, snapshot.size());
        BookUpdate book = (BookUpdate) snapshot.get(0);
        assertTrue(book.snapshot());
        assertEquals(List.of(new BookLevel(99_0000, 100), new BookLevel(98_0000, 200)), book.bids());
        assertEquals(List.of(new BookLevel(101_0000, 300)), book.asks());
        assertEquals(new Quote(AAA, "XNAS", "itch", 4, exchangeTime, 4_000, 4, 0, 99_0000, 100, 101_0000, 300),
                snapshot.get(1));
        assertEquals(InstrumentState.TRADING, ((InstrumentStatus) snapshot.get(2)).state());
        assertEquals(4, decoded.sum());
        assertTrue(events.isEmpty(), "nothing is published for an instrument nobody wants");
    }

    @Test
    void whenDemandChangesTheNewlyWantedInstrumentIsPublishedSnapshotFirst() {
        feed(Itch50TestMessages.stockDirectory(1, T, "AAA"),
                Itch50TestMessages.addOrder(1, T, 1, Itch50.BUY, 100, "AAA", 99_0000));
        wanted.add(AAA);
        demand.incrementAndGet();
        feed(Itch50TestMessages.addOrder(1, T, 2, Itch50.SELL, 100, "AAA", 100_0000));

        assertTrue(events.get(0) instanceof BookUpdate first && first.snapshot(), events.toString());
        Quote last = (Quote) events.stream().filter(Quote.class::isInstance).reduce((a, b) -> b).orElseThrow();
        assertEquals(100_0000, last.askPrice());
    }

    @Test
    void eventsFollowASnapshotAtOnceNotOnlyWhenTheFeedHearsOfTheDemand() {
        feed(Itch50TestMessages.stockDirectory(1, T, "AAA"),
                Itch50TestMessages.addOrder(1, T, 1, Itch50.BUY, 100, "AAA", 99_0000),
                Itch50TestMessages.addOrder(1, T, 2, Itch50.SELL, 100, "AAA", 101_0000));
        List<MarketEvent> snapshot = new ArrayList<>();
        decoder.snapshot(AAA, snapshot::add);
        feed(Itch50TestMessages.executed(1, T + 1, 2, 40, 9));

        Trade trade = (Trade) events.stream().filter(Trade.class::isInstance).findFirst().orElseThrow(
                () -> new AssertionError("the execution right after the snapshot was not published: " + events));
        assertEquals(List.of(101_0000L, 40L, 9L), List.of(trade.price(), trade.size(), Long.parseLong(trade.tradeId())));
        Quote quote = (Quote) events.stream().filter(Quote.class::isInstance).findFirst().orElseThrow();
        assertEquals(60, quote.askSize());
        assertTrue(events.stream().noneMatch(event -> event instanceof BookUpdate update && update.snapshot()),
                "no second snapshot: " + events);
    }

    @Test
    void inputTheBooksContradictIsReportedByKindAfterItWasHandled() {
        feed(Itch50TestMessages.stockDirectory(1, T, "AAA"));
        InputProblem unknownOrder = assertThrows(InputProblem.class,
                () -> feed(Itch50TestMessages.delete(1, T, 42)));
        assertEquals("itch-unknown-order", unknownOrder.kind());
        assertEquals("ITCH message counted and skipped or marked suspect: kind=itch-unknown-order, sequence=2, total=1",
                unknownOrder.getMessage());
        assertEquals("itch-unknown-type", assertThrows(InputProblem.class,
                () -> feed(new byte[] {'z', 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0})).kind());
        byte[] truncated = java.util.Arrays.copyOf(Itch50TestMessages.addOrder(1, T, 5, Itch50.BUY, 1, "AAA", 1), 30);
        assertEquals("itch-malformed", assertThrows(InputProblem.class, () -> feed(truncated)).kind());
        feed(Itch50TestMessages.addOrder(1, T, 6, Itch50.BUY, 1, "AAA", 1));
        assertEquals(5, decoded.sum());
    }

    @Test
    void prefetchingChangesNothingAndAcceptsAnyBytes() {
        wanted.add(AAA);
        byte[] add = Itch50TestMessages.addOrder(1, T, 7, Itch50.BUY, 100, "AAA", 99_0000);
        byte[] delete = Itch50TestMessages.delete(1, T, 7);
        for (byte[] bytes : List.of(add, delete, java.util.Arrays.copyOf(delete, 12), new byte[] {'D'}, new byte[0],
                new byte[] {'z', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19})) {
            decoder.prefetch(Buffer.buffer(bytes), 0, bytes.length);
        }
        assertEquals(0, decoded.sum());
        assertTrue(events.isEmpty());

        feed(Itch50TestMessages.stockDirectory(1, T, "AAA"), add, delete);
        assertEquals(3, decoded.sum());
        assertEquals(0, ((Quote) events.stream().filter(Quote.class::isInstance).reduce((a, b) -> b).orElseThrow())
                .bidSize(), events.toString());
    }

    @Test
    void aResetForgetsTheBooksSoTheNewSessionsOrdersDoNotCollide() {
        feed(Itch50TestMessages.stockDirectory(1, T, "AAA"),
                Itch50TestMessages.addOrder(1, T, 1, Itch50.BUY, 100, "AAA", 99_0000));
        decoder.reset();
        List<MarketEvent> snapshot = new ArrayList<>();
        decoder.snapshot(AAA, snapshot::add);
        assertTrue(snapshot.isEmpty());

        feed(Itch50TestMessages.stockDirectory(1, T, "AAA"),
                Itch50TestMessages.addOrder(1, T, 1, Itch50.SELL, 50, "AAA", 120_0000));
        decoder.snapshot(AAA, snapshot::add);
        assertEquals(List.of(), ((BookUpdate) snapshot.get(0)).bids());
        assertEquals(List.of(new BookLevel(120_0000, 50)), ((BookUpdate) snapshot.get(0)).asks());
    }

    @Test
    void framesInADirectBufferAreDecodedToo() {
        byte[] add = Itch50TestMessages.addOrder(1, T, 1, Itch50.BUY, 100, "AAA", 99_0000);
        ByteBuf direct = Unpooled.directBuffer(add.length + 7).writeBytes(new byte[7]).writeBytes(add);
        decoder.decode(1, 1_000, BufferInternal.buffer(direct), 7, add.length);
        List<MarketEvent> snapshot = new ArrayList<>();
        decoder.snapshot(AAA, snapshot::add);
        assertEquals(List.of(new BookLevel(99_0000, 100)), ((BookUpdate) snapshot.get(0)).bids());
    }

    /** One batch, as the parser worker hands it over: the batch always ends, even after a rejected frame. */
    private void feed(byte[]... messages) {
        try {
            for (byte[] message : messages) {
                sequence++;
                decoder.decode(sequence, sequence * 1_000, Buffer.buffer(message), 0, message.length);
            }
        } finally {
            decoder.endOfBatch();
        }
    }

    private final class Context implements DecoderContext {

        private final FeedSettings settings = FeedSettings.fromJson(new JsonObject().put("source", "itch")
                .put("venue", "XNAS").put("protocol", "soupbintcp"), "config");

        @Override
        public FeedSettings settings() {
            return settings;
        }

        @Override
        public InstantSource clock() {
            return new FakeClock(0);
        }

        @Override
        public EventSink sink() {
            return events::add;
        }

        @Override
        public boolean wanted(String instrument) {
            return wanted.contains(instrument);
        }

        @Override
        public SequenceValidator.Verdict sequence(String stream, long number, Collection<String> instruments) {
            return SequenceValidator.Verdict.ACCEPT;
        }

        @Override
        public int shard() {
            return 0;
        }
    }
}
