package tickbus.normalize.fixml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tickbus.event.BookLevel;
import tickbus.event.BookUpdate;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.event.MarketEvent;
import tickbus.event.Quote;
import tickbus.event.Side;
import tickbus.event.Trade;
import tickbus.event.TradeType;
import tickbus.protocol.fixml.Fixml;
import tickbus.protocol.fixml.FixmlDecoder;
import tickbus.protocol.fixml.FixmlException;
import tickbus.protocol.fixml.FixmlException.Reason;
import tickbus.protocol.fixml.FixmlLimits;
import tickbus.protocol.fixml.FixmlWriter;
import tickbus.protocol.fixml.IncrementalEntry;
import tickbus.protocol.fixml.Snapshot;
import tickbus.protocol.fixml.SnapshotEntry;
import tickbus.protocol.fixml.UpdateAction;

class FixmlNormalizerTest {

    private static final int SCALE = 2;
    private static final long RECEIVED = 1_000;
    private static final String ES = "XCME:ES";
    private static final char BID = Fixml.ENTRY_TYPE_BID;
    private static final char OFFER = Fixml.ENTRY_TYPE_OFFER;

    private final List<MarketEvent> events = new ArrayList<>();
    private final Set<String> wanted = new HashSet<>(Set.of(ES));
    private FixmlNormalizerConfig config = new FixmlNormalizerConfig("XCME", "http-cme", SCALE, true, 10, 3);
    private FixmlNormalizer normalizer = newNormalizer();
    private long cursor;

    @Test
    void levelsBuildTheBookAndQuoteOnlyWhenTheTopChanges() {
        poll(IncrementalEntry.level(UpdateAction.NEW, BID, "ES", 10050, 10),
                IncrementalEntry.level(UpdateAction.NEW, OFFER, "ES", 10100, 5).withTransactTime(777),
                IncrementalEntry.level(UpdateAction.NEW, BID, "ES", 10075, 3),
                IncrementalEntry.level(UpdateAction.CHANGE, BID, "ES", 10050, 20),
                IncrementalEntry.level(UpdateAction.DELETE, BID, "ES", 10075, 0));

        assertEquals(List.of(
                bids(1, RECEIVED, level(10050, 10)), quote(1, RECEIVED, 10050, 10, 0, 0),
                asks(2, 777, level(10100, 5)), quote(2, 777, 10050, 10, 10100, 5),
                bids(3, RECEIVED, level(10075, 3)), quote(3, RECEIVED, 10075, 3, 10100, 5),
                bids(4, RECEIVED, level(10050, 20)),
                bids(5, RECEIVED, level(10075, 0)), quote(5, RECEIVED, 10050, 20, 10100, 5)), events);
    }

    @Test
    void tradesPrintAndBustsBreak() {
        poll(IncrementalEntry.trade("ES", 10050, 4, "T7", Fixml.AGGRESSOR_BUY).withTransactTime(55),
                new IncrementalEntry(UpdateAction.DELETE, Fixml.ENTRY_TYPE_TRADE, "ES", null, null, null, Fixml.ABSENT,
                        null, "T7", Fixml.AGGRESSOR_NONE),
                new IncrementalEntry(UpdateAction.CHANGE, Fixml.ENTRY_TYPE_TRADE, "ES", null, 10051L, 4L, Fixml.ABSENT,
                        null, "T7", Fixml.AGGRESSOR_NONE));

        assertEquals(List.of(
                new Trade(ES, "XCME", "http-cme", 1, 55, RECEIVED, SCALE, 0, 10050, 4, Side.BUY, "T7",
                        TradeType.REGULAR),
                new Trade(ES, "XCME", "http-cme", 2, RECEIVED, RECEIVED, SCALE, 0, 0, 0, Side.UNKNOWN, "T7",
                        TradeType.BROKEN)), events);
        assertEquals(1, normalizer.counters().unsupportedActions());
    }

