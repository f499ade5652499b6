package tickbus.sim.itch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.event.MarketEvent;
import tickbus.event.Trade;
import tickbus.normalize.itch.Itch50Normalizer;
import tickbus.normalize.itch.OrderBook;

/**
 * The simulator's generated flow is valid ITCH for the normalizer (no contradiction, books never crossed, locked
 * or negative), covers the order lifecycle and a halt during which the halted symbol does not trade, and is the
 * same for the same seed.
 */
class ItchOrderFlowTest {

    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "NVDA", "AMZN", "GOOG");
    private static final int MESSAGES = 200_000;

    @Test
    void theFlowIsValidAndCoversTheLifecycleAndAHalt() {
        ItchOrderFlow flow = new ItchOrderFlow(SYMBOLS, 99, 50_000, 3_000);
        List<MarketEvent> events = new ArrayList<>();
        Itch50Normalizer normalizer = new Itch50Normalizer("sim", LocalDate.of(2024, 5, 1), instrument -> true,
                events::add, 1 << 16);
        Set<Character> types = new TreeSet<>();
        byte[] message = new byte[ItchMessageSource.MAX_MESSAGE_LENGTH];
        for (int i = 1; i <= MESSAGES; i++) {
            int length = flow.next(message, 34_200_000_000_000L + i);
            types.add((char) message[0]);
            normalizer.onMessage(i, 0, message, 0, length);
            if (i % 1_000 == 0) {
                assertBooksSound(normalizer);
            }
        }

        assertEquals(0, normalizer.counters().contradictions(), normalizer.counters().toString());
        assertEquals(0, normalizer.counters().unknownMessageTypes());
        assertEquals(new TreeSet<>(Arrays.asList('A', 'B', 'C', 'D', 'E', 'F', 'H', 'P', 'Q', 'R', 'S', 'U', 'V', 'X',
                'Y')), types);
        assertHaltsWithoutTrading(events);
    }

    @Test
    void theSameSeedGivesTheSameMessages() {
        ItchOrderFlow first = new ItchOrderFlow(SYMBOLS, 7, 1_000, 100);
        ItchOrderFlow second = new ItchOrderFlow(SYMBOLS, 7, 1_000, 100);
        byte[] a = new byte[64];
        byte[] b = new byte[64];
        for (int i = 0; i < 10_000; i++) {
            assertEquals(first.next(a, i), second.next(b, i));
            assertArrayEquals(a, b);
        }
    }

    private static void assertBooksSound(Itch50Normalizer normalizer) {
        for (int i = 0; i < normalizer.books().bookCount(); i++) {
            OrderBook book = normalizer.books().bookAt(i);
            assertFalse(book.isCrossedOrLocked(), book.instrument());
            assertFalse(book.isSuspect(), book.instrument());
        }
    }

    /** Every HALTED is followed by TRADING, and the halted instrument has no trade in between. */
    private static void assertHaltsWithoutTrading(List<MarketEvent> events) {
        int halts = 0;
        String halted = null;
        for (MarketEvent event : events) {
            if (event instanceof InstrumentStatus status && status.state() == InstrumentState.HALTED) {
                halted = status.instrument();
                halts++;
            } else if (event instanceof InstrumentStatus status && status.state() == InstrumentState.TRADING
                    && status.instrument().equals(halted)) {
                halted = null;
            } else if (event instanceof Trade trade) {
                assertFalse(trade.instrument().equals(halted), "a trade during the halt of " + halted);
            }
        }
        assertEquals(MESSAGES / 50_000, halts);
        assertTrue(halted == null, "the last halt ended");
    }
}
