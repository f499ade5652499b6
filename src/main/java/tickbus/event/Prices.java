package tickbus.event;

import java.math.BigDecimal;

/**
 * Exact fixed-point prices: a {@code long} mantissa and a decimal scale, {@code value = mantissa / 10^scale}.
 * Never binary floating point.
 */
public final class Prices {

    public static final int MAX_SCALE = 18;

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
        if (length == 0 || length > 40) {
            throw new NumberFormatException("price length out of range: length=" + length + ", max=40");
        }
        int index = 0;
        boolean negative = false;
        char first = text.charAt(0);
        if (first == '-' || first == '+') {
            negative = first == '-';
            index++;
        }
        long mantissa = 0;
        int decimals = -1;
        int digits = 0;
        try {
            for (; index < length; index++) {
            char c = text.charAt(index);
            if (c == '.') {
                if (decimals >= 0) {
                    throw new NumberFormatException("price has two decimal points: text=" + text);
                }
                decimals = 0;
                continue;
            }
            if (c < '0' || c > '9') {
                throw new NumberFormatException("price has a non-digit: text=" + text + ", char='" + c + "'");
            }
            if (decimals >= 0) {
                decimals++;
                if (decimals > scale) {
                    if (c != '0') {
                        throw new NumberFormatException("price has more decimals than scale: text=" + text
                                + ", scale=" + scale);
                    }
                    continue;
                }
            }
            digits++;
            mantissa = Math.addExact(Math.multiplyExact(mantissa, 10), c - '0');
            }
        } catch (ArithmeticException e) {
            throw new NumberFormatException("price overflows a long: text=" + text + ", scale=" + scale);
        }
        if (digits == 0) {
            throw new NumberFormatException("price has no digits: text=" + text);
        }
        int used = Math.max(decimals, 0);
        if (used < scale) {
            try {
                mantissa = Math.multiplyExact(mantissa, POWERS_OF_TEN[scale - Math.min(used, scale)]);
            } catch (ArithmeticException e) {
                throw new NumberFormatException("price overflows: text=" + text + ", scale=" + scale);
            }
        }
        return negative ? -mantissa : mantissa;
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
        if (scale < 0 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("price scale out of range: scale=" + scale + ", min=0, max=" + MAX_SCALE);
        }
    }
}
