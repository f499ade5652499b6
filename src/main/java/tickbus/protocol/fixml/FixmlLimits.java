package tickbus.protocol.fixml;

/**
 * Bounds on what one FIXML document may make the parser do. Every limit is checked before the work it
 * bounds, so a hostile document costs at most these amounts of memory and time.
 *
 * @param maxDocumentBytes largest accepted document, in bytes
 * @param maxElementDepth deepest accepted element nesting (the root is depth 1)
 * @param maxAttributesPerElement most attributes on one element
 * @param maxAttributeChars longest attribute value, in characters
 * @param maxTextChars longest text node, in characters
 * @param maxEntityExpansions most entity expansions in one document (only the predefined ones exist)
 * @param maxEntriesPerMessage most {@code Inc} or {@code Full} entries in one message
 */
public record FixmlLimits(int maxDocumentBytes, int maxElementDepth, int maxAttributesPerElement,
        int maxAttributeChars, int maxTextChars, int maxEntityExpansions, int maxEntriesPerMessage) {

    public static final int DEFAULT_MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
    public static final int DEFAULT_MAX_ELEMENT_DEPTH = 32;
    public static final int DEFAULT_MAX_ATTRIBUTES_PER_ELEMENT = 64;
    public static final int DEFAULT_MAX_ATTRIBUTE_CHARS = 4096;
    public static final int DEFAULT_MAX_TEXT_CHARS = 4096;
    public static final int DEFAULT_MAX_ENTITY_EXPANSIONS = 1000;
    public static final int DEFAULT_MAX_ENTRIES_PER_MESSAGE = 10_000;

    public static final FixmlLimits DEFAULTS = new FixmlLimits(DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_MAX_ELEMENT_DEPTH,
            DEFAULT_MAX_ATTRIBUTES_PER_ELEMENT, DEFAULT_MAX_ATTRIBUTE_CHARS, DEFAULT_MAX_TEXT_CHARS,
            DEFAULT_MAX_ENTITY_EXPANSIONS, DEFAULT_MAX_ENTRIES_PER_MESSAGE);

    public FixmlLimits {
        requirePositive("maxDocumentBytes", maxDocumentBytes);
        requirePositive("maxElementDepth", maxElementDepth);
        requirePositive("maxAttributesPerElement", maxAttributesPerElement);
        requirePositive("maxAttributeChars", maxAttributeChars);
        requirePositive("maxTextChars", maxTextChars);
        requirePositive("maxEntityExpansions", maxEntityExpansions);
        requirePositive("maxEntriesPerMessage", maxEntriesPerMessage);
        if (maxElementDepth < 5) {
            throw new IllegalArgumentException("FIXML needs at least 5 levels: maxElementDepth=" + maxElementDepth
                    + ", min=5");
        }
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + name + "=" + value);
        }
    }
}
