package tickbus.normalize.itch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import tickbus.event.Quote;
import tickbus.protocol.itch.Itch50;
import tickbus.testing.ItchFlowGenerator;
import tickbus.testing.ReferenceBook;

/**
 * Random valid order flows against a TreeMap reference book: after every message the books equal the reference,
 * are never crossed, locked or negative, nothing is counted as a contradiction, and a subscriber rebuilding books,
 * quotes and trades from the events alone ends with the reference too.
 */
class OrderBookProperties {

    @Property(tries = 200)
    void booksFollowTheReferenceAndEventsRebuildThem(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 6) int instruments, @ForAll @IntRange(min = 0, max = 2_500) int steps) {
        ItchFlowGenerator flow = new ItchFlowGenerator(seed, instruments);
        ConsumerView view = new ConsumerView();
        Itch50Normalizer normalizer = new Itch50Normalizer("itch-test", LocalDate.of(2020, 1, 30),
                instrument -> true, view, 16);
        ReferenceBook reference = flow.reference();

        long sequence = 1;
        for (byte[] message : flow.start()) {
            normalizer.onMessage(sequence++, 0, message, 0, message.length);
        }
        for (int step = 0; step < steps; step++) {
            byte[] message = flow.next();
            normalizer.onMessage(sequence++, 0, message, 0, message.length);
            int locate = Itch50.stockLocate(message, 0, message.length);
            assertBookEqualsReference(normalizer.books().book(locate), reference, locate);
        }

        assertEquals(0, normalizer.counters().contradictions(), normalizer.counters().toString());
        assertEquals(reference.liveOrders(), normalizer.books().liveOrders());
        assertEquals(flow.expectedTrades(), view.trades);
        for (int locate = 1; locate <= instruments; locate++) {
            String instrument = "XNAS:" + ItchFlowGenerator.symbol(locate);
            assertEquals(reference.bids(locate), view.bids(instrument), instrument + " bids seen by a subscriber");
            assertEquals(reference.asks(locate), view.asks(instrument), instrument + " asks seen by a subscriber");
            Quote quote = view.quotes.get(instrument);
            assertEquals(reference.bestBid(locate), quote == null ? 0 : quote.bidPrice(), instrument + " quoted bid");
            assertEquals(reference.bestAsk(locate), quote == null ? 0 : quote.askPrice(), instrument + " quoted ask");
        }
    }

    static void assertBookEqualsReference(OrderBook book, ReferenceBook reference, int locate) {
        assertEquals(reference.bids(locate), book.bidLevels());
        assertEquals(reference.asks(locate), book.askLevels());
        assertFalse(book.isCrossedOrLocked(), "crossed or locked: bid=" + book.bestBidPrice() + ", ask="
                + book.bestAskPrice());
        for (int rank = 0; rank < book.bidDepth(); rank++) {
            assertTrue(book.bidSize(rank) > 0);
        }
        for (int rank = 0; rank < book.askDepth(); rank++) {
            assertTrue(book.askSize(rank) > 0);
        }
    }
}
