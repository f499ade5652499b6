package tickbus.feed.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tickbus.event.BookLevel;
import tickbus.event.BookUpdate;
import tickbus.event.EventSink;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.event.MarketEvent;
import tickbus.event.Quote;
import tickbus.feed.DecoderContext;
import tickbus.feed.FeedSettings;
import tickbus.feed.InputProblem;
import tickbus.feed.SequenceValidator;
import tickbus.protocol.fixml.Fixml;
import tickbus.protocol.fixml.FixmlException;
import tickbus.protocol.fixml.FixmlWriter;
import tickbus.protocol.fixml.IncrementalEntry;
import tickbus.protocol.fixml.Snapshot;
import tickbus.protocol.fixml.SnapshotEntry;
import tickbus.protocol.fixml.UpdateAction;
import tickbus.testing.MutableClock;

/** The worker side on its own: documents all or nothing, the snapshot gate, quarantine and its GAP. */
class HttpFixmlDecoderTest {

    private static final String ID = "XFIX:SIM001";
    private static final String CONTRACT = "XFIX:SIM001-Z4";
    private static final long PRICE = 100_00000000L;
    private static final long TICK = 1_000_000L;

    private final List<MarketEvent> published = new ArrayList<>();
    private final AtomicInteger snapshotRequests = new AtomicInteger();
    private final Map<String, Long> bookAnomalies = new TreeMap<>();
    private final QuarantineLog quarantine = new QuarantineLog(10, 1_000_000, 1_024);
    private final Set<String> wanted = new HashSet<>(Set.of(ID, CONTRACT));
    private final HttpFixmlDecoder decoder = decoder();
    private final FixmlWriter writer = new FixmlWriter(8);

    @Test
    void aDocumentBecomesEventsAtItsLogPositions() {
        decode(frame(0, 3, List.of(), 0, writer.startBatch(0, 3).mktDataInc(1, List.of(bid(PRICE, 10),
                offer(PRICE + 1_000_000, 5), IncrementalEntry.trade("SIM001", PRICE, 2, "T1", Fixml.AGGRESSOR_BUY)))
                .finish()), 1);

        assertEquals(List.of("BookUpdate@1", "Quote@1", "BookUpdate@2", "Quote@2", "Trade@3"), kinds(published));
    }

    @Test
    void aDocumentWhoseEnvelopeContradictsTheFrameIsQuarantinedWholeWithAGap() {
        byte[] document = writer.startBatch(0, 2).mktDataInc(1, List.of(bid(PRICE, 10), bid(PRICE - 1, 10))).finish();
        FixmlException error = assertThrows(FixmlException.class, () -> decode(frame(0, 3, List.of(), 0, document), 1));

        assertEquals(FixmlException.Reason.BAD_SEQUENCE, error.reason());
        assertEquals(List.of("InstrumentStatus@3"), kinds(published), "no event of the document, only the GAP");
        InstrumentStatus gap = (InstrumentStatus) published.get(0);
        assertEquals(List.of(InstrumentState.GAP, 1L, 3L), List.of(gap.state(), gap.gapFrom(), gap.gapTo()));
        assertTrue(gap.reason().startsWith("document quarantined: kind=fixml-bad-sequence, document range differs"),
                gap.reason());
        QuarantineLog.Entry entry = quarantine.entries().get(0);
        assertEquals(List.of(1L, 3L, "fixml-bad-sequence"), List.of(entry.firstPosition(), entry.lastPosition(),
                entry.kind()));
        assertTrue(entry.rawPrefixText().startsWith("<?xml"), entry.rawPrefixText());
        assertEquals(1, snapshotRequests.get());
    }

    @Test
    void anInstrumentAwaitingItsSnapshotPublishesNoBookEventUntilItArrives() {
        byte[] document = writer.startBatch(0, 4).mktDataInc(1, List.of(bid(PRICE, 10),
                IncrementalEntry.trade("SIM001", PRICE, 1, "T1", Fixml.AGGRESSOR_SELL)))
                .mktDataFull(new Snapshot(3, "SIM001", null, null, List.of(new SnapshotEntry(Fixml.ENTRY_TYPE_BID,
                        PRICE - 5_000_000, 7L))))
                .mktDataInc(4, List.of(bid(PRICE - 5_000_000, 9))).finish();
        decode(frame(0, 4, List.of(ID), 0, document), 1);

        assertEquals(List.of("Trade@2", "BookUpdate@3", "Quote@3", "BookUpdate@4", "Quote@4"), kinds(published));
        assertTrue(((BookUpdate) published.get(1)).snapshot());
    }

