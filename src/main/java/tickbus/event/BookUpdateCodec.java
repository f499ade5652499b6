package tickbus.event;

import io.vertx.core.buffer.Buffer;
import java.util.List;

/**
 * Binary event-bus codec for {@link BookUpdate}; header and primitives as in {@link EventWire}.
 *
 * <pre>
 * +--------+------------+-----------+----------+--------+--------+
 * | header | priceScale | sizeScale | snapshot | bids   | asks   |
 * |        | uint8      | uint8     | bool     | levels | levels |
 * +--------+------------+-----------+----------+--------+--------+
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
        WireWriter out = WireWriter.begin(buffer);
        out.writeHeader(update);
        out.writeByte(update.priceScale());
        out.writeByte(update.sizeScale());
        out.writeBoolean(update.snapshot());
        writeLevels(out, update.bids());
        writeLevels(out, update.asks());
        out.finish();
    }

    private static void writeLevels(WireWriter out, List<BookLevel> levels) {
        out.writeInt(levels.size());
        for (BookLevel level : levels) {
            out.writeLong(level.price());
            out.writeLong(level.size());
        }
    }

    @Override
    public BookUpdate decodeFromWire(int position, Buffer buffer) {
        WireReader in = WireReader.begin(buffer, position, NAME);
        in.readMarketHeader();
        return new BookUpdate(in.instrument(), in.venue(), in.source(), in.sequence(),
                in.exchangeTimeNanos(), in.receiveTimeNanos(), in.readByte("priceScale"),
                in.readByte("sizeScale"), in.readBoolean("snapshot"), readLevels(in, "bids"), readLevels(in, "asks"));
    }

    private static List<BookLevel> readLevels(WireReader in, String field) {
        BookLevel[] levels = new BookLevel[in.readCount(field, LEVEL_BYTES)];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = new BookLevel(in.readLong(field), in.readLong(field));
        }
        return List.of(levels);
    }
}
