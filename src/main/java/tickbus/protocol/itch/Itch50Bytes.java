package tickbus.protocol.itch;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Big-endian integers and space-padded ASCII in byte arrays, as ITCH lays them out. */
final class Itch50Bytes {

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long MAX_UNSIGNED_INT = 0xFFFF_FFFFL;
    private static final long MAX_UNSIGNED_48 = 0xFFFF_FFFF_FFFFL;
    private static final byte SPACE = ' ';

    private Itch50Bytes() {
    }

    static int getUnsignedShort(byte[] buffer, int offset) {
        return (short) SHORT.get(buffer, offset) & 0xFFFF;
    }

    static long getUnsignedInt(byte[] buffer, int offset) {
        return (int) INT.get(buffer, offset) & MAX_UNSIGNED_INT;
    }

    static int getInt(byte[] buffer, int offset) {
        return (int) INT.get(buffer, offset);
    }

    static short getShort(byte[] buffer, int offset) {
        return (short) SHORT.get(buffer, offset);
    }

    static long getLong(byte[] buffer, int offset) {
        return (long) LONG.get(buffer, offset);
    }

    static long getUnsigned48(byte[] buffer, int offset) {
        return ((long) getUnsignedShort(buffer, offset) << 32) | getUnsignedInt(buffer, offset + 2);
    }

    static void putUnsignedShort(byte[] buffer, int offset, int value, String field) {
        if (value < 0 || value > 0xFFFF) {
            throw outOfRange(field, value, 0xFFFF);
        }
        SHORT.set(buffer, offset, (short) value);
    }

    static void putUnsignedInt(byte[] buffer, int offset, long value, String field) {
        if (value < 0 || value > MAX_UNSIGNED_INT) {
            throw outOfRange(field, value, MAX_UNSIGNED_INT);
        }
        INT.set(buffer, offset, (int) value);
    }

    static void putLong(byte[] buffer, int offset, long value) {
        LONG.set(buffer, offset, value);
    }

    static void putUnsigned48(byte[] buffer, int offset, long value, String field) {
        if (value < 0 || value > MAX_UNSIGNED_48) {
            throw outOfRange(field, value, MAX_UNSIGNED_48);
        }
        SHORT.set(buffer, offset, (short) (value >>> 32));
        INT.set(buffer, offset + 2, (int) value);
    }

    /** Left-justified ASCII without its right padding. */
    static String getAlpha(byte[] buffer, int offset, int width) {
        int end = offset + width;
        while (end > offset && buffer[end - 1] == SPACE) {
            end--;
        }
        return new String(buffer, offset, end - offset, StandardCharsets.US_ASCII);
    }

    static void putAlpha(byte[] buffer, int offset, int width, String value, String field) {
        if (value.length() > width) {
            throw new IllegalArgumentException(field + " too long: " + field + "='" + value + "', length="
                    + value.length() + ", max=" + width);
        }
        for (int i = 0; i < width; i++) {
            char c = i < value.length() ? value.charAt(i) : ' ';
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException(field + " must be printable ASCII: " + field + "='" + value
                        + "', char=" + (int) c);
            }
            buffer[offset + i] = (byte) c;
        }
    }

    /** A type or code byte for messages, e.g. {@code 'A'} or {@code 0x00}. */
    static String describe(byte value) {
        char c = (char) (value & 0xFF);
        return c >= 0x20 && c < 0x7F ? "'" + c + "'" : String.format("0x%02X", value & 0xFF);
    }

    private static IllegalArgumentException outOfRange(String field, long value, long max) {
        return new IllegalArgumentException(field + " out of range: " + field + "=" + value + ", min=0, max=" + max);
    }
}
