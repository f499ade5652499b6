package tickbus.normalize.itch;

import tickbus.event.Side;

/**
 * The price, size and aggressor of recent trades by match number, so that a Broken Trade, which names only the match
 * number, can be published with what it breaks. Bounded: {@link #SLOTS} entries in primitive arrays (≈ 3.4 MB), each
 * trade stored in the older of two slots its match number hashes to, so what is lost first is what is oldest, give
 * or take. Not thread-safe.
 */
final class RecentTrades {

    static final int SLOTS = 1 << 17;
    private static final int MASK = SLOTS - 1;
    private static final Side[] SIDES = Side.values();

    private final long[] matchNumbers = new long[SLOTS];
    private final long[] prices = new long[SLOTS];
    private final long[] sizes = new long[SLOTS];
    private final int[] locates = new int[SLOTS];
    private final byte[] aggressors = new byte[SLOTS];
    /** When each slot was written (a count of trades remembered); 0 for an empty slot. */
    private final long[] written = new long[SLOTS];
    private long count;
    private int found = -1;

    void remember(int locate, long matchNumber, long price, long size, Side aggressor) {
        int first = firstSlot(matchNumber);
        int second = secondSlot(matchNumber);
        int slot = written[first] == 0 || matchNumbers[first] == matchNumber ? first
                : written[second] == 0 || matchNumbers[second] == matchNumber ? second
                : written[first] <= written[second] ? first : second;
        matchNumbers[slot] = matchNumber;
        prices[slot] = price;
        sizes[slot] = size;
        locates[slot] = locate;
        aggressors[slot] = (byte) aggressor.ordinal();
        written[slot] = ++count;
    }

    /** Whether the trade of this instrument and match number is remembered; if so, the getters describe it. */
    boolean find(int locate, long matchNumber) {
        int first = firstSlot(matchNumber);
        int second = secondSlot(matchNumber);
        found = holds(first, locate, matchNumber) ? first : holds(second, locate, matchNumber) ? second : -1;
        return found >= 0;
    }

    long price() {
        return prices[found];
    }

    long size() {
        return sizes[found];
    }

    Side aggressor() {
        return SIDES[aggressors[found]];
    }

    void clear() {
        java.util.Arrays.fill(written, 0);
        count = 0;
        found = -1;
    }

    private boolean holds(int slot, int locate, long matchNumber) {
        return written[slot] != 0 && matchNumbers[slot] == matchNumber && locates[slot] == locate;
    }

    private static int firstSlot(long matchNumber) {
        long h = matchNumber * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & MASK;
    }

    private static int secondSlot(long matchNumber) {
        long h = (matchNumber ^ 0x5DEECE66DL) * 0xC2B2AE3D27D4EB4FL;
        return (int) (h >>> 40) & MASK;
    }
}
