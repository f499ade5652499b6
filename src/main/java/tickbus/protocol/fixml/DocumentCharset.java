package tickbus.protocol.fixml;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import tickbus.protocol.fixml.FixmlException.Reason;

/**
 * Decides a document's charset from its byte order mark, its XML declaration and the transport's charset
 * (e.g. the HTTP {@code Content-Type} parameter), and rejects any disagreement.
 *
 * <p>Accepted: UTF-8 (with or without BOM; US-ASCII may be declared, then every byte must be ASCII) and UTF-16
 * with a BOM. Rejected with {@link Reason#BAD_ENCODING}: UTF-16 without a BOM (the charset is missing where
 * XML 1.0 &sect;4.3.3 requires it), UTF-32 and EBCDIC, any other declared charset, a declaration or transport
 * charset that contradicts the bytes, and bytes that are not valid in the charset.
 */
enum DocumentCharset {
    UTF_8("UTF-8", 0),
    UTF_8_BOM("UTF-8", 3),
    US_ASCII("US-ASCII", 0),
    UTF_16BE("UTF-16", 2),
    UTF_16LE("UTF-16", 2);

    private static final int DECLARATION_SCAN_BYTES = 512;

    private final String family;
    private final int bomLength;

    DocumentCharset(String family, int bomLength) {
        this.family = family;
        this.bomLength = bomLength;
    }

    int bomLength() {
        return bomLength;
    }

    boolean isUtf16() {
        return this == UTF_16BE || this == UTF_16LE;
    }

    /** Detects and cross-checks the charset; the transport charset may be null when the transport gave none. */
    static DocumentCharset detect(byte[] bytes, int offset, int length, String transportCharset) {
        DocumentCharset physical = fromByteOrderMark(bytes, offset, length);
        String declared = XmlDeclaration.encoding(declarationText(physical, bytes, offset, length));
        return physical.narrowedBy("declared", declared).narrowedBy("transport", transportCharset);
    }

    private static DocumentCharset fromByteOrderMark(byte[] bytes, int offset, int length) {
        int b0 = length > 0 ? bytes[offset] & 0xFF : -1;
        int b1 = length > 1 ? bytes[offset + 1] & 0xFF : -1;
        int b2 = length > 2 ? bytes[offset + 2] & 0xFF : -1;
        int b3 = length > 3 ? bytes[offset + 3] & 0xFF : -1;
        if ((b0 == 0 && b1 == 0) || (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0)) {
            throw bad("unsupported charset: detected=UTF-32, supported=UTF-8, UTF-16");
        }
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            return UTF_8_BOM;
        }
        if (b0 == 0xFE && b1 == 0xFF) {
            return UTF_16BE;
        }
        if (b0 == 0xFF && b1 == 0xFE) {
            return UTF_16LE;
        }
        if ((b0 == 0 && b1 == '<') || (b0 == '<' && b1 == 0)) {
            throw bad("charset missing where required: UTF-16 without a byte order mark, offset=0");
        }
        if (b0 == 0x4C && b1 == 0x6F && b2 == 0xA7 && b3 == 0x94) {
            throw bad("unsupported charset: detected=EBCDIC, supported=UTF-8, UTF-16");
        }
        return UTF_8;
    }

    private static String declarationText(DocumentCharset physical, byte[] bytes, int offset, int length) {
        int start = offset + physical.bomLength;
        int scan = Math.min(length - physical.bomLength, DECLARATION_SCAN_BYTES) & (physical.isUtf16() ? ~1 : ~0);
        return switch (physical) {
            case UTF_16BE -> new String(bytes, start, scan, StandardCharsets.UTF_16BE);
            case UTF_16LE -> new String(bytes, start, scan, StandardCharsets.UTF_16LE);
            default -> new String(bytes, start, scan, StandardCharsets.ISO_8859_1);
        };
    }

    /** This charset as further named by a declaration or the transport (null: no name), or an error. */
    private DocumentCharset narrowedBy(String origin, String name) {
        if (name == null) {
            return this;
        }
        String canonical = name.strip().toUpperCase(Locale.ROOT);
        boolean matches = switch (canonical) {
            case "UTF-8" -> !isUtf16();
            case "US-ASCII", "ASCII" -> this == UTF_8 || this == US_ASCII;
            case "UTF-16" -> isUtf16();
            case "UTF-16BE" -> this == UTF_16BE;
            case "UTF-16LE" -> this == UTF_16LE;
            default -> throw bad("unsupported charset: " + origin + "=" + name + ", supported=UTF-8, UTF-16, US-ASCII");
        };
        if (!matches) {
            throw bad("wrong charset: " + origin + "=" + name + ", detected=" + describe());
        }
        return canonical.endsWith("ASCII") ? US_ASCII : this;
    }

    private String describe() {
        return switch (this) {
            case UTF_16BE -> "UTF-16BE";
            case UTF_16LE -> "UTF-16LE";
            default -> family;
        };
    }

    private static FixmlException bad(String message) {
        return new FixmlException(Reason.BAD_ENCODING, message);
    }
}
