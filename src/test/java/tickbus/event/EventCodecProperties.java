package tickbus.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

class EventCodecProperties {

    private static final Map<Class<?>, EventCodec<?>> CODECS = Map.of(
            Quote.class, new QuoteCodec(),
            Trade.class, new TradeCodec(),
            BookUpdate.class, new BookUpdateCodec(),
            InstrumentStatus.class, new InstrumentStatusCodec(),
            FeedStatus.class, new FeedStatusCodec());

    private static final int MAX_CUTS = 2_000;

    @SuppressWarnings("unchecked")
    static <T extends TickbusEvent> EventCodec<T> codecFor(T event) {
        return (EventCodec<T>) CODECS.get(event.getClass());
    }

    static <T extends TickbusEvent> Buffer encode(T event) {
        Buffer buffer = Buffer.buffer();
        codecFor(event).encodeToWire(buffer, event);
        return buffer;
    }

    static <T extends TickbusEvent> T decode(T like, Buffer buffer, int position) {
        return codecFor(like).decodeFromWire(position, buffer);
    }

    @Property(tries = 5_000)
    void everyEventRoundTrips(@ForAll(supplier = EventArbitraries.Events.class) TickbusEvent event) {
        Statistics.collect(event.getClass().getSimpleName());
        assertEquals(event, decode(event, encode(event), 0));
        Statistics.coverage(coverage -> CODECS.keySet().forEach(
                type -> coverage.check(type.getSimpleName()).percentage(percent -> percent > 10)));
    }

    @Property(tries = 500)
    void decodesAtAnyPositionIgnoringTheBytesAround(
            @ForAll(supplier = EventArbitraries.Events.class) TickbusEvent event, @ForAll byte[] before,
            @ForAll byte[] after) {
        Buffer buffer = Buffer.buffer().appendBytes(before);
        codecFor(event).encodeToWire(buffer, event);
        buffer.appendBytes(after);
        assertEquals(event, decode(event, buffer, before.length));
    }

    /**
     * The codecs write into and read from a heap buffer's own array and copy for any other buffer: every backing
     * gives the same bytes and the same event, and a heap buffer sharing its array with others (a slice) is
     * written only inside its own capacity.
     */
    @Property(tries = 500)
    void everyBufferBackingGivesTheSameBytesAndEvent(
            @ForAll(supplier = EventArbitraries.Events.class) TickbusEvent event) {
        byte[] expected = encode(event).getBytes();
        byte[] shared = new byte[expected.length + 64];
        Arrays.fill(shared, (byte) 0x5A);
        ByteBuf slice = Unpooled.wrappedBuffer(shared).slice(32, expected.length).clear();
        List<Supplier<ByteBuf>> backings = List.of(
                () -> Unpooled.buffer(1),
                () -> Unpooled.directBuffer(1),
                () -> slice);
        for (Supplier<ByteBuf> backing : backings) {
            Buffer buffer = BufferInternal.buffer(backing.get());
            codecFor(event).encodeToWire(buffer, event);
            assertArrayEquals(expected, buffer.getBytes(), backing.get().toString());
            assertEquals(event, decode(event, buffer, 0));
        }
        for (int i = 0; i < 32; i++) {
            assertEquals((byte) 0x5A, shared[i], "byte before the slice, index=" + i);
            assertEquals((byte) 0x5A, shared[shared.length - 1 - i], "byte after the slice, index=" + i);
        }
    }

    @Property(tries = 200)
    void everyTruncationFailsNamingTheField(@ForAll(supplier = EventArbitraries.Events.class) TickbusEvent event) {
        Buffer whole = encode(event);
        int step = Math.max(1, whole.length() / MAX_CUTS);
        for (int cut = 0; cut < whole.length(); cut += step) {
            Buffer truncated = whole.getBuffer(0, cut);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> decode(event, truncated, 0));
            assertTrue(e.getMessage().contains("field="), e.getMessage());
        }
    }
}
