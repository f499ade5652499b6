package tickbus.feed.http;

import java.util.Locale;

/** A response's {@code Content-Type}: the media type, which must be XML, and the charset it declares, if any. */
record ContentType(String mediaType, String charset) {

    /** Parses a header value; null gives an empty media type. */
    static ContentType parse(String header) {
        if (header == null) {
            return new ContentType("", null);
        }
        String[] parts = header.split(";");
        String charset = null;
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).trim().equalsIgnoreCase("charset")) {
                charset = unquote(parameter.substring(equals + 1).trim());
            }
        }
        return new ContentType(parts[0].trim().toLowerCase(Locale.ROOT), charset);
    }

    boolean isXml() {
        return mediaType.equals("application/xml") || mediaType.equals("text/xml") || mediaType.endsWith("+xml");
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
