package tickbus.feed.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameHeaderTest {

    @Test
    void whatTheConnectionWritesTheDecoderReads() {
        Buffer payload = Buffer.buffer("<FIXML/>");
        Buffer frame = Buffer.buffer("prefix").appendBuffer(FrameHeader.encode(FrameHeader.FLAG_AWAIT_ALL_SNAPSHOTS,
                1_234_567_890_123L, "UTF-8", List.of("XFIX:SIM001", "XCME:\u00c9UR-20200618"), payload));
        FrameHeader header = new FrameHeader();
        header.read(frame, 6, frame.length() - 6);

        assertEquals(1_234_567_890_123L, header.lastPosition);
        assertEquals("UTF-8", header.charset);
        assertEquals(List.of("XFIX:SIM001", "XCME:\u00c9UR-20200618"), header.awaiting);
        assertTrue(header.awaitAllSnapshots());
        assertFalse(header.quarantined());
        assertEquals("<FIXML/>", frame.getString(header.payloadOffset, frame.length()));
    }

    @Test
    void noCharsetAndNoInstrumentsAreEmptyNotMissing() {
        Buffer frame = FrameHeader.encode(FrameHeader.FLAG_QUARANTINED, 7, null, List.of(), Buffer.buffer("why"));
        FrameHeader header = new FrameHeader();
        header.read(frame, 0, frame.length());

        assertNull(header.charset);
        assertEquals(List.of(), header.awaiting);
        assertTrue(header.quarantined());
        assertEquals("why", frame.getString(header.payloadOffset, frame.length()));
    }

    @Test
    void aHugeDeclaredCharsetIsCutButStaysUnusable() {
        Buffer frame = FrameHeader.encode(0, 1, "X".repeat(10_000), List.of(), Buffer.buffer());
        FrameHeader header = new FrameHeader();
        header.read(frame, 0, frame.length());

        assertEquals("X".repeat(64) + "...", header.charset);
    }

    @Test
    void aTruncatedHeaderIsAnErrorNotAnIndexOutOfBounds() {
        Buffer frame = FrameHeader.encode(0, 9, "UTF-8", List.of("XFIX:SIM001"), Buffer.buffer());
        FrameHeader header = new FrameHeader();
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> header.read(frame, 0, frame.length() - 3));
        assertTrue(error.getMessage().startsWith("frame header truncated: needed="), error.getMessage());
    }
}
