package tickbus.protocol.redisjson;

import java.math.BigDecimal;

/**
 * Writes an exact decimal the way Python's {@code repr(float)} (and so {@code json.dumps}) writes floats:
 * {@code 985.0}, {@code 0.791}, {@code 1.305e-05}, {@code 1e+16}. Scientific form when the decimal point
 * would sit more than 4 places left of the first digit or 16 right of it.
 */
final class PythonFloatText {

    private PythonFloatText() {
    }

    static String format(long mantissa, int scale) {
        if (mantissa == 0) {
            return "0.0";
        }
        BigDecimal value = BigDecimal.valueOf(mantissa, scale).stripTrailingZeros();
        String digits = value.unscaledValue().abs().toString();
        int pointPosition = digits.length() - value.scale();
        String sign = mantissa < 0 ? "-" : "";
        if (pointPosition > -4 && pointPosition <= 16) {
            return sign + positional(digits, pointPosition);
        }
        int exponent = pointPosition - 1;
        String significand = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exponentDigits = Math.abs(exponent) < 10 ? "0" + Math.abs(exponent) : String.valueOf(Math.abs(exponent));
        return sign + significand + "e" + (exponent < 0 ? "-" : "+") + exponentDigits;
    }

    /** {@code 0.digits x 10^pointPosition} written without an exponent. */
    private static String positional(String digits, int pointPosition) {
        if (pointPosition <= 0) {
            return "0." + "0".repeat(-pointPosition) + digits;
        }
        if (pointPosition >= digits.length()) {
            return digits + "0".repeat(pointPosition - digits.length()) + ".0";
        }
        return digits.substring(0, pointPosition) + "." + digits.substring(pointPosition);
    }
}