    @Test
    void settlementPricesBecomeAStatusNamingThePrice() {
        poll(new IncrementalEntry(UpdateAction.NEW, Fixml.ENTRY_TYPE_SETTLEMENT_PRICE, "ES", null, 512550L, null,
                Fixml.ABSENT, null, null, Fixml.AGGRESSOR_NONE));
        snapshot(new Snapshot(Fixml.ABSENT, "ES", null, "2024-06-21",
                List.of(new SnapshotEntry(Fixml.ENTRY_TYPE_SETTLEMENT_PRICE, 512600L, null),
                        new SnapshotEntry(Fixml.ENTRY_TYPE_OPEN_INTEREST, null, 1200L))));

        assertEquals(List.of(status(1, "settlement=5125.5"), status(2, "settlement=5126, businessDate=2024-06-21")),
                events);
        assertEquals(1, normalizer.counters().ignoredEntries());
    }

    @Test
    void snapshotReplacesTheBookAndAnEmptySnapshotClearsIt() {
        poll(IncrementalEntry.level(UpdateAction.NEW, BID, "ES", 9000, 1));
        events.clear();
        snapshot(new Snapshot(Fixml.ABSENT, "ES", null, null, List.of(new SnapshotEntry(BID, 10000L, 2L),
                new SnapshotEntry(BID, 10025L, 1L), new SnapshotEntry(OFFER, 10050L, 4L))));
        snapshot(new Snapshot(Fixml.ABSENT, "ES", null, null, List.of()));

        assertEquals(List.of(
                book(2, true, List.of(level(10025, 1), level(10000, 2)), List.of(level(10050, 4))),
                quote(2, RECEIVED, 10025, 1, 10050, 4),
                book(3, true, List.of(), List.of()), quote(3, RECEIVED, 0, 0, 0, 0)), events);
    }

    @Test
    void aSnapshotRestatesTheQuoteEvenWhenTheTopIsUnchanged() {
        poll(IncrementalEntry.level(UpdateAction.NEW, BID, "ES", 10000, 2));
        events.clear();
        snapshot(new Snapshot(Fixml.ABSENT, "ES", null, null, List.of(new SnapshotEntry(BID, 10000L, 2L))));

        assertEquals(List.of(book(2, true, List.of(level(10000, 2)), List.of()), quote(2, RECEIVED, 10000, 2, 0, 0)),
                events);
    }

    @Test
    void aZeroSizeSnapshotLevelIsNoLevelAndDoesNotHideTheRealBestBid() {
        snapshot(new Snapshot(Fixml.ABSENT, "ES", null, null, List.of(new SnapshotEntry(BID, 10100L, 0L),
                new SnapshotEntry(BID, 10000L, 5L), new SnapshotEntry(OFFER, 10200L, 0L))));

        assertEquals(List.of(book(1, true, List.of(level(10000, 5)), List.of()), quote(1, RECEIVED, 10000, 5, 0, 0)),
                events);
        assertEquals(2, normalizer.counters().emptySnapshotLevels());
    }

    @Test
    void unwantedInstrumentsKeepTheirBookButProduceNothingUntilWanted() {
        wanted.clear();
        poll(IncrementalEntry.level(UpdateAction.NEW, BID, "ES", 10000, 1),
                IncrementalEntry.level(UpdateAction.NEW, OFFER, "ES", 10100, 1));
        wanted.add(ES);
        poll(IncrementalEntry.level(UpdateAction.NEW, BID, "ES", 9900, 5));

        assertEquals(List.of(bids(3, RECEIVED, level(9900, 5)), quote(3, RECEIVED, 10000, 1, 10100, 1)), events);
        assertEquals(2, normalizer.counters().unwantedEvents());
    }

    @Test
    void inconsistentAndOverLimitLevelsAreCountedNotPublished() {
        poll(IncrementalEntry.level(UpdateAction.DELETE, BID, "ES", 10000, 0),
                IncrementalEntry.level(UpdateAction.CHANGE, BID, "ES", 10000, 3),
                IncrementalEntry.level(UpdateAction.NEW, BID, "ES", 9900, 3),
                IncrementalEntry.level(UpdateAction.NEW, BID, "ES", 9800, 3),
                IncrementalEntry.level(UpdateAction.NEW, BID, "ES", 9700, 3));

        assertEquals(new NormalizerCounters(0, 0, 0, 1, 1, 1, 0, 0, 0, 0), normalizer.counters());
        assertEquals(List.of(2L, 3L, 4L), events.stream().filter(BookUpdate.class::isInstance)
                .map(MarketEvent::sequence).toList());
    }