    @Test
    void aSkippedRangeIsAGapAndEveryBookWaitsForItsSnapshot() {
        decode(frame(4, 9, List.of(), FrameHeader.FLAG_QUARANTINED, "kind=body-too-large".getBytes()), 5);
        decode(frame(9, 11, List.of(), 0, writer.startBatch(9, 11).mktDataInc(10, List.of(bid(PRICE, 1),
                IncrementalEntry.trade("SIM001", PRICE, 1, "T2", Fixml.AGGRESSOR_BUY))).finish()), 10);

        assertEquals(List.of("InstrumentStatus@9", "Trade@11"), kinds(published));
        InstrumentStatus gap = (InstrumentStatus) published.get(0);
        assertEquals(List.of(5L, 9L), List.of(gap.gapFrom(), gap.gapTo()));
        assertTrue(gap.reason().contains("kind=body-too-large"), gap.reason());
        assertEquals(1, snapshotRequests.get());
    }

    @Test
    void afterAQuarantinedDocumentTheSnapshotRepublishesTheTopOfBook() {
        decode(frame(0, 1, List.of(), 0, writer.startBatch(0, 1).mktDataInc(1, List.of(bid(PRICE, 10))).finish()), 1);
        // Position 2 moves the top to PRICE+TICK x 3; the envelope contradicts the headers: quarantined, GAP 2..3.
        byte[] bad = writer.startBatch(1, 2).mktDataInc(2, List.of(bid(PRICE + TICK, 3))).finish();
        assertThrows(FixmlException.class, () -> decode(frame(1, 3, List.of(), 0, bad), 2));
        // The snapshot requested after the GAP: the server's state, top PRICE+TICK x 3.
        decode(frame(3, 4, List.of(), 0, writer.startBatch(3, 4).mktDataFull(new Snapshot(4, "SIM001", null, null,
                List.of(new SnapshotEntry(Fixml.ENTRY_TYPE_BID, PRICE + TICK, 3L),
                        new SnapshotEntry(Fixml.ENTRY_TYPE_BID, PRICE, 10L)))).finish()), 4);

        assertEquals(List.of(PRICE, PRICE + TICK), bidsQuoted(),
                "quote subscribers must learn the top of book the snapshot shows, not keep " + PRICE + " x 10");
    }

    @Test
    void aJoiningInstrumentGetsAQuoteFromItsSnapshotEvenIfHeldBackUpdatesShowedTheSameTop() {
        decode(frame(0, 1, List.of(ID), 0, writer.startBatch(0, 1).mktDataInc(1, List.of(bid(PRICE, 10))).finish()),
                1);
        decode(frame(1, 2, List.of(), 0, writer.startBatch(1, 2).mktDataFull(new Snapshot(2, "SIM001", null, null,
                List.of(new SnapshotEntry(Fixml.ENTRY_TYPE_BID, PRICE, 10L)))).finish()), 2);

        assertEquals(List.of("BookUpdate@2", "Quote@2"), kinds(published));
        assertEquals(List.of(PRICE), bidsQuoted());
    }

    @Test
    void anEmptySnapshotAfterAGapClearsTheQuoteSubscribersHold() {
        decode(frame(0, 1, List.of(), 0, writer.startBatch(0, 1).mktDataInc(1, List.of(bid(PRICE, 10))).finish()), 1);
        decode(frame(1, 2, List.of(), FrameHeader.FLAG_QUARANTINED, "kind=body-too-large".getBytes()), 2);
        // Held back until the snapshot: the level goes, so the book the snapshot finds is already empty.
        decode(frame(2, 3, List.of(), 0, writer.startBatch(2, 3).mktDataInc(3, List.of(IncrementalEntry.level(
                UpdateAction.DELETE, Fixml.ENTRY_TYPE_BID, "SIM001", PRICE, 0))).finish()), 3);
        decode(frame(3, 4, List.of(), 0, writer.startBatch(3, 4).mktDataFull(new Snapshot(4, "SIM001", null, null,
                List.of())).finish()), 4);

        assertEquals(List.of("BookUpdate@1", "Quote@1", "InstrumentStatus@2", "BookUpdate@4", "Quote@4"),
                kinds(published));
        assertEquals(List.of(PRICE, 0L), bidsQuoted(), "the empty book must replace the quote of " + PRICE + " x 10");
    }

