package tickbus.protocol.redisjson;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

/**
 * The field names of every payload shape {@link FlatJsonTokens} reads (others are left to Jackson), matched against
 * raw bytes. Publishers write their fields in one order, so the name that followed the previous one last time is
 * tried before the scan over every known name. One per scanner: not thread-safe.
 */
final class KnownFieldNames {

    static final String[] NAMES = Stream.of(RedisJson.Tickbus.VERSION, RedisJson.Tickbus.TYPE,
            RedisJson.Tickbus.SYMBOL, RedisJson.Tickbus.SEQUENCE, RedisJson.Tickbus.TIMESTAMP_NANOS,
            RedisJson.Tickbus.BID, RedisJson.Tickbus.BID_SIZE, RedisJson.Tickbus.ASK, RedisJson.Tickbus.ASK_SIZE,
            RedisJson.Tickbus.PRICE, RedisJson.Tickbus.SIZE, RedisJson.Tickbus.SIDE, RedisJson.Tickbus.TRADE_ID,
            RedisJson.Cryptofeed.EXCHANGE, RedisJson.Cryptofeed.SYMBOL, RedisJson.Cryptofeed.SIDE,
            RedisJson.Cryptofeed.AMOUNT, RedisJson.Cryptofeed.PRICE, RedisJson.Cryptofeed.TRADE_ID,
            RedisJson.Cryptofeed.ORDER_TYPE, RedisJson.Cryptofeed.BID, RedisJson.Cryptofeed.ASK,
            RedisJson.Cryptofeed.TIMESTAMP, RedisJson.Cryptofeed.RECEIPT_TIMESTAMP).distinct().toArray(String[]::new);
    private static final byte[][] NAME_BYTES = Stream.of(NAMES).map(name -> name.getBytes(StandardCharsets.US_ASCII))
            .toArray(byte[][]::new);

    /** The name that followed each name last time (index + 1; slot 0 for a document's first name; 0 for none). */
    private final int[] followingName = new int[NAMES.length + 1];
    private int previousName;

    /** A new document begins: its first name is predicted from the previous document's. */
    void startDocument() {
        previousName = 0;
    }

    /** The index in {@link #NAMES} of {@code input[start, start + length)}, or -1 for a name not known here. */
    int indexOf(byte[] input, int start, int length) {
        int guess = followingName[previousName] - 1;
        int index = guess >= 0 && matches(guess, input, start, length) ? guess : scan(input, start, length);
        if (index >= 0) {
            followingName[previousName] = index + 1;
            previousName = index + 1;
        }
        return index;
    }

    private static int scan(byte[] input, int start, int length) {
        for (int index = 0; index < NAME_BYTES.length; index++) {
            if (matches(index, input, start, length)) {
                return index;
            }
        }
        return -1;
    }

    private static boolean matches(int index, byte[] input, int start, int length) {
        byte[] known = NAME_BYTES[index];
        if (known.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (input[start + i] != known[i]) {
                return false;
            }
        }
        return true;
    }
}
