package tickbus.protocol.fixml;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import tickbus.protocol.fixml.FixmlException.Reason;

/**
 * Strictly decodes a document's bytes into a reused char buffer for the parser: any malformed sequence is a
 * {@link Reason#BAD_ENCODING} naming the problem and offset. Decoding once up front lets the parser read
 * characters straight from memory. Not thread-safe.
 */
final class DocumentText {

    private static final int INITIAL_CHARS = 16 * 1024;
    private static final int RETAINED_MAX_CHARS = 1024 * 1024;

    private final CharsetDecoder utf8 = strict(StandardCharsets.UTF_8);
    private final CharsetDecoder utf16be = strict(StandardCharsets.UTF_16BE);
    private final CharsetDecoder utf16le = strict(StandardCharsets.UTF_16LE);
    private char[] retained = new char[INITIAL_CHARS];
    private char[] chars = retained;
    private int length;

    /** Decodes {@code bytes[offset, offset+count)} (its byte order mark skipped) in {@code charset}. */
    void decode(byte[] bytes, int offset, int count, DocumentCharset charset) {
        int start = offset + charset.bomLength();
        int size = count - charset.bomLength();
        if (charset == DocumentCharset.US_ASCII) {
            Utf8Validator.validateAscii(bytes, start, size);
        }
        CharsetDecoder decoder = switch (charset) {
            case UTF_16BE -> utf16be;
            case UTF_16LE -> utf16le;
            default -> utf8;
        };
        CharBuffer out = CharBuffer.wrap(buffer(size + 1));
        ByteBuffer in = ByteBuffer.wrap(bytes, start, size);
        decoder.reset();
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw malformed(bytes, start, size, charset, in.position() - offset, result.length());
        }
        length = out.position();
    }

    char[] chars() {
        return chars;
    }

    int length() {
        return length;
    }

    private char[] buffer(int needed) {
        if (needed <= retained.length) {
            chars = retained;
        } else if (needed <= RETAINED_MAX_CHARS) {
            retained = new char[Math.max(needed, retained.length * 2)];
            chars = retained;
        } else {
            chars = new char[needed];
        }
        return chars;
    }

    private static FixmlException malformed(byte[] bytes, int start, int size, DocumentCharset charset, int offset,
            int badBytes) {
        if (!charset.isUtf16()) {
            Utf8Validator.validate(bytes, start, size);
        }
        return new FixmlException(Reason.BAD_ENCODING, "invalid " + (charset.isUtf16() ? "UTF-16" : "UTF-8")
                + ": problem=" + (charset.isUtf16() ? "unpaired surrogate or odd length" : "malformed sequence")
                + ", offset=" + offset + ", bytes=" + badBytes);
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
