package tickbus.event;

import io.vertx.core.buffer.Buffer;
import java.util.List;

/**
 * Binary event-bus codec for {@link BookUpdate}; big-endian, header and primitives as in {@link EventWire}.
 *
 * <pre>
 * +--------+------------+----------+--------+--------+
 * | header | priceScale | snapshot | bids   | asks   |
 * |        | uint8      | bool     | levels | levels |
 * +--------+------------+----------+--------+--------+
 * levels = int32 count, then count x ( price: int64 | size: int64 ), best first
 * </pre>
 */
public final class BookUpdateCodec extends EventCodec<BookUpdate> {

    public static final String NAME = "tickbus.BookUpdate";

    public BookUpdateCodec() {
        super(NAME);
    }

    private static final int LEVEL_BYTES = 2 * Long.BYTES;

    @Override
    public void encodeToWire(Buffer buffer, BookUpdate update) {
        EventWire.writeHeader(buffer, update);
        buffer.appendByte((byte) update.priceScale());
        EventWire.writeBoolean(buffer, update.snapshot());
        writeLevels(buffer, update.bids());
        writeLevels(buffer, update.asks());
    }

    private static void writeLevels(Buffer buffer, List<BookLevel> levels) {
        buffer.appendInt(levels.size());
        for (BookLevel level : levels) {
            buffer.appendLong(level.price()).appendLong(level.size());
        }
    }

    @Override
    public BookUpdate decodeFromWire(int position, Buffer buffer) {
        EventWire in = new EventWire(buffer, position, NAME);
        EventWire.Header header = in.readMarketHeader();
        return new BookUpdate(header.instrument(), header.venue(), header.source(), header.sequence(),
                header.exchangeTimeNanos(), header.receiveTimeNanos(), in.readByte("priceScale"),
                in.readBoolean("snapshot"), readLevels(in, "bids"), readLevels(in, "asks"));
    }

    private static List<BookLevel> readLevels(EventWire in, String field) {
        BookLevel[] levels = new BookLevel[in.readCount(field, LEVEL_BYTES)];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = new BookLevel(in.readLong(field), in.readLong(field));
        }
        return List.of(levels);
    }
}
