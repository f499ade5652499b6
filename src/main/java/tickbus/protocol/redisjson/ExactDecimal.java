package tickbus.protocol.redisjson;

import tickbus.event.Prices;

/**
 * Exact conversion of decimal text, with or without an exponent ({@code 1.305e-05}, as Python writes small
 * floats), to a {@code long} mantissa at a scale, through {@link Prices#parse}, never through double.
 */
final class ExactDecimal {

    /** Larger exponents can only describe zero or an overflow; refusing them keeps the work bounded. */
    static final int MAX_EXPONENT = 400;

    private final CharView view = new CharView();

    /**
     * The mantissa of {@code chars[offset, offset + length)} at {@code scale}. Digits beyond the scale are
     * dropped when {@code truncate} is set (timestamps finer than the scale), and refused otherwise.
     *
     * @throws IllegalArgumentException when the text is not a decimal number
     * @throws ArithmeticException when the value does not fit the scale or a long
     */
    long parse(char[] chars, int offset, int length, int scale, boolean truncate) {
        int end = offset + length;
        int index = offset;
        if (index < end && chars[index] == '-') {
            index++;
        }
        index = skipDigits(chars, index, end);
        int dot = -1;
        if (index < end && chars[index] == '.') {
            dot = index;
            index = skipDigits(chars, index + 1, end);
        }
        int mantissaEnd = index;
        int exponent = 0;
        if (index < end && (chars[index] == 'e' || chars[index] == 'E')) {
            index++;
            boolean negative = index < end && chars[index] == '-';
            if (index < end && (chars[index] == '-' || chars[index] == '+')) {
                index++;
            }
            int digitsStart = index;
            index = skipDigits(chars, index, end);
            exponent = exponentValue(chars, digitsStart, index);
            exponent = negative ? -exponent : exponent;
        }
        if (index != end) {
            throw new IllegalArgumentException("not a decimal number");
        }
        return scaled(chars, offset, mantissaEnd, dot, scale + exponent, truncate);
    }

    /** The mantissa of {@code chars[offset, end)} (no exponent) times {@code 10^effectiveScale}. */
    private long scaled(char[] chars, int offset, int end, int dot, int effectiveScale, boolean truncate) {
        int parseScale = Math.max(0, Math.min(effectiveScale, Prices.MAX_SCALE));
        int kept = end;
        if (truncate && dot >= 0 && dot + 1 + parseScale < end) {
            kept = parseScale == 0 ? dot : dot + 1 + parseScale;
        }
        long mantissa;
        try {
            mantissa = Prices.parse(view.set(chars, offset, kept - offset), parseScale);
        } catch (NumberFormatException e) {
            throw new ArithmeticException("not exact at the scale or beyond a long mantissa");
        }
        if (effectiveScale > Prices.MAX_SCALE) {
            return multiply(mantissa, effectiveScale - Prices.MAX_SCALE);
        }
        if (effectiveScale < 0) {
            return divide(mantissa, -effectiveScale, truncate);
        }
        return mantissa;
    }

    private static long multiply(long mantissa, int powerOfTen) {
        if (mantissa == 0) {
            return 0;
        }
        if (powerOfTen > Prices.MAX_SCALE) {
            throw new ArithmeticException("beyond a long mantissa");
        }
        try {
            return Math.multiplyExact(mantissa, Prices.powerOfTen(powerOfTen));
        } catch (ArithmeticException e) {
            throw new ArithmeticException("beyond a long mantissa");
        }
    }

    private static long divide(long mantissa, int powerOfTen, boolean truncate) {
        long divisor = powerOfTen > Prices.MAX_SCALE ? 0 : Prices.powerOfTen(powerOfTen);
        if (divisor != 0 && (truncate || mantissa % divisor == 0)) {
            return mantissa / divisor;
        }
        if (mantissa == 0 || truncate) {
            return 0;
        }
        throw new ArithmeticException("more decimals than the scale");
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