    @Test
    void aSnapshotOfAnInstrumentRefusedForItsIdNeitherPublishesNorOpensTheGateOfTheOneThatHasIt() {
        byte[] document = writer.startBatch(0, 3).mktDataInc(1, List.of(IncrementalEntry.level(UpdateAction.NEW,
                Fixml.ENTRY_TYPE_BID, "SIM001-Z4", PRICE, 10)))
                .mktDataFull(new Snapshot(2, "SIM001", "Z4", null, List.of(new SnapshotEntry(Fixml.ENTRY_TYPE_BID,
                        PRICE * 2, 1L))))
                .mktDataInc(3, List.of(IncrementalEntry.level(UpdateAction.NEW, Fixml.ENTRY_TYPE_BID, "SIM001-Z4",
                        PRICE + TICK, 1))).finish();
        InputProblem problem = assertThrows(InputProblem.class, () -> decode(frame(0, 3, List.of(CONTRACT), 0,
                document), 1));
        decode(frame(3, 4, List.of(), 0, writer.startBatch(3, 4).mktDataFull(new Snapshot(4, "SIM001-Z4", null, null,
                List.of(new SnapshotEntry(Fixml.ENTRY_TYPE_BID, PRICE + TICK, 1L)))).finish()), 4);

        assertEquals("fixml-instrument-id-taken", problem.kind());
        assertEquals("instrument id taken by another symbol and maturity: id=" + CONTRACT + ", Sym=SIM001, MMY=Z4, "
                + "takenBySym=SIM001-Z4, takenByMMY=absent, entries=1, positions=1..3", problem.getMessage());
        assertEquals(List.of("BookUpdate@4", "Quote@4"), kinds(published), "held back until the owner's snapshot");
        assertEquals(List.of(PRICE + TICK), bidsQuoted());
    }

    @Test
    void aResetForgetsTheBooksAndWaitsForSnapshots() {
        decode(frame(0, 1, List.of(), 0, writer.startBatch(0, 1).mktDataInc(1, List.of(bid(PRICE, 10))).finish()), 1);
        List<MarketEvent> before = new ArrayList<>();
        decoder.snapshot(ID, before::add);
        decoder.reset();
        List<MarketEvent> after = new ArrayList<>();
        decoder.snapshot(ID, after::add);
        decode(frame(0, 1, List.of(), 0, writer.startBatch(0, 1).mktDataInc(1, List.of(bid(PRICE, 11))).finish()), 1);

        assertEquals(List.of("BookUpdate@1", "Quote@1"), kinds(before), "a new subscriber gets the book and its top");
        assertEquals(List.of(), after);
        assertEquals(List.of("BookUpdate@1", "Quote@1"), kinds(published), "nothing after the reset");
    }

    @Test
    void aNewSubscriberGetsTheBookAndTopAsTheyAreNowNotTheQuoteLastPublished() {
        decode(frame(0, 1, List.of(), 0, writer.startBatch(0, 1).mktDataInc(1, List.of(bid(PRICE, 10))).finish()), 1);
        // Nobody wants SIM001 for a while; its book is still kept (every instrument is polled) and its top moves.
        wanted.remove(ID);
        decode(frame(1, 2, List.of(), 0, writer.startBatch(1, 2).mktDataInc(2, List.of(bid(PRICE + TICK, 3))).finish()),
                2);
        wanted.add(ID);
        List<MarketEvent> state = new ArrayList<>();
        decoder.snapshot(ID, state::add);

        assertEquals(List.of("BookUpdate@2", "Quote@2"), kinds(state));
        assertEquals(List.of(new BookLevel(PRICE + TICK, 3), new BookLevel(PRICE, 10)), ((BookUpdate) state.get(0))
                .bids(), "the subscriber's book starts from ours, not from nothing");
        assertEquals(PRICE + TICK, ((Quote) state.get(1)).bidPrice(), "the top of book now, not " + PRICE + " x 10");
    }

