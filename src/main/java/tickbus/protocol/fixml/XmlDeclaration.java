package tickbus.protocol.fixml;

import tickbus.protocol.fixml.FixmlException.Reason;

/** Reads the {@code encoding} pseudo-attribute of an XML declaration ({@code <?xml version="1.0" ...?>}). */
final class XmlDeclaration {

    private static final String START = "<?xml";
    private static final String END = "?>";
    private static final String ENCODING = "encoding";

    private XmlDeclaration() {
    }

    /** The declared encoding, or null when the text starts with no declaration or the declaration names none. */
    static String encoding(String head) {
        if (!head.startsWith(START) || head.length() <= START.length()
                || !isSpace(head.charAt(START.length()))) {
            return null;
        }
        int end = head.indexOf(END);
        if (end < 0) {
            throw new FixmlException(Reason.MALFORMED, "XML declaration not closed: scannedChars=" + head.length());
        }
        String declaration = head.substring(START.length(), end);
        int at = declaration.indexOf(ENCODING);
        if (at < 0) {
            return null;
        }
        int index = skipSpaces(declaration, at + ENCODING.length());
        if (index >= declaration.length() || declaration.charAt(index) != '=') {
            throw malformed(declaration);
        }
        index = skipSpaces(declaration, index + 1);
        if (index >= declaration.length()) {
            throw malformed(declaration);
        }
        char quote = declaration.charAt(index);
        int close = quote == '"' || quote == '\'' ? declaration.indexOf(quote, index + 1) : -1;
        if (close < 0) {
            throw malformed(declaration);
        }
        return declaration.substring(index + 1, close);
    }

    private static int skipSpaces(String text, int index) {
        while (index < text.length() && isSpace(text.charAt(index))) {
            index++;
        }
        return index;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static FixmlException malformed(String declaration) {
        return new FixmlException(Reason.MALFORMED, "bad encoding declaration: declaration=" + declaration.strip());
    }
}
