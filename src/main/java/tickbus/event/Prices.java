package tickbus.event;

import java.math.BigDecimal;

/**
 * Exact fixed-point prices: a {@code long} mantissa and a decimal scale, {@code value = mantissa / 10^scale}.
 * Never binary floating point.
 */
public final class Prices {

    public static final int MAX_SCALE = 18;

    /** The longest text {@link #parse} accepts; {@code Long.MIN_VALUE} at any scale takes at most 21. */
    private static final int MAX_TEXT_LENGTH = 40;

    private static final long[] POWERS_OF_TEN = new long[MAX_SCALE + 1];

    static {
        long power = 1;
        for (int i = 0; i <= MAX_SCALE; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private Prices() {
    }

    public static BigDecimal toDecimal(long mantissa, int scale) {
        return BigDecimal.valueOf(mantissa, scale);
    }

    /** {@code 10^scale}. */
    public static long powerOfTen(int scale) {
        checkScale(scale);
        return POWERS_OF_TEN[scale];
    }

    /**
     * The mantissa of {@code value} at {@code scale}, exactly.
     *
     * @throws ArithmeticException when the value has more decimals than the scale or does not fit a long
     */
    public static long toMantissa(BigDecimal value, int scale) {
        checkScale(scale);
        try {
            return value.setScale(scale).unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new ArithmeticException("price does not fit scale: value=" + value.toPlainString()
                    + ", scale=" + scale);
        }
    }

    /**
     * Parse a plain decimal string ({@code -12.345}, {@code 7}, {@code 0.5}; no exponent) to a mantissa at
     * {@code scale} without going through double.
     *
     * @throws NumberFormatException naming the text and the reason when it is not such a number, has more
     *     decimals than {@code scale} or overflows a long
     */
    public static long parse(CharSequence text, int scale) {
        checkScale(scale);
        int length = text.length();
        if (length == 0 || length > MAX_TEXT_LENGTH) {
            throw new NumberFormatException("price length out of range: length=" + length + ", max="
                    + MAX_TEXT_LENGTH);
        }
        char first = text.charAt(0);
        boolean negative = first == '-';
        int index = negative || first == '+' ? 1 : 0;
        // Accumulate negatively, as Long.parseLong does, so that Long.MIN_VALUE is reachable.
        long negated = 0;
        int decimals = -1;
        boolean anyDigit = false;
        try {
            for (; index < length; index++) {
                char c = text.charAt(index);
                if (c == '.' && decimals < 0) {
                    decimals = 0;
                    continue;
                }
                if (c < '0' || c > '9') {
                    throw new NumberFormatException("price is not a plain decimal: text=" + text + ", char='" + c
                            + "', index=" + index);
                }
                anyDigit = true;
                if (decimals >= 0 && ++decimals > scale) {
                    if (c != '0') {
                        throw new NumberFormatException("price has more decimals than scale: text=" + text
                                + ", scale=" + scale);
                    }
                    continue;
                }
                negated = Math.subtractExact(Math.multiplyExact(negated, 10), c - '0');
            }
            if (!anyDigit) {
                throw new NumberFormatException("price has no digits: text=" + text);
            }
            negated = Math.multiplyExact(negated, POWERS_OF_TEN[scale - Math.min(Math.max(decimals, 0), scale)]);
            return negative ? negated : Math.negateExact(negated);
        } catch (ArithmeticException e) {
            throw new NumberFormatException("price overflows a long: text=" + text + ", scale=" + scale);
        }
    }

    /** The plain decimal text of a mantissa at a scale, e.g. {@code (12345, 2) -> "123.45"}. */
    public static String format(long mantissa, int scale) {
        return toDecimal(mantissa, scale).toPlainString();
    }

    /** The same price at another, larger or equal, scale. */
    public static long rescale(long mantissa, int fromScale, int toScale) {
        if (toScale < fromScale) {
            throw new ArithmeticException("rescale would lose digits: fromScale=" + fromScale + ", toScale=" + toScale);
        }
        return Math.multiplyExact(mantissa, powerOfTen(toScale - fromScale));
    }

    static void checkScale(int scale) {
        checkScale(scale, "priceScale");
    }

    /** Checks a scale field of an event ({@code priceScale}, {@code sizeScale}): 0 to {@value #MAX_SCALE}. */
    static void checkScale(int scale, String field) {
        if (scale < 0 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale out of range: field=" + field + ", scale=" + scale
                    + ", min=0, max=" + MAX_SCALE);
        }
    }
}
