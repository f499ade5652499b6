package tickbus.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The string caches never return another string, however alike the bytes; the encoder matches the JDK's UTF-8. */
class WireStringsProperties {

    @Property(tries = 2_000)
    void decodingReturnsTheEncodedStringEvenAmongLookAlikes(@ForAll("lookAlikes") List<String> values) {
        for (String value : values) {
            byte[] wire = WireStrings.encode(value);
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            assertEquals(utf8.length, (int) EventWire.INT_VIEW.get(wire, 0));
            assertEquals(value, WireStrings.decode(wire, Integer.BYTES, wire.length - Integer.BYTES));
            byte[] padded = new byte[wire.length + 16];
            System.arraycopy(wire, 0, padded, 3, wire.length);
            assertEquals(value, WireStrings.decode(padded, 3 + Integer.BYTES, utf8.length));
        }
    }

    /** Strings over a two-letter alphabet of lengths around the cache's key sizes share heads and tails. */
    @Provide
    Arbitrary<List<String>> lookAlikes() {
        Arbitrary<String> ascii = Arbitraries.strings().withChars('a', 'b').ofMaxLength(20);
        Arbitrary<String> accented = Arbitraries.strings().withChars('a', 'é', '€').ofMaxLength(12);
        return Arbitraries.oneOf(ascii, accented).list().ofMinSize(1).ofMaxSize(50);
    }
}
