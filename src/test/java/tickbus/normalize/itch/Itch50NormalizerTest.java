package tickbus.normalize.itch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tickbus.testing.Itch50TestMessages.addOrder;
import static tickbus.testing.Itch50TestMessages.addOrderMpid;
import static tickbus.testing.Itch50TestMessages.brokenTrade;
import static tickbus.testing.Itch50TestMessages.cancel;
import static tickbus.testing.Itch50TestMessages.crossTrade;
import static tickbus.testing.Itch50TestMessages.delete;
import static tickbus.testing.Itch50TestMessages.executed;
import static tickbus.testing.Itch50TestMessages.executedWithPrice;
import static tickbus.testing.Itch50TestMessages.nonCrossTrade;
import static tickbus.testing.Itch50TestMessages.replace;
import static tickbus.testing.Itch50TestMessages.stockDirectory;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tickbus.event.BookLevel;
import tickbus.event.MarketEvent;
import tickbus.protocol.itch.Itch50;

/** Order lifecycle, trades, publication on demand, reset and bad input, one scenario per test. */
class Itch50NormalizerTest {

    static final int AAPL = 13;
    static final int MSFT = 14;
    static final LocalDate DAY = LocalDate.of(2020, 1, 30);

    final ConsumerView view = new ConsumerView();
    final Set<String> wanted = new HashSet<>(Set.of("XNAS:AAPL"));
    final Itch50Normalizer normalizer = new Itch50Normalizer("itch", DAY, wanted::contains, view, 64);
    long sequence;

    void send(byte[] message) {
        normalizer.onMessage(++sequence, 1_000 * sequence, message, 0, message.length);
    }

    List<String> drain() {
        List<String> lines = EventText.of(view.events);
        view.events.clear();
        return lines;
    }

    @BeforeEach
    void directory() {
        send(stockDirectory(AAPL, 1, "AAPL"));
        send(stockDirectory(MSFT, 2, "MSFT"));
    }

    @Test
    void addsPublishASnapshotFirstThenDeltasAndQuotes() {
        send(addOrder(AAPL, 10, 1, Itch50.BUY, 100, "AAPL", 1_500_000));
        send(addOrderMpid(AAPL, 11, 2, Itch50.SELL, 200, "AAPL", 1_501_000, "GSCO"));
        send(addOrder(AAPL, 12, 3, Itch50.BUY, 50, "AAPL", 1_499_000));

        assertEquals(List.of(
                "book XNAS:AAPL snapshot bids=[150.0000x100] asks=[]",
                "quote XNAS:AAPL 150.0000x100 / 0.0000x0",
                "status XNAS:AAPL TRADING (state when publishing began)",
                "book XNAS:AAPL bids=[] asks=[150.1000x200]",
                "quote XNAS:AAPL 150.0000x100 / 150.1000x200",
                "book XNAS:AAPL bids=[149.9000x50] asks=[]"), drain());
    }

    @Test
    void executionsAreTradesAtTheRestingPriceWithTheOtherSideAggressing() {
        send(addOrder(AAPL, 10, 1, Itch50.BUY, 100, "AAPL", 1_500_000));
        send(addOrder(AAPL, 11, 2, Itch50.SELL, 200, "AAPL", 1_501_000));
        drain();

        send(executed(AAPL, 12, 2, 50, 7));
        send(executed(AAPL, 13, 1, 100, 8));

        assertEquals(List.of(
                "trade XNAS:AAPL 150.1000x50 BUY id=7 REGULAR",
                "book XNAS:AAPL bids=[] asks=[150.1000x150]",
                "quote XNAS:AAPL 150.0000x100 / 150.1000x150",
                "trade XNAS:AAPL 150.0000x100 SELL id=8 REGULAR",
                "book XNAS:AAPL bids=[150.0000x0] asks=[]",
                "quote XNAS:AAPL 0.0000x0 / 150.1000x150"), drain());
        assertEquals(1, normalizer.books().liveOrders());
    }

    @Test
    void executionWithPriceTradesAtItsPriceOnlyWhenPrintable() {
        send(addOrder(AAPL, 10, 1, Itch50.SELL, 300, "AAPL", 1_501_000));
        drain();

        send(executedWithPrice(AAPL, 11, 1, 100, 21, Itch50.NO, 1_500_500));
        send(executedWithPrice(AAPL, 12, 1, 100, 22, Itch50.YES, 1_500_600));

        assertEquals(List.of(
                "book XNAS:AAPL bids=[] asks=[150.1000x200]",
                "quote XNAS:AAPL 0.0000x0 / 150.1000x200",
                "trade XNAS:AAPL 150.0600x100 BUY id=22 REGULAR",
                "book XNAS:AAPL bids=[] asks=[150.1000x100]",
                "quote XNAS:AAPL 0.0000x0 / 150.1000x100"), drain());
    }

