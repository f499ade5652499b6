package tickbus.protocol.itch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tickbus.testing.Itch50Layouts;
import tickbus.testing.Itch50Layouts.Layout;
import tickbus.testing.RecordingItch50Listener;

/** Lengths at and around every type's spec length, empty input, unknown types and bad ranges. */
class Itch50DecoderBoundaryTest {

    private final RecordingItch50Listener listener = new RecordingItch50Listener();
    private final Itch50Decoder decoder = new Itch50Decoder(listener);

    static Stream<Layout> layouts() {
        return Itch50Layouts.all().stream();
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void exactLengthDecodesAndEveryShorterOrLongerLengthIsRejected(Layout layout) {
        byte[] buffer = new byte[layout.length() + 1];
        System.arraycopy(Itch50Layouts.randomMessage(layout, new Random(1)), 0, buffer, 0, layout.length());
        String type = describe(layout.messageType());

        decoder.decode(buffer, 0, layout.length());
        assertEquals(1, listener.messages().size());
        for (int length = 1; length < layout.length(); length++) {
            int truncated = length;
            Itch50Exception error = assertThrows(Itch50Exception.class, () -> decoder.decode(buffer, 0, truncated));
            assertEquals("message truncated: type=" + type + ", length=" + length + ", expected=" + layout.length(),
                    error.getMessage());
        }
        Itch50Exception tooLong = assertThrows(Itch50Exception.class,
                () -> decoder.decode(buffer, 0, layout.length() + 1));
        assertEquals("message too long: type=" + type + ", length=" + (layout.length() + 1) + ", expected="
                + layout.length(), tooLong.getMessage());
        assertEquals(1, listener.messages().size());
        assertEquals(layout.length(), decoder.malformedMessages());
        assertEquals(1, decoder.messages());
    }

    @Test
    void anEmptyMessageIsRejected() {
        Itch50Exception error = assertThrows(Itch50Exception.class, () -> decoder.decode(new byte[4], 2, 0));

        assertEquals("message is empty: length=0, min=1", error.getMessage());
        assertEquals(1, decoder.malformedMessages());
    }

    @Test
    void aRangeOutsideTheBufferIsRejectedNotIndexedOutOfBounds() {
        Itch50Exception error = assertThrows(Itch50Exception.class, () -> decoder.decode(new byte[30], 10, 21));

        assertEquals("message outside its buffer: offset=10, length=21, capacity=30", error.getMessage());
    }

    @Test
    void anUnknownTypeIsCountedAndSkippedAndTheNextMessageStillDecodes() {
        byte[] unknown = {'z', 1, 2, 3, 4, 5};
        byte[] delete = new byte[OrderDelete.LENGTH];
        new OrderDelete().wrapForEncode(delete, 0).stockLocate(13).trackingNumber(1).timestampNanos(42)
                .orderReferenceNumber(987);

        decoder.decode(unknown, 0, unknown.length);
        decoder.decode(delete, 0, delete.length);

        assertEquals(1, decoder.unknownMessageTypes());
        assertEquals(0, decoder.malformedMessages());
        assertEquals(List.of("OrderDelete{stockLocate=13, trackingNumber=1, timestampNanos=42, "
                + "orderReferenceNumber=987}"), listener.messages());
    }

    @Test
    void theLongestMessageIsTheNoii() {
        int longest = 0;
        for (Layout layout : Itch50Layouts.all()) {
            longest = Math.max(longest, layout.length());
        }
        assertEquals(longest, Itch50.MAX_MESSAGE_LENGTH);
    }

    @Test
    void theStockLocateIsReadForRoutingAndAShortMessageIsRejected() {
        byte[] message = {'A', 0x01, 0x02};

        assertEquals(258, Itch50.stockLocate(message, 0, 3));
        Itch50Exception error = assertThrows(Itch50Exception.class, () -> Itch50.stockLocate(message, 0, 2));
        assertEquals("message too short for a stock locate: length=2, min=3, offset=0, capacity=3",
                error.getMessage());
    }

    @Test
    void encodingRejectsValuesThatDoNotFitTheirField() {
        AddOrder addOrder = new AddOrder().wrapForEncode(new byte[AddOrder.LENGTH], 0);

        IllegalArgumentException shares = assertThrows(IllegalArgumentException.class,
                () -> addOrder.shares(1L << 32));
        IllegalArgumentException stock = assertThrows(IllegalArgumentException.class,
                () -> addOrder.stock("TOOLONGXX"));
        IllegalArgumentException timestamp = assertThrows(IllegalArgumentException.class,
                () -> addOrder.timestampNanos(1L << 48));
        IllegalArgumentException capacity = assertThrows(IllegalArgumentException.class,
                () -> new AddOrder().wrapForEncode(new byte[40], 5));

        assertEquals("shares out of range: shares=4294967296, min=0, max=4294967295", shares.getMessage());
        assertEquals("stock too long: stock='TOOLONGXX', length=9, max=8", stock.getMessage());
        assertEquals("timestampNanos out of range: timestampNanos=281474976710656, min=0, max=281474976710655",
                timestamp.getMessage());
        assertEquals("message does not fit the buffer: type='A', offset=5, length=36, capacity=40",
                capacity.getMessage());
    }

    private static String describe(byte type) {
        return "'" + (char) type + "'";
    }
}
