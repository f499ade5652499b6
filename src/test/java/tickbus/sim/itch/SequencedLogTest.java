package tickbus.sim.itch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import tickbus.protocol.soupbintcp.SoupBinTcp;

class SequencedLogTest {

    @Test
    void messagesAreKeptAsSequencedDataPacketsWithTheirStreamOffsets() {
        SequencedLog log = new SequencedLog(1_000);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 1; i <= 3; i++) {
            byte[] message = message(i, 10 + i);
            assertEquals(i, log.append(message, 0, message.length));
            stream.writeBytes(SoupBinTcp.packet(SoupBinTcp.PACKET_TYPE_SEQUENCED_DATA, message, 0, message.length));
        }

        assertEquals(0, log.offsetOf(1));
        assertEquals(14, log.offsetOf(2));
        assertEquals(14 + 15, log.offsetOf(3));
        assertEquals(stream.size(), log.offsetOf(4));
        assertEquals(stream.size(), log.endOffset());
        assertArrayEquals(stream.toByteArray(), log.slice(0, log.endOffset()).getBytes());
        assertArrayEquals(java.util.Arrays.copyOfRange(stream.toByteArray(), 5, 20), log.slice(5, 20).getBytes());
    }

    @Test
    void aSliceStopsAtTheEndOfItsChunk() {
        SequencedLog log = new SequencedLog(10 * SequencedLog.MESSAGES_PER_CHUNK);
        byte[] message = message(7, 20);
        for (int i = 0; i < SequencedLog.MESSAGES_PER_CHUNK + 10; i++) {
            log.append(message, 0, message.length);
        }
        long chunkEnd = (long) SequencedLog.MESSAGES_PER_CHUNK * 23;
        Buffer first = log.slice(chunkEnd - 5, chunkEnd + 100);
        assertEquals(5, first.length());
        assertEquals(100, log.slice(chunkEnd, chunkEnd + 100).length());
        assertEquals(chunkEnd, log.offsetOf(SequencedLog.MESSAGES_PER_CHUNK + 1));
    }

    @Test
    void pastTheRetentionTheOldestChunkIsDropped() {
        SequencedLog log = new SequencedLog(1);
        byte[] message = message(1, 12);
        for (int i = 0; i < 2 * SequencedLog.MESSAGES_PER_CHUNK + 1; i++) {
            log.append(message, 0, message.length);
        }

        assertEquals(SequencedLog.MESSAGES_PER_CHUNK + 1, log.firstSequence());
        assertNull(log.slice(0, 15));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> log.offsetOf(1));
        assertEquals("sequence not kept: sequence=1, first=" + (SequencedLog.MESSAGES_PER_CHUNK + 1) + ", next="
                + (2 * SequencedLog.MESSAGES_PER_CHUNK + 2), error.getMessage());
    }

    private static byte[] message(int fill, int length) {
        byte[] message = new byte[length];
        java.util.Arrays.fill(message, (byte) fill);
        return message;
    }
}