    @Test
    void hiddenCrossAndBrokenTradesLeaveTheBookAlone() {
        send(nonCrossTrade(AAPL, 10, Itch50.BUY, 400, "AAPL", 1_500_200, 31));
        send(crossTrade(AAPL, 11, 5_000_000_000L, "AAPL", 1_500_000, 32, Itch50.CROSS_TYPE_OPENING));
        send(brokenTrade(AAPL, 12, 31));

        assertEquals(List.of(
                "trade XNAS:AAPL 150.0200x400 UNKNOWN id=31 REGULAR",
                "trade XNAS:AAPL 150.0000x5000000000 UNKNOWN id=32 CROSS",
                "trade XNAS:AAPL 150.0200x400 UNKNOWN id=31 BROKEN"), drain());
        assertEquals(0, normalizer.books().book(AAPL).bidDepth());
    }

    @Test
    void aCrossWithNoSharesIsNoTrade() {
        send(crossTrade(AAPL, 11, 0, "AAPL", 1_500_000, 32, Itch50.CROSS_TYPE_CLOSING));

        assertEquals(List.of(), drain());
    }

    @Test
    void matchNumbersAreUnsigned() {
        send(nonCrossTrade(AAPL, 10, Itch50.BUY, 400, "AAPL", 1_500_200, 0x8000_0000_0000_0001L));

        assertEquals(List.of("trade XNAS:AAPL 150.0200x400 UNKNOWN id=9223372036854775809 REGULAR"), drain());
    }

    @Test
    void theHighestPriceAndSizeAreReadUnsignedInBookQuoteAndTrade() {
        long maxUint32 = 0xFFFF_FFFFL;
        send(addOrder(AAPL, 10, 1, Itch50.SELL, maxUint32, "AAPL", maxUint32));
        send(executed(AAPL, 11, 1, maxUint32 - 1, 7));
        send(nonCrossTrade(AAPL, 12, Itch50.BUY, maxUint32, "AAPL", maxUint32, 8));

        List<String> events = drain();
        assertEquals("book XNAS:AAPL snapshot bids=[] asks=[429496.7295x4294967295]", events.get(0));
        assertEquals(List.of("trade XNAS:AAPL 429496.7295x4294967294 BUY id=7 REGULAR",
                "trade XNAS:AAPL 429496.7295x4294967295 UNKNOWN id=8 REGULAR"),
                events.stream().filter(line -> line.startsWith("trade")).toList());
        assertTrue(events.contains("quote XNAS:AAPL 0.0000x0 / 429496.7295x1"), events.toString());
        assertEquals(0, normalizer.counters().contradictions());
    }

    @Test
    void aPriceOfZeroIsAPriceNotAnEmptyLevel() {
        send(addOrder(AAPL, 10, 1, Itch50.BUY, 100, "AAPL", 0));
        send(executedWithPrice(AAPL, 11, 1, 40, 9, Itch50.YES, 0));

        List<String> events = drain();
        assertEquals("book XNAS:AAPL snapshot bids=[0.0000x100] asks=[]", events.get(0));
        assertEquals(List.of("trade XNAS:AAPL 0.0000x40 SELL id=9 REGULAR", "book XNAS:AAPL bids=[0.0000x60] asks=[]"),
                events.subList(events.size() - 3, events.size() - 1));
    }

    @Test
    void theLargestSixByteTimestampNeitherOverflowsNorTurnsNegative() {
        long maxTimestampNanos = 0xFFFF_FFFF_FFFFL;
        send(addOrder(AAPL, maxTimestampNanos, 1, Itch50.BUY, 100, "AAPL", 1_500_000));

        assertEquals(Itch50Normalizer.midnightEpochNanos(DAY) + maxTimestampNanos,
                view.events.get(0).exchangeTimeNanos());
    }

    @Test
    void aBrokenTradeNoLongerRememberedIsPublishedWithItsIdOnlyAndCounted() {
        send(nonCrossTrade(AAPL, 10, Itch50.BUY, 400, "AAPL", 1_500_200, 31));
        drain();
        send(brokenTrade(AAPL, 12, 99));

        assertEquals(List.of("trade XNAS:AAPL 0.0000x0 UNKNOWN id=99 BROKEN"), drain());
        assertEquals(1, normalizer.counters().brokenTradesNotRemembered());
    }

    @Test
    void cancelDeleteAndReplaceUpdateLevelsBestFirst() {
        send(addOrder(AAPL, 10, 1, Itch50.BUY, 100, "AAPL", 1_500_000));
        send(addOrder(AAPL, 11, 2, Itch50.BUY, 100, "AAPL", 1_499_000));
        drain();

        send(cancel(AAPL, 12, 1, 40));
        send(replace(AAPL, 13, 2, 3, 500, 1_500_500));
        send(delete(AAPL, 14, 1));

        assertEquals(List.of(
                "book XNAS:AAPL bids=[150.0000x60] asks=[]",
                "quote XNAS:AAPL 150.0000x60 / 0.0000x0",
                "book XNAS:AAPL bids=[150.0500x500, 149.9000x0] asks=[]",
                "quote XNAS:AAPL 150.0500x500 / 0.0000x0",
                "book XNAS:AAPL bids=[150.0000x0] asks=[]"), drain());
        assertEquals(List.of(new BookLevel(1_500_500, 500)), normalizer.books().book(AAPL).bidLevels());
    }

