package tickbus.protocol.fixml;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import tickbus.protocol.fixml.FixmlException.Reason;

/**
 * Strict UTF-8 validation (RFC 3629): rejects stray continuation bytes, truncated sequences, overlong forms,
 * surrogates and code points above U+10FFFF, naming the problem and the byte offset. ASCII runs are checked
 * eight bytes at a time.
 */
final class Utf8Validator {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8Validator() {
    }

    /** Throws {@link Reason#BAD_ENCODING} at the first invalid byte of {@code bytes[offset, offset+length)}. */
    static void validate(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int index = offset;
        while (index < end) {
            if (index + Long.BYTES <= end && ((long) LONGS.get(bytes, index) & HIGH_BITS) == 0) {
                index += Long.BYTES;
                continue;
            }
            int lead = bytes[index] & 0xFF;
            index = lead < 0x80 ? index + 1 : sequenceEnd(bytes, index, end, offset);
        }
    }

    /** Throws {@link Reason#BAD_ENCODING} at the first byte above 0x7F. */
    static void validateAscii(byte[] bytes, int offset, int length) {
        for (int index = offset; index < offset + length; index++) {
            if (bytes[index] < 0) {
                throw new FixmlException(Reason.BAD_ENCODING, "invalid US-ASCII: problem=byte above 0x7F, offset="
                        + (index - offset) + ", byte=" + hex(bytes[index]));
            }
        }
    }

    private static int sequenceEnd(byte[] bytes, int start, int end, int offset) {
        int lead = bytes[start] & 0xFF;
        int count;
        int min = 0x80;
        int max = 0xBF;
        if (lead < 0xC2) {
            throw invalid(lead < 0xC0 ? "unexpected continuation byte" : "overlong encoding", bytes, start, 1, offset);
        } else if (lead < 0xE0) {
            count = 1;
        } else if (lead < 0xF0) {
            count = 2;
            min = lead == 0xE0 ? 0xA0 : 0x80;
            max = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead < 0xF5) {
            count = 3;
            min = lead == 0xF0 ? 0x90 : 0x80;
            max = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw invalid("invalid lead byte", bytes, start, 1, offset);
        }
        for (int i = 1; i <= count; i++) {
            if (start + i >= end) {
                throw invalid("truncated sequence", bytes, start, end - start, offset);
            }
            int next = bytes[start + i] & 0xFF;
            if (next < 0x80 || next > 0xBF) {
                throw invalid("missing continuation byte", bytes, start, i + 1, offset);
            }
            if (i == 1 && (next < min || next > max)) {
                throw invalid(secondByteProblem(lead), bytes, start, 2, offset);
            }
        }
        return start + count + 1;
    }

    private static String secondByteProblem(int lead) {
        return switch (lead) {
            case 0xE0, 0xF0 -> "overlong encoding";
            case 0xED -> "surrogate code point";
            default -> "code point above U+10FFFF";
        };
    }

    private static FixmlException invalid(String problem, byte[] bytes, int start, int count, int offset) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < count; i++) {
            shown.append(i == 0 ? "" : " ").append(hex(bytes[start + i]));
        }
        return new FixmlException(Reason.BAD_ENCODING, "invalid UTF-8: problem=" + problem + ", offset="
                + (start - offset) + ", bytes=" + shown);
    }

    private static String hex(byte value) {
        return String.format("0x%02X", value & 0xFF);
    }
}
