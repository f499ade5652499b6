package tickbus.protocol.redisjson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import tickbus.protocol.redisjson.RedisJsonException.Reason;

/**
 * Translates Jackson's exceptions into {@link RedisJsonException} reasons. Jackson gives constraint violations
 * one exception type, so the kind is read from its message; the tests pin every case.
 */
final class JacksonErrors {

    private static final int MAX_DETAIL_CHARS = 160;

    private JacksonErrors() {
    }

    /** The reason for {@code e}, raised while reading the payload object at {@code field}. */
    static RedisJsonException translate(JsonProcessingException e, String field, RedisJsonLimits limits) {
        String message = String.valueOf(e.getOriginalMessage());
        if (e instanceof StreamConstraintsException) {
            return constraint(e, message, field, limits);
        }
        if (e instanceof JsonEOFException) {
            return error(Reason.TRUNCATED, "field=" + field, e);
        }
        if (message.startsWith("Duplicate field")) {
            return plain(Reason.DUPLICATE_KEY, "field=" + quotedName(message, field), e);
        }
        if (message.startsWith("Non-standard token")) {
            return plain(Reason.NOT_A_NUMBER, "field=" + field + ", value=" + quotedName(message, "?"), e);
        }
        if (message.startsWith("Invalid UTF-8")) {
            return error(Reason.INVALID_ENCODING, "field=" + field, e);
        }
        return error(Reason.SYNTAX, "field=" + field, e);
    }

    /** Anything wrong after the payload object's closing brace. */
    static RedisJsonException trailing(JsonProcessingException e) {
        return error(Reason.TRAILING_DATA, "expected=end of input", e);
    }

    private static RedisJsonException constraint(JsonProcessingException e, String message, String field,
            RedisJsonLimits limits) {
        String found = firstParenthesised(message);
        if (message.startsWith("Document nesting depth")) {
            return plain(Reason.TOO_DEEP, "field=" + field + ", depth=" + found + ", max=" + limits.maxDepth(), e);
        }
        if (message.startsWith("Number value length")) {
            return plain(Reason.NUMBER_TOO_LONG, "field=" + field + ", length=" + found + ", max="
                    + limits.maxNumberLength(), e);
        }
        if (message.startsWith("String value length")) {
            // Strings are checked where the reader materialises them; here Jackson was still buffering a
            // number's digits when they passed the string limit.
            return plain(Reason.NUMBER_TOO_LONG, "field=" + field + ", length>=" + found + ", max="
                    + limits.maxNumberLength(), e);
        }
        if (message.startsWith("Name length")) {
            return plain(Reason.STRING_TOO_LONG, "field name after=" + field + ", length=" + found + ", max="
                    + RedisJsonDecoder.MAX_FIELD_NAME_LENGTH, e);
        }
        if (message.startsWith("Token count")) {
            return plain(Reason.DOCUMENT_TOO_LARGE, "tokens exceed max: tokens=" + found + ", max="
                    + limits.maxTokens(), e);
        }
        return error(Reason.DOCUMENT_TOO_LARGE, "max=" + limits.maxDocumentBytes(), e);
    }

    /** The number Jackson puts in parentheses, e.g. 17 in {@code Document nesting depth (17) exceeds ...}. */
    static String firstParenthesised(String message) {
        int open = message.indexOf('(');
        int close = message.indexOf(')', open + 1);
        return open >= 0 && close > open ? message.substring(open + 1, close) : "?";
    }

    /** For errors whose key=value details say it all, without Jackson's wording. */
    private static RedisJsonException plain(Reason reason, String details, JsonProcessingException e) {
        return new RedisJsonException(reason, details, e);
    }

    private static RedisJsonException error(Reason reason, String details, JsonProcessingException e) {
        return new RedisJsonException(reason, details + " (" + detail(e.getOriginalMessage()) + ")", e);
    }

    /** The name between the first and last single quote of Jackson's message, e.g. {@code Duplicate field 'a'}. */
    private static String quotedName(String message, String fallback) {
        int first = message.indexOf('\'');
        int last = message.lastIndexOf('\'');
        return first >= 0 && last > first ? message.substring(first + 1, last) : fallback;
    }

    private static String detail(String message) {
        String text = String.valueOf(message);
        StringBuilder detail = new StringBuilder(Math.min(text.length(), MAX_DETAIL_CHARS) + 16);
        for (int i = 0; i < text.length() && i < MAX_DETAIL_CHARS; i++) {
            char c = text.charAt(i);
            detail.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        if (text.length() > MAX_DETAIL_CHARS) {
            detail.append("...");
        }
        return detail.toString();
    }
}
