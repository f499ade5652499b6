package tickbus.protocol.fixml;

/**
 * Canonical Strings for symbols and maturities read from the parser's buffer: a repeated value costs a hash
 * and a compare, not an allocation. Bounded, so a hostile stream of unique names cannot grow it without limit;
 * when full, values are still returned, just not remembered.
 */
final class SymbolTable {

    private final String[] slots;
    private final int[] hashes;
    private final int maxEntries;
    private int size;

    SymbolTable(int maxEntries) {
        int capacity = Integer.highestOneBit(Math.max(16, maxEntries * 2 - 1)) << 1;
        this.slots = new String[capacity];
        this.hashes = new int[capacity];
        this.maxEntries = maxEntries;
    }

    /** The canonical String of an identifier, checked as {@link FieldParser#checkIdentifier} does. */
    String intern(AttributeValue value, String field) {
        FieldParser.checkIdentifierLength(value, field);
        char[] buffer = value.buffer();
        int start = value.start();
        int length = value.length();
        int hash = 0;
        for (int i = start; i < start + length; i++) {
            char c = buffer[i];
            FieldParser.checkIdentifierChar(c, value, field);
            hash = 31 * hash + c;
        }
        int mask = slots.length - 1;
        for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
            String existing = slots[slot];
            if (existing == null) {
                String created = new String(buffer, start, length);
                if (size < maxEntries) {
                    slots[slot] = created;
                    hashes[slot] = hash;
                    size++;
                }
                return created;
            }
            if (hashes[slot] == hash && matches(existing, buffer, start, length)) {
                return existing;
            }
        }
    }

    private static boolean matches(String existing, char[] buffer, int start, int length) {
        if (existing.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (existing.charAt(i) != buffer[start + i]) {
                return false;
            }
        }
        return true;
    }

    private static int mix(int hash) {
        return hash ^ (hash >>> 16);
    }
}
