package tickbus.protocol.itch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.paritytrading.juncture.nasdaq.itch50.ITCH50;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tickbus.testing.Itch50Layouts;
import tickbus.testing.Itch50Layouts.Layout;

/**
 * Our codec against juncture's, an independent implementation: messages juncture encodes decode to the same
 * fields with ours, and messages ours encodes decode to the same fields with juncture (byte for byte the same).
 * Juncture 1.0.0 has no DLCR message and reads Cross Trade shares as 4 bytes where ITCH 5.0 has 8, so those two
 * types are checked against the spec layout in {@link Itch50SpecLayoutTest} instead.
 */
class Itch50JunctureCrossCheckTest {

    private static final int SAMPLES_PER_TYPE = 500;

    static Stream<Layout> layoutsJunctureKnows() {
        return Itch50Layouts.all().stream()
                .filter(layout -> JunctureMessages.newJuncture(layout.type()) != null)
                .filter(layout -> layout.type() != CrossTrade.class);
    }

    @Test
    void junctureDiffersFromTheSpecOnlyInDlcrAndCrossTrade() {
        assertEquals(21, layoutsJunctureKnows().count());
        assertNull(JunctureMessages.newJuncture(DlcrPriceDiscovery.class));
        byte[] crossTrade = new byte[CrossTrade.LENGTH];
        ByteBuffer buffer = ByteBuffer.wrap(crossTrade);
        new ITCH50.CrossTrade().put(buffer);
        assertEquals(36, buffer.position(), "juncture 1.0.0 writes a 36-byte Cross Trade; ITCH 5.0 says 40");
    }

    @ParameterizedTest
    @MethodSource("layoutsJunctureKnows")
    void encodedByJunctureDecodedByOurs(Layout layout) {
        Random random = new Random(layout.messageType());
        Itch50Message<?> ours = Itch50Layouts.newInstance(layout.type());
        for (int i = 0; i < SAMPLES_PER_TYPE; i++) {
            ITCH50.Message theirs = JunctureMessages.newJuncture(layout.type());
            JunctureMessages.decode(theirs, Itch50Layouts.randomMessage(layout, random));
            byte[] encoded = JunctureMessages.encode(theirs, layout.length());

            RecordingDecode decoded = RecordingDecode.of(encoded);
            assertNotNull(decoded.message, "decoded " + layout.type().getSimpleName());
            JunctureMessages.assertSameFields(decoded.message, theirs);
            JunctureMessages.assertSameFields(ours.wrap(encoded, 0), theirs);
        }
    }

    @ParameterizedTest
    @MethodSource("layoutsJunctureKnows")
    void encodedByOursDecodedByJuncture(Layout layout) {
        Random random = new Random(~layout.messageType());
        Itch50Message<?> ours = Itch50Layouts.newInstance(layout.type());
        for (int i = 0; i < SAMPLES_PER_TYPE; i++) {
            ITCH50.Message source = JunctureMessages.newJuncture(layout.type());
            JunctureMessages.decode(source, Itch50Layouts.randomMessage(layout, random));
            byte[] encoded = new byte[layout.length() + 3];
            JunctureMessages.copyInto(source, ours.wrapForEncode(encoded, 3));

            ITCH50.Message theirs = JunctureMessages.newJuncture(layout.type());
            byte[] message = Arrays.copyOfRange(encoded, 3, encoded.length);
            JunctureMessages.decode(theirs, message);
            assertArrayEquals(JunctureMessages.encode(source, layout.length()), message);
            JunctureMessages.assertSameFields(ours.wrap(encoded, 3), theirs);
        }
    }
}
