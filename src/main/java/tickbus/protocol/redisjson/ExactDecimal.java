package tickbus.protocol.redisjson;

import tickbus.event.Prices;

/**
 * Exact conversion of decimal text, with or without an exponent ({@code 1.305e-05}, as Python writes small
 * floats), to a {@code long} mantissa at a scale, digit by digit, never through double. The text follows JSON's
 * number grammar whether it came as a number or a string: no plus sign, no leading zeros, digits on both sides
 * of a point.
 */
final class ExactDecimal {

    /** Larger exponents can only describe zero or an overflow; refusing them keeps the work bounded. */
    static final int MAX_EXPONENT = 400;

    private static final String BEYOND_A_LONG = "beyond a long mantissa";

    /**
     * The mantissa of {@code chars[offset, offset + length)} at {@code scale}. Digits beyond the scale are
     * dropped when {@code truncate} is set (timestamps finer than the scale), and refused otherwise.
     *
     * @throws IllegalArgumentException when the text is not a decimal number (leading zeros included)
     * @throws ArithmeticException when the value does not fit the scale or a long
     */
    long parse(char[] chars, int offset, int length, int scale, boolean truncate) {
        int end = offset + length;
        int index = offset;
        boolean negative = index < end && chars[index] == '-';
        if (negative) {
            index++;
        }
        int digitsStart = index;
        index = skipDigits(chars, index, end);
        if (chars[digitsStart] == '0' && index - digitsStart > 1) {
            throw new IllegalArgumentException("leading zeros");
        }
        int dot = -1;
        int fractionDigits = 0;
        if (index < end && chars[index] == '.') {
            dot = index;
            index = skipDigits(chars, index + 1, end);
            fractionDigits = index - dot - 1;
        }
        int digitsEnd = index;
        int exponent = 0;
        if (index < end && (chars[index] == 'e' || chars[index] == 'E')) {
            index++;
            boolean negativeExponent = index < end && chars[index] == '-';
            if (index < end && (chars[index] == '-' || chars[index] == '+')) {
                index++;
            }
            int exponentStart = index;
            index = skipDigits(chars, index, end);
            exponent = exponentValue(chars, exponentStart, index);
            exponent = negativeExponent ? -exponent : exponent;
        }
        if (index != end) {
            throw new IllegalArgumentException("not a decimal number");
        }
        long negated = shifted(chars, digitsStart, digitsEnd, dot, scale + exponent - fractionDigits, truncate);
        if (negative) {
            return negated;
        }
        if (negated == Long.MIN_VALUE) {
            throw new ArithmeticException(BEYOND_A_LONG);
        }
        return -negated;
    }

    /**
     * Minus the digits of {@code chars[start, end)} (the dot at {@code dot} skipped) read as one integer and
     * multiplied by {@code 10^shift}. A negative shift moves the last digits below the units: they are dropped
     * when {@code truncate} is set, and must be zeros otherwise. Every digit is read, whatever the exponent, so
     * none is lost before the exponent could bring it above the units. Accumulated negatively, as
     * {@link Long#parseLong} does, so that {@code Long.MIN_VALUE} is reachable.
     */
    private static long shifted(char[] chars, int start, int end, int dot, int shift, boolean truncate) {
        int kept = end - start - (dot >= 0 ? 1 : 0) + shift;
        long negated = 0;
        int position = 0;
        for (int i = start; i < end; i++) {
            if (i == dot) {
                continue;
            }
            int digit = chars[i] - '0';
            if (position++ < kept) {
                negated = appendDigit(negated, digit);
            } else if (digit != 0 && !truncate) {
                throw new ArithmeticException("more decimals than the scale");
            }
        }
        if (shift <= 0 || negated == 0) {
            return negated;
        }
        if (shift > Prices.MAX_SCALE || negated < Long.MIN_VALUE / Prices.powerOfTen(shift)) {
            throw new ArithmeticException(BEYOND_A_LONG);
        }
        return negated * Prices.powerOfTen(shift);
    }

    private static long appendDigit(long negated, int digit) {
        if (negated < Long.MIN_VALUE / 10 || negated * 10 < Long.MIN_VALUE + digit) {
            throw new ArithmeticException(BEYOND_A_LONG);
        }
        return negated * 10 - digit;
    }

    private static int skipDigits(char[] chars, int index, int end) {
        int start = index;
        while (index < end && chars[index] >= '0' && chars[index] <= '9') {
            index++;
        }
        if (index == start) {
            throw new IllegalArgumentException("not a decimal number");
        }
        return index;
    }

    private static int exponentValue(char[] chars, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            value = value * 10 + chars[i] - '0';
            if (value > MAX_EXPONENT) {
                throw new ArithmeticException("exponent out of range: max=" + MAX_EXPONENT);
            }
        }
        return value;
    }
}
