package tickbus.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** {@link Prices#parse} against {@link BigDecimal} as the oracle. */
class PricesProperties {

    @Property
    void parseInvertsFormatForEveryMantissaAndScale(@ForAll long mantissa,
            @ForAll @IntRange(min = 0, max = Prices.MAX_SCALE) int scale) {
        assertEquals(mantissa, Prices.parse(Prices.format(mantissa, scale), scale));
    }

    @Property(tries = 5000)
    void parseAgreesWithBigDecimal(@ForAll("decimalTexts") String text,
            @ForAll @IntRange(min = 0, max = Prices.MAX_SCALE) int scale) {
        long expected;
        try {
            expected = Prices.toMantissa(new BigDecimal(text), scale);
        } catch (ArithmeticException e) {
            assertThrows(NumberFormatException.class, () -> Prices.parse(text, scale), text);
            return;
        }
        assertEquals(expected, Prices.parse(text, scale), text);
    }

    @Example
    void parseReachesBothEndsOfLong() {
        assertEquals(Long.MIN_VALUE, Prices.parse("-9223372036854775808", 0));
        assertEquals(Long.MIN_VALUE, Prices.parse("-9.223372036854775808", 18));
        assertEquals(Long.MAX_VALUE, Prices.parse("9223372036854775807", 0));
        assertEquals(Long.MAX_VALUE, Prices.parse("+9.223372036854775807000", 18));
    }

    @Example
    void parseRejectsOneBeyondEitherEnd() {
        assertThrows(NumberFormatException.class, () -> Prices.parse("-9223372036854775809", 0));
        assertThrows(NumberFormatException.class, () -> Prices.parse("9223372036854775808", 0));
        assertThrows(NumberFormatException.class, () -> Prices.parse("-922337203685477580.8", 0));
        assertThrows(NumberFormatException.class, () -> Prices.parse("-9.223372036854775808", 17));
    }

    @Example
    void parseRejectsTextThatIsNotAPlainDecimal() {
        for (String text : new String[] {"", "-", "+", ".", "-.", "1.2.3", "1e5", "12a", " 1", "1 ", "--1", "0x10"}) {
            assertThrows(NumberFormatException.class, () -> Prices.parse(text, 4), text);
        }
    }

    /** Plain decimals as BigDecimal accepts them: optional sign, digits, optional point and digits. */
    @Provide
    Arbitrary<String> decimalTexts() {
        Arbitrary<String> sign = Arbitraries.of("", "-", "+");
        Arbitrary<String> integerDigits = Arbitraries.strings().numeric().ofMaxLength(20);
        Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMaxLength(20)
                .flatMap(digits -> Arbitraries.of("", "." + digits));
        return Combinators.combine(sign, integerDigits, fraction).as((s, i, f) -> s + i + f)
                .filter(text -> text.chars().anyMatch(Character::isDigit));
    }
}