    @Test
    void updatesABookCouldNotTakeAsSentAreCountedByKindOncePerBatchAndAcrossAReset() {
        IncrementalEntry deleteUnknown = IncrementalEntry.level(UpdateAction.DELETE, Fixml.ENTRY_TYPE_BID, "SIM001",
                PRICE - 5 * TICK, 0);
        IncrementalEntry changeUnknown = IncrementalEntry.level(UpdateAction.CHANGE, Fixml.ENTRY_TYPE_OFFER, "SIM001",
                PRICE + 7 * TICK, 3);
        decode(frame(0, 3, List.of(), 0, writer.startBatch(0, 3).mktDataInc(1, List.of(bid(PRICE, 10),
                deleteUnknown, changeUnknown)).finish()), 1);
        decoder.endOfBatch();
        decoder.endOfBatch();

        assertEquals(Map.of("fixml-unknown-level-change", 1L, "fixml-unknown-level-delete", 1L), bookAnomalies);

        decoder.reset();
        decode(frame(3, 4, List.of(), 0, writer.startBatch(3, 4).mktDataInc(4, List.of(deleteUnknown)).finish()), 4);
        decoder.endOfBatch();

        assertEquals(Map.of("fixml-unknown-level-change", 1L, "fixml-unknown-level-delete", 2L), bookAnomalies,
                "the new normalizer's counts add to the old one's");
    }

    private void decode(Buffer frame, long first) {
        decoder.decode(first, 1_000, frame, 0, frame.length());
    }

    private static Buffer frame(long cursor, long next, List<String> awaiting, int flags, byte[] payload) {
        return FrameHeader.encode(flags, next, null, awaiting, Buffer.buffer(payload));
    }

    private static IncrementalEntry bid(long price, long size) {
        return IncrementalEntry.level(UpdateAction.NEW, Fixml.ENTRY_TYPE_BID, "SIM001", price, size);
    }

    private static IncrementalEntry offer(long price, long size) {
        return IncrementalEntry.level(UpdateAction.NEW, Fixml.ENTRY_TYPE_OFFER, "SIM001", price, size);
    }

    private List<Long> bidsQuoted() {
        return published.stream().filter(Quote.class::isInstance).map(event -> ((Quote) event).bidPrice()).toList();
    }

    private static List<String> kinds(List<MarketEvent> events) {
        return events.stream().map(event -> event.getClass().getSimpleName() + "@" + event.sequence()).toList();
    }

    private HttpFixmlDecoder decoder() {
        JsonObject http = new JsonObject().put("baseUrl", "http://127.0.0.1:1");
        FeedSettings settings = FeedSettings.fromJson(new JsonObject().put("source", "unit").put("venue", "XFIX")
                .put("protocol", "http").put("settings", http), "config");
        MutableClock clock = new MutableClock(1_700_000_000_000L);
        DecoderContext context = new DecoderContext() {
            @Override
            public FeedSettings settings() {
                return settings;
            }

            @Override
            public java.time.InstantSource clock() {
                return clock;
            }

            @Override
            public EventSink sink() {
                return published::add;
            }

            @Override
            public boolean wanted(String instrument) {
                return wanted.contains(instrument);
            }

            @Override
            public SequenceValidator.Verdict sequence(String stream, long sequence, Collection<String> instruments) {
                throw new AssertionError("the HTTP feed validates positions as transport sequence numbers");
            }

            @Override
            public void bookAnomalies(String kind, long count) {
                bookAnomalies.merge(kind, count, Long::sum);
            }

            @Override
            public int shard() {
                return 0;
            }
        };
        return new HttpFixmlDecoder(context, HttpFeedSettings.fromJson(http, "s"), quarantine, () -> Set.of(ID),
                snapshotRequests::incrementAndGet);
    }
}
