package tickbus.protocol.soupbintcp;

import java.nio.charset.StandardCharsets;

/** The fixed-width ASCII fields of the login packets. */
final class AsciiFields {

    private static final byte SPACE = ' ';

    private AsciiFields() {
    }

    static byte[] bytes(String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            checkAscii(field, text, text.charAt(i));
        }
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Left-justify {@code value} in {@code width} bytes; returns the offset after the field. */
    static int putLeft(byte[] destination, int offset, int width, String field, String value) {
        checkWidth(field, value, width);
        for (int i = 0; i < width; i++) {
            destination[offset + i] = i < value.length() ? (byte) value.charAt(i) : SPACE;
        }
        return offset + width;
    }

    /** Right-justify {@code value} in {@code width} bytes; returns the offset after the field. */
    static int putRight(byte[] destination, int offset, int width, String field, String value) {
        checkWidth(field, value, width);
        int padding = width - value.length();
        for (int i = 0; i < width; i++) {
            destination[offset + i] = i < padding ? SPACE : (byte) value.charAt(i - padding);
        }
        return offset + width;
    }

    static int putNumber(byte[] destination, int offset, int width, String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative: " + field + "=" + value + ", min=0");
        }
        return putRight(destination, offset, width, field, Long.toString(value));
    }

    /** The field's text without its padding. */
    static String string(byte[] buffer, int offset, int width) {
        int start = offset;
        int end = offset + width;
        while (start < end && buffer[start] == SPACE) {
            start++;
        }
        while (end > start && buffer[end - 1] == SPACE) {
            end--;
        }
        return new String(buffer, start, end - start, StandardCharsets.US_ASCII);
    }

    /** A right-justified number; all spaces reads as 0. */
    static long number(byte[] buffer, int offset, int width, String field) {
        long value = 0;
        boolean seenDigit = false;
        for (int i = offset; i < offset + width; i++) {
            byte b = buffer[i];
            if (b == SPACE && !seenDigit) {
                continue;
            }
            if (b < '0' || b > '9' || value > (Long.MAX_VALUE - 9) / 10) {
                throw new SoupBinTcpException(SoupBinTcpException.Kind.MALFORMED_PAYLOAD, field
                        + " is not a number: " + field + "='" + string(buffer, offset, width) + "', width=" + width);
            }
            seenDigit = true;
            value = value * 10 + (b - '0');
        }
        return value;
    }

    static void checkPayloadLength(String packet, int length, int expected) {
        if (length != expected) {
            throw new SoupBinTcpException(SoupBinTcpException.Kind.MALFORMED_PAYLOAD, packet
                    + " payload length mismatch: length=" + length + ", expected=" + expected);
        }
    }

    private static void checkWidth(String field, String value, int width) {
        if (value.length() > width) {
            throw new IllegalArgumentException(field + " too long: length=" + value.length() + ", max=" + width);
        }
        for (int i = 0; i < value.length(); i++) {
            checkAscii(field, value, value.charAt(i));
        }
    }

    private static void checkAscii(String field, String value, char c) {
        if (c < 0x20 || c > 0x7E) {
            throw new IllegalArgumentException(field + " must be printable ASCII: " + field + "='" + value
                    + "', char=" + (int) c);
        }
    }
}