    @Test
    void unwantedInstrumentsBuildBooksSilentlyAndGetASnapshotWhenWanted() {
        send(addOrder(MSFT, 10, 1, Itch50.BUY, 100, "MSFT", 1_600_000));
        send(executed(MSFT, 11, 1, 10, 41));
        send(addOrder(MSFT, 12, 2, Itch50.SELL, 70, "MSFT", 1_601_000));
        assertEquals(List.of(), drain());

        wanted.add("XNAS:MSFT");
        normalizer.refreshDemand(sequence, 99);

        assertEquals(List.of(
                "book XNAS:AAPL snapshot bids=[] asks=[]",
                "quote XNAS:AAPL 0.0000x0 / 0.0000x0",
                "status XNAS:AAPL TRADING (state when publishing began)",
                "book XNAS:MSFT snapshot bids=[160.0000x90] asks=[160.1000x70]",
                "quote XNAS:MSFT 160.0000x90 / 160.1000x70",
                "status XNAS:MSFT TRADING (state when publishing began)"), drain());
        normalizer.refreshDemand(sequence, 99);
        assertEquals(List.of(), drain());

        wanted.remove("XNAS:MSFT");
        normalizer.refreshDemand(sequence, 100);
        send(delete(MSFT, 13, 2));
        assertEquals(List.of(), drain());
    }

    @Test
    void demandTakesEffectAtTheRefreshNotBefore() {
        send(addOrder(MSFT, 10, 1, Itch50.BUY, 100, "MSFT", 1_600_000));
        wanted.add("XNAS:MSFT");
        send(addOrder(MSFT, 11, 2, Itch50.BUY, 100, "MSFT", 1_599_000));
        assertEquals(List.of(), drain());

        normalizer.refreshDemand(sequence, 0);
        assertEquals("book XNAS:MSFT snapshot bids=[160.0000x100, 159.9000x100] asks=[]", drain().get(3));
    }

    @Test
    void eventsCarryTheMessagesSequenceReceiveTimeAndSource() {
        send(addOrder(AAPL, 34_200_000_000_000L, 1, Itch50.BUY, 100, "AAPL", 1_500_000));

        MarketEvent first = view.events.get(0);
        assertEquals(3, first.sequence());
        assertEquals(3_000, first.receiveTimeNanos());
        assertEquals("itch", first.source());
        assertEquals("XNAS", first.venue());
        assertEquals(Itch50Normalizer.midnightEpochNanos(DAY) + 34_200_000_000_000L, first.exchangeTimeNanos());
        assertTrue(view.events.stream().allMatch(event -> event.sequence() == 3));
    }

    @Test
    void orderReferenceZeroIsAnOrdinaryOrder() {
        send(addOrder(AAPL, 10, 0, Itch50.SELL, 100, "AAPL", 1_501_000));
        send(executed(AAPL, 11, 0, 100, 1));

        assertEquals(0, normalizer.books().liveOrders());
        assertEquals(0, normalizer.counters().contradictions());
        assertFalse(normalizer.books().book(AAPL).isSuspect());
    }

    @Test
    void aResetEmptiesEveryBookAndTellsWantedInstruments() {
        send(addOrder(AAPL, 10, 1, Itch50.BUY, 100, "AAPL", 1_500_000));
        send(addOrder(MSFT, 11, 2, Itch50.BUY, 100, "MSFT", 1_600_000));
        drain();

        normalizer.reset(sequence, 5, "session changed: S1 -> S2");

        assertEquals(List.of("status XNAS:AAPL RESET (session changed: S1 -> S2)"), drain());
        assertEquals(0, normalizer.books().liveOrders());
        assertEquals(0, normalizer.books().book(AAPL).bidDepth());
        assertEquals(null, normalizer.books().book(AAPL).instrument());
        send(addOrder(AAPL, 12, 1, Itch50.BUY, 10, "AAPL", 1_400_000));
        assertEquals("book XNAS:AAPL snapshot bids=[140.0000x10] asks=[]", drain().get(0));
        send(addOrder(MSFT, 13, 2, Itch50.BUY, 10, "IBM", 1_400_000));
        assertEquals("XNAS:IBM", normalizer.books().book(MSFT).instrument(), "the new session's symbol");
    }

    @Test
    void anInstrumentNamedOnlyByItsOrdersGetsItsSymbolFromThem() {
        send(addOrder(77, 10, 1, Itch50.BUY, 100, "NEWCO", 100_000));

        assertEquals("XNAS:NEWCO", normalizer.books().book(77).instrument());
    }
}
