package tickbus.feed.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The same name from every kind of buffer, made once. */
class ChannelNamesTest {

    private static final byte[] FRAME = "..md:BTC-USD:quotes..".getBytes(StandardCharsets.US_ASCII);
    private static final int OFFSET = 2;
    private static final int LENGTH = "md:BTC-USD:quotes".length();

    private final ChannelNames names = new ChannelNames();

    @Test
    void heapDirectAndSlicedBuffersGiveTheSameCachedName() {
        String fromHeap = names.of(Buffer.buffer(FRAME), OFFSET, LENGTH);
        assertEquals("md:BTC-USD:quotes", fromHeap);
        io.netty.buffer.ByteBuf direct = Unpooled.directBuffer(FRAME.length).writeBytes(FRAME);
        assertSame(fromHeap, names.of(BufferInternal.buffer(direct), OFFSET, LENGTH));
        byte[] shifted = ("xxxx" + new String(FRAME, StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);
        Buffer slice = BufferInternal.buffer(Unpooled.wrappedBuffer(shifted).slice(4, FRAME.length));
        assertSame(fromHeap, names.of(slice, OFFSET, LENGTH));
        direct.release();
    }

    @Test
    void namesSharingASlotReplaceEachOtherAndStayCorrect() {
        for (int i = 0; i < 10_000; i++) {
            byte[] name = ("ch:" + i).getBytes(StandardCharsets.US_ASCII);
            assertEquals("ch:" + i, names.of(Buffer.buffer(name), 0, name.length));
        }
        assertEquals("md:BTC-USD:quotes", names.of(Buffer.buffer(FRAME), OFFSET, LENGTH));
    }
}