    @Test
    void aFullSideEvictsItsWorstLevelForABetterPriceAndSaysSo() {
        poll(IncrementalEntry.level(UpdateAction.NEW, BID, "ES", 10000, 1),
                IncrementalEntry.level(UpdateAction.NEW, BID, "ES", 9900, 1),
                IncrementalEntry.level(UpdateAction.NEW, BID, "ES", 9800, 1));
        events.clear();
        poll(IncrementalEntry.level(UpdateAction.NEW, BID, "ES", 10100, 7),
                IncrementalEntry.level(UpdateAction.NEW, BID, "ES", 9700, 2),
                IncrementalEntry.level(UpdateAction.DELETE, BID, "ES", 9800, 0));

        assertEquals(List.of(book(4, false, List.of(level(10100, 7), level(9800, 0)), List.of()),
                quote(4, RECEIVED, 10100, 7, 0, 0)), events, "9700 is worse than every level kept: dropped; the delete "
                        + "of the evicted 9800 finds no level, as for any level beyond the book's depth");
        assertEquals(new NormalizerCounters(0, 0, 0, 1, 0, 1, 1, 0, 0, 0), normalizer.counters());
    }

    @Test
    void aSnapshotOverTheLevelBoundKeepsTheBestLevelsWhateverTheirOrder() {
        snapshot(new Snapshot(Fixml.ABSENT, "ES", null, null, List.of(new SnapshotEntry(BID, 9700L, 1L),
                new SnapshotEntry(BID, 9800L, 1L), new SnapshotEntry(BID, 9900L, 1L),
                new SnapshotEntry(BID, 10000L, 9L))));

        assertEquals(List.of(book(1, true, List.of(level(10000, 9), level(9900, 1), level(9800, 1)), List.of()),
                quote(1, RECEIVED, 10000, 9, 0, 0)), events);
        assertEquals(1, normalizer.counters().evictedLevels());
    }

    @Test
    void instrumentsBeyondTheLimitAreDroppedAndCounted() {
        wanted.add("XCME:A");
        wanted.add("XCME:B");
        config = new FixmlNormalizerConfig("XCME", "http-cme", SCALE, true, 1, 3);
        normalizer = newNormalizer();
        poll(IncrementalEntry.level(UpdateAction.NEW, BID, "A", 1, 1),
                IncrementalEntry.level(UpdateAction.NEW, BID, "B", 1, 1));

        assertEquals(new NormalizerCounters(0, 0, 0, 0, 0, 0, 0, 1, 0, 0), normalizer.counters());
        assertEquals(Set.of("XCME:A"), events.stream().map(MarketEvent::instrument).collect(Collectors.toSet()));
    }

    @Test
    void retryAfterDiscardedEventsRepublishesTheQuote() {
        byte[] document = new FixmlWriter(SCALE).startBatch(0, 2).mktDataInc(Fixml.ABSENT, List.of(
                IncrementalEntry.level(UpdateAction.NEW, BID, "ES", 10000, 1),
                IncrementalEntry.level(UpdateAction.NEW, OFFER, "ES", 10100, 1))).finish();
        byte[] truncated = Arrays.copyOf(document, document.length - "</FIXML>\n".length());
        FixmlDecoder decoder = new FixmlDecoder(FixmlLimits.DEFAULTS, SCALE);
        assertEquals(Reason.TRUNCATED, assertThrows(FixmlException.class,
                () -> decoder.decode(truncated, normalizer)).reason());
        events.clear();
        normalizer.eventsDiscarded();

        decoder.decode(document, normalizer);

        assertEquals(List.of(bids(1, RECEIVED, level(10000, 1)), quote(1, RECEIVED, 10000, 1, 10100, 1),
                asks(2, RECEIVED, level(10100, 1))), events);
    }

