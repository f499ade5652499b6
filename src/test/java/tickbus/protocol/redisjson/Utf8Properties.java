package tickbus.protocol.redisjson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link Utf8#firstInvalid} finds exactly the first malformed byte the JDK's strict decoder finds. */
class Utf8Properties {

    @Property(tries = 2000)
    void agreesWithTheJdkDecoder(@ForAll("bytes") byte[] bytes) {
        assertEquals(jdkFirstInvalid(bytes), Utf8.firstInvalid(bytes, 0, bytes.length));
    }

    @Property(tries = 1000)
    void validTextIsValid(@ForAll String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertEquals(jdkFirstInvalid(bytes), Utf8.firstInvalid(bytes, 0, bytes.length));
    }

    @Test
    void knownSequences() {
        assertEquals(-1, firstInvalid(0x7F, 0xC2, 0x80, 0xEF, 0xBF, 0xBF, 0xF4, 0x8F, 0xBF, 0xBF));
        assertEquals(0, firstInvalid(0xC0, 0xAF));
        assertEquals(0, firstInvalid(0xED, 0xA0, 0x80));
        assertEquals(0, firstInvalid(0xF4, 0x90, 0x80, 0x80));
        assertEquals(1, firstInvalid('a', 0xE2, 0x82));
        assertEquals(9, firstInvalid('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 0x80));
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<Byte> ascii = Arbitraries.bytes().between((byte) 0x20, (byte) 0x7E);
        Arbitrary<Byte> high = Arbitraries.integers().between(0x80, 0xFF).map(Integer::byteValue);
        Arbitrary<Byte> mixed = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, ascii), net.jqwik.api.Tuple.of(1, high));
        return mixed.array(byte[].class).ofMaxSize(40);
    }

    private static int firstInvalid(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return Utf8.firstInvalid(bytes, 0, bytes.length);
    }

    private static int jdkFirstInvalid(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length * 2 + 2);
        CoderResult result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : -1;
    }
}
