package tickbus.normalize.itch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tickbus.testing.Itch50TestMessages.addOrder;
import static tickbus.testing.Itch50TestMessages.cancel;
import static tickbus.testing.Itch50TestMessages.delete;
import static tickbus.testing.Itch50TestMessages.executed;
import static tickbus.testing.Itch50TestMessages.replace;
import static tickbus.testing.Itch50TestMessages.stockDirectory;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tickbus.protocol.itch.Itch50;

/** Input that contradicts the books is counted and marks the instrument SUSPECT, once; it never throws. */
class Itch50NormalizerBadInputTest {

    private final ConsumerView view = new ConsumerView();
    private final Itch50Normalizer normalizer = new Itch50Normalizer("itch", Itch50NormalizerTest.DAY,
            instrument -> true, view, 64);
    private long sequence;

    private void send(byte[] message) {
        normalizer.onMessage(++sequence, 0, message, 0, message.length);
    }

    private List<String> statuses() {
        return EventText.of(view.events).stream().filter(line -> line.startsWith("status")).toList();
    }

    @Test
    void anUnknownOrderIsCountedAndMarksTheInstrumentSuspectOnce() {
        send(stockDirectory(13, 1, "AAPL"));
        send(addOrder(13, 2, 1, Itch50.BUY, 100, "AAPL", 1_500_000));
        send(executed(13, 3, 999, 10, 1));
        send(cancel(13, 4, 998, 10));
        send(delete(13, 5, 997));
        send(replace(13, 6, 996, 5, 10, 1_500_000));

        assertEquals(4, normalizer.counters().unknownOrderReferences());
        assertEquals(List.of("status XNAS:AAPL TRADING (state when publishing began)",
                "status XNAS:AAPL SUSPECT (unknown order reference: message=Order Executed, "
                        + "orderReferenceNumber=999)"), statuses());
        assertTrue(normalizer.books().book(13).isSuspect());
        assertEquals(100, normalizer.books().book(13).bestBidSize());
        assertTrue(view.trades.isEmpty());
    }

    @Test
    void aReusedReferenceAndAnOverExecutionNeverLeaveANegativeBook() {
        send(addOrder(13, 2, 1, Itch50.BUY, 100, "AAPL", 1_500_000));
        send(addOrder(13, 3, 1, Itch50.SELL, 100, "AAPL", 1_600_000));
        send(executed(13, 4, 1, 250, 5));

        assertEquals(1, normalizer.counters().duplicateOrderReferences());
        assertEquals(1, normalizer.counters().excessiveReductions());
        assertEquals(0, normalizer.books().book(13).bidDepth());
        assertEquals(0, normalizer.books().book(13).askDepth());
        assertEquals(0, normalizer.books().liveOrders());
        assertEquals(List.of("XNAS:AAPL 1500000 250 SELL 5 REGULAR"), view.trades);
        assertEquals(List.of("status XNAS:AAPL TRADING (state when publishing began)",
                "status XNAS:AAPL SUSPECT (order reference already live: message=Add Order, "
                        + "orderReferenceNumber=1)"), statuses());
    }

    @Test
    void anOrderOfAnotherLocateIsNotTouched() {
        send(addOrder(13, 2, 1, Itch50.BUY, 100, "AAPL", 1_500_000));
        send(addOrder(14, 3, 2, Itch50.BUY, 100, "MSFT", 1_600_000));
        send(delete(14, 4, 1));

        assertEquals(1, normalizer.counters().locateMismatches());
        assertEquals(100, normalizer.books().book(13).bestBidSize());
        assertTrue(normalizer.books().book(14).isSuspect());
    }

    @Test
    void aMalformedMessageIsCountedAndMarksItsInstrument() {
        send(addOrder(13, 2, 1, Itch50.BUY, 100, "AAPL", 1_500_000));
        byte[] truncated = Arrays.copyOf(delete(13, 3, 1), 18);
        send(truncated);
        send(new byte[] {'z', 0, 13});
        send(new byte[] {'D'});

        assertEquals(2, normalizer.counters().malformedMessages());
        assertEquals(1, normalizer.counters().unknownMessageTypes());
        assertEquals(4, normalizer.counters().messages());
        assertEquals(List.of("status XNAS:AAPL TRADING (state when publishing began)",
                "status XNAS:AAPL SUSPECT (message truncated: type='D', length=18, expected=19)"), statuses());
    }

    @Test
    void anInvalidSideIsRefused() {
        send(addOrder(13, 2, 1, (byte) 'X', 100, "AAPL", 1_500_000));

        assertEquals(1, normalizer.counters().invalidSides());
        assertEquals(0, normalizer.books().liveOrders());
        assertTrue(normalizer.books().book(13).isSuspect());
    }
}
