package tickbus.protocol.redisjson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link ExactDecimal} agrees with {@link BigDecimal} on every decimal text, plain or with an exponent. */
class ExactDecimalProperties {

    private final ExactDecimal decimal = new ExactDecimal();

    @Property(tries = 3000)
    void agreesWithBigDecimal(@ForAll("decimalTexts") String text, @ForAll @IntRange(min = 0, max = 18) int scale) {
        BigDecimal value = new BigDecimal(text);
        Long expected = exactMantissa(value, scale);
        if (expected == null) {
            assertThrows(ArithmeticException.class, () -> parse(text, scale, false), text);
        } else {
            assertEquals(expected.longValue(), parse(text, scale, false), text);
        }
    }

    @Property(tries = 2000)
    void truncatingDropsDigitsBeyondTheScale(@ForAll("decimalTexts") String text,
            @ForAll @IntRange(min = 0, max = 18) int scale) {
        BigDecimal truncated = new BigDecimal(text).setScale(scale, RoundingMode.DOWN);
        Long expected = exactMantissa(truncated, scale);
        if (expected != null) {
            assertEquals(expected.longValue(), parse(text, scale, true), text);
        }
    }

    @Test
    void pythonReprsOfTheSamples() {
        assertEquals(1305, parse("1.305e-05", 8, false));
        assertEquals(98_500_000_000L, parse("985.0", 8, false));
        assertEquals(1_618_677_817_081_730_100L, parse("1618677817.0817301", 9, false));
        assertEquals(10_000_000_000_000_000L, parse("1e+16", 0, false));
        assertEquals(0, parse("0e-400", 8, false));
        assertEquals(0, parse("-0.0", 8, false));
    }

    @Test
    void truncationKeepsDigitsThatTheExponentBringsAboveTheScale() {
        assertEquals(1_618_677_817_000_000_000L, parse("0.0000000000000000001618677817e28", 9, true));
        assertEquals(1_618_677_817_089_723_999L, parse("0.00000000000000000016186778170897239999e28", 9, true));
        assertThrows(ArithmeticException.class, () -> parse("0.00000000000000000016186778170897239999e28", 9, false));
        assertEquals(1_618_677_817_089_723_000L, parse("0.0000000000000000001618677817089723e28", 9, false));
        assertEquals(-1_618_677_817_089_723_999L, parse("-16186778170897239999999e-13", 9, true));
    }

    @Test
    void refusals() {
        assertThrows(IllegalArgumentException.class, () -> parse("1.", 8, false));
        assertThrows(IllegalArgumentException.class, () -> parse(".5", 8, false));
        assertThrows(IllegalArgumentException.class, () -> parse("1e", 8, false));
        assertThrows(IllegalArgumentException.class, () -> parse("+1", 8, false));
        assertThrows(IllegalArgumentException.class, () -> parse("1_000", 8, false));
        assertThrows(IllegalArgumentException.class, () -> parse("007.5", 8, false));
        assertThrows(IllegalArgumentException.class, () -> parse("-00", 8, false));
        assertEquals(50_000_000, parse("0.5", 8, false));
        assertEquals(1305, parse("1.305e-05", 8, false), "leading zeros in the exponent, as Python writes them");
        assertThrows(IllegalArgumentException.class, () -> parse("", 8, false));
        assertThrows(ArithmeticException.class, () -> parse("1e401", 8, false));
        assertEquals(Long.MIN_VALUE, parse("-9223372036854775808", 0, false));
        assertThrows(ArithmeticException.class, () -> parse("-9223372036854775809", 0, false));
        assertEquals(Long.MAX_VALUE, parse("9223372036854775807", 0, false));
    }

    @Provide
    Arbitrary<String> decimalTexts() {
        Arbitrary<BigInteger> unscaled = Arbitraries.oneOf(
                Arbitraries.longs().map(BigInteger::valueOf),
                Arbitraries.longs().between(-1_000_000, 1_000_000).map(BigInteger::valueOf),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(25).negate(), BigInteger.TEN.pow(25)));
        Arbitrary<Integer> scales = Arbitraries.integers().between(-25, 30);
        Arbitrary<Integer> pointShifts = Arbitraries.integers().between(-40, 40);
        return Combinators.combine(unscaled, scales, Arbitraries.integers().between(0, 3), pointShifts)
                .as((digits, scale, form, shift) -> text(new BigDecimal(digits, scale), form, shift));
    }

    /**
     * Form 3 writes the same value with its point moved {@code shift} places and an exponent moving it back:
     * digits far below the scale that the exponent brings above it ({@code 0.00000000000000000016e28}), and
     * long integer parts that a negative exponent brings below it ({@code 16000000000000000000e-28}).
     */
    private static String text(BigDecimal value, int form, int shift) {
        return switch (form) {
            case 0 -> value.toPlainString();
            case 1 -> value.toString().replace("E", "e");
            case 2 -> value.toEngineeringString().toLowerCase(Locale.ROOT);
            default -> value.movePointLeft(shift).toPlainString() + "e" + shift;
        };
    }

    /**
     * The mantissa of {@code value} at {@code scale}, or null when it is not exact there or outside
     * {@code [-Long.MAX_VALUE, Long.MAX_VALUE]}, the symmetric range {@code Prices.parse} accepts.
     */
    private static Long exactMantissa(BigDecimal value, int scale) {
        try {
            long mantissa = value.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
            return mantissa;
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private long parse(String text, int scale, boolean truncate) {
        return decimal.parse(text.toCharArray(), 0, text.length(), scale, truncate);
    }
}