    @Test
    void maturityMakesTheContractPartOfTheInstrumentId() {
        wanted.add("XCME:USDCAN-20200618");
        wanted.add("XCME:USDCAN");
        Snapshot settlement = new Snapshot(Fixml.ABSENT, "USDCAN", "20200618", null,
                List.of(new SnapshotEntry(Fixml.ENTRY_TYPE_SETTLEMENT_PRICE, 135L, null)));
        snapshot(settlement);
        config = new FixmlNormalizerConfig("XCME", "http-cme", SCALE, false, 10, 3);
        normalizer = newNormalizer();
        snapshot(settlement);

        assertEquals(List.of("XCME:USDCAN-20200618", "XCME:USDCAN"), events.stream().map(MarketEvent::instrument)
                .toList());
    }

    @Test
    void twoInstrumentsNeverShareAnIdTheSecondIsRefusedAndNamed() {
        wanted.add("XCME:ES-Z4");
        snapshot(new Snapshot(Fixml.ABSENT, "ES-Z4", null, null, List.of(new SnapshotEntry(BID, 10000L, 1L))));
        snapshot(new Snapshot(Fixml.ABSENT, "ES", "Z4", null, List.of(new SnapshotEntry(BID, 20000L, 1L))));
        poll(new IncrementalEntry(UpdateAction.NEW, BID, "ES", "Z4", 20100L, 1L, Fixml.ABSENT, null, null,
                Fixml.AGGRESSOR_NONE));

        assertEquals(List.of(new Quote("XCME:ES-Z4", "XCME", "http-cme", 1, RECEIVED, RECEIVED, SCALE, 0, 10000, 1, 0,
                0)), events.stream().filter(Quote.class::isInstance).toList(), "only the instrument that has the id");
        assertEquals(2, normalizer.counters().instrumentIdConflicts());
        assertEquals("instrument id taken by another symbol and maturity: id=XCME:ES-Z4, Sym=ES, MMY=Z4, "
                + "takenBySym=ES-Z4, takenByMMY=absent", normalizer.lastInstrumentIdConflict());
        assertEquals(Arrays.asList("XCME:ES-Z4", null, "XCME:ES-H5"), Arrays.asList(normalizer.instrumentId("ES-Z4",
                null), normalizer.instrumentId("ES", "Z4"), normalizer.instrumentId("ES", "H5")));
    }

    private FixmlNormalizer newNormalizer() {
        FixmlNormalizer created = new FixmlNormalizer(config, wanted::contains, events::add);
        created.receiveTimeNanos(RECEIVED);
        return created;
    }

    private void poll(IncrementalEntry... entries) {
        deliver(new FixmlWriter(SCALE).startBatch(cursor, cursor + entries.length)
                .mktDataInc(Fixml.ABSENT, List.of(entries)).finish());
        cursor += entries.length;
    }

    private void snapshot(Snapshot snapshot) {
        deliver(new FixmlWriter(SCALE).startBatch(cursor, cursor + 1).mktDataFull(snapshot).finish());
        cursor++;
    }

    private void deliver(byte[] document) {
        new FixmlDecoder(FixmlLimits.DEFAULTS, SCALE).decode(document, normalizer);
    }

    private static BookLevel level(long price, long size) {
        return new BookLevel(price, size);
    }

    private static BookUpdate bids(long sequence, long exchangeTime, BookLevel level) {
        return new BookUpdate(ES, "XCME", "http-cme", sequence, exchangeTime, RECEIVED, SCALE, 0, false, List.of(level),
                List.of());
    }

    private static BookUpdate asks(long sequence, long exchangeTime, BookLevel level) {
        return new BookUpdate(ES, "XCME", "http-cme", sequence, exchangeTime, RECEIVED, SCALE, 0, false, List.of(),
                List.of(level));
    }

    private static BookUpdate book(long sequence, boolean snapshot, List<BookLevel> bids, List<BookLevel> asks) {
        return new BookUpdate(ES, "XCME", "http-cme", sequence, RECEIVED, RECEIVED, SCALE, 0, snapshot, bids, asks);
    }

    private static Quote quote(long sequence, long exchangeTime, long bid, long bidSize, long ask, long askSize) {
        return new Quote(ES, "XCME", "http-cme", sequence, exchangeTime, RECEIVED, SCALE, 0, bid, bidSize, ask,
                askSize);
    }

    private static InstrumentStatus status(long sequence, String reason) {
        return new InstrumentStatus(ES, "XCME", "http-cme", sequence, RECEIVED, RECEIVED, InstrumentState.TRADING, 0, 0,
                reason);
    }
}
