package tickbus.normalize.itch;

import tickbus.protocol.itch.Itch50;

/**
 * Routes ITCH messages to normalizer shards by stock locate, reading only the message header. Every message of an
 * instrument goes to the same shard, in order; market-wide messages (locate 0) go to every shard.
 */
public final class Itch50ShardRouter {

    /** {@link #shardOf} result for a market-wide message. */
    public static final int ALL_SHARDS = -1;

    private Itch50ShardRouter() {
    }

    /**
     * The shard (0 to {@code shards - 1}) that owns the message's instrument, or {@link #ALL_SHARDS}.
     *
     * @throws tickbus.protocol.itch.Itch50Exception when the message is too short to carry a stock locate
     */
    public static int shardOf(byte[] buffer, int offset, int length, int shards) {
        if (shards < 1) {
            throw new IllegalArgumentException("shards must be positive: shards=" + shards + ", min=1");
        }
        int locate = Itch50.stockLocate(buffer, offset, length);
        return locate == 0 ? ALL_SHARDS : locate % shards;
    }
}
