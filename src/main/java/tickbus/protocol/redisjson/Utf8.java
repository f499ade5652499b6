package tickbus.protocol.redisjson;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF) of a whole
 * payload, including strings the decoder skips. ASCII is checked eight bytes at a time.
 */
final class Utf8 {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8() {
    }

    /** The offset of the first byte that starts an invalid sequence, or -1 when all is valid. */
    static int firstInvalid(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int index = offset;
        while (index < end) {
            if (index + Long.BYTES <= end && ((long) LONGS.get(bytes, index) & HIGH_BITS) == 0) {
                index += Long.BYTES;
                continue;
            }
            int lead = bytes[index] & 0xFF;
            if (lead < 0x80) {
                index++;
                continue;
            }
            int width = sequenceWidth(lead, bytes, index, end);
            if (width == 0) {
                return index;
            }
            index += width;
        }
        return -1;
    }

    /** The byte count of a valid multi-byte sequence at {@code index}, or 0 when it is invalid. */
    private static int sequenceWidth(int lead, byte[] bytes, int index, int end) {
        int width;
        int secondMin = 0x80;
        int secondMax = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            width = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            width = 3;
            secondMin = lead == 0xE0 ? 0xA0 : 0x80;
            secondMax = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            width = 4;
            secondMin = lead == 0xF0 ? 0x90 : 0x80;
            secondMax = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            return 0;
        }
        if (index + width > end) {
            return 0;
        }
        int second = bytes[index + 1] & 0xFF;
        if (second < secondMin || second > secondMax) {
            return 0;
        }
        for (int i = 2; i < width; i++) {
            int next = bytes[index + i] & 0xFF;
            if (next < 0x80 || next > 0xBF) {
                return 0;
            }
        }
        return width;
    }
}
