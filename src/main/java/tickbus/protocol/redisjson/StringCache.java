package tickbus.protocol.redisjson;

/**
 * Canonical Strings for repeated short texts (symbols, exchange names), so a payload does not allocate one
 * per value. Bounded: a full table or a long probe hands out a fresh String instead of growing, so hostile
 * payloads with endless distinct symbols cost neither memory nor time.
 */
final class StringCache {

    private static final int MAX_PROBES = 8;

    private final String[] table;
    private final int mask;
    private final int maxEntries;
    private int entries;

    /** {@code capacity} is rounded up to a power of two; at most half of it is filled. */
    StringCache(int capacity) {
        int size = Integer.highestOneBit(Math.max(capacity, 16) - 1) << 1;
        this.table = new String[size];
        this.mask = size - 1;
        this.maxEntries = size / 2;
    }

    String get(char[] chars, int offset, int length) {
        int hash = 0;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + chars[offset + i];
        }
        int slot = (hash ^ (hash >>> 16)) & mask;
        for (int probe = 0; probe < MAX_PROBES; probe++) {
            String cached = table[slot];
            if (cached == null) {
                String created = new String(chars, offset, length);
                if (entries < maxEntries) {
                    table[slot] = created;
                    entries++;
                }
                return created;
            }
            if (CharView.sameChars(cached, chars, offset, length)) {
                return cached;
            }
            slot = (slot + 1) & mask;
        }
        return new String(chars, offset, length);
    }
}
