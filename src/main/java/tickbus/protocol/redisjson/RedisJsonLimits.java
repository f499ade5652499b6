package tickbus.protocol.redisjson;

/**
 * Bounds on what one payload may contain. Payloads are flat objects of about 200 bytes, so the defaults are
 * tight; every bound is checked before or while parsing, never after materialising the value.
 *
 * @param maxDocumentBytes largest payload, in bytes
 * @param maxDepth deepest nesting of objects and arrays (the payload object itself is depth 1)
 * @param maxStringLength longest JSON string value, in chars (Jackson checks it in coarse steps)
 * @param maxNumberLength longest JSON number token, in chars
 * @param maxTokens most JSON tokens in one payload
 * @param maxSymbolLength longest symbol or exchange name, in chars
 * @param maxTradeIdLength longest trade id, in chars
 */
public record RedisJsonLimits(int maxDocumentBytes, int maxDepth, int maxStringLength, int maxNumberLength,
        int maxTokens, int maxSymbolLength, int maxTradeIdLength) {

    public static final RedisJsonLimits DEFAULTS = new RedisJsonLimits(64 * 1024, 16, 1024, 64, 4096, 64, 128);

    public RedisJsonLimits {
        positive("maxDocumentBytes", maxDocumentBytes);
        positive("maxDepth", maxDepth);
        positive("maxStringLength", maxStringLength);
        positive("maxNumberLength", maxNumberLength);
        positive("maxTokens", maxTokens);
        positive("maxSymbolLength", maxSymbolLength);
        positive("maxTradeIdLength", maxTradeIdLength);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("limit must be positive: " + name + "=" + value);
        }
    }
}
