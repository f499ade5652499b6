package tickbus.protocol.soupbintcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.buffer.Buffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import tickbus.testing.TestBytes;

class SoupBinTcpFramerTest {

    private static final int MAX = 100;

    private final SoupBinTcpCounters counters = new SoupBinTcpCounters();
    private final RecordingPacketHandler handler = new RecordingPacketHandler();
    private final SoupBinTcpFramer framer = new SoupBinTcpFramer(MAX, handler, counters);

    private static byte[] packetWithLength(int packetLength, byte type) {
        byte[] packet = new byte[2 + packetLength];
        packet[0] = (byte) (packetLength >>> 8);
        packet[1] = (byte) packetLength;
        packet[2] = type;
        for (int i = 3; i < packet.length; i++) {
            packet[i] = (byte) i;
        }
        return packet;
    }

    @Test
    void aPacketOfExactlyTheMaxLengthPassesWholeAndByteByByte() {
        byte[] packet = packetWithLength(MAX, SoupBinTcp.PACKET_TYPE_SEQUENCED_DATA);
        framer.accept(packet, 0, packet.length);
        for (byte b : packet) {
            framer.accept(new byte[] {b}, 0, 1);
        }

        assertEquals(2, handler.packets.size());
        assertEquals(handler.packets.get(0), handler.packets.get(1));
        assertEquals(2 * (2 + MAX), counters.get(SoupBinTcpCounter.BYTES_RECEIVED));
        assertEquals(0, framer.pendingBytes());
    }

    @Test
    void theSmallestPacketIsATypeByteAlone() {
        byte[] packet = SoupBinTcp.emptyPacket(SoupBinTcp.PACKET_TYPE_SERVER_HEARTBEAT);
        framer.accept(packet, 0, packet.length);

        assertEquals(List.of("H:"), handler.packets);
    }

    @Test
    void lengthZeroIsAnError() {
        byte[] stream = {0, 1, 'H', 0, 0, 'H'};
        SoupBinTcpException error = assertThrows(SoupBinTcpException.class,
                () -> framer.accept(stream, 0, stream.length));

        assertEquals(SoupBinTcpException.Kind.ZERO_LENGTH, error.reason());
        assertEquals("packet length is zero: length=0, min=1", error.getMessage());
        assertEquals(1, counters.get(SoupBinTcpCounter.ZERO_LENGTH_ERRORS));
        assertEquals(List.of("H:"), handler.packets);
    }

    @Test
    void maxPlusOneIsAnErrorAsSoonAsTheLengthFieldIsComplete() {
        byte[] header = packetWithLength(MAX + 1, SoupBinTcp.PACKET_TYPE_SEQUENCED_DATA);
        framer.accept(header, 0, 1);
        SoupBinTcpException error = assertThrows(SoupBinTcpException.class, () -> framer.accept(header, 1, 1));

        assertEquals(SoupBinTcpException.Kind.LENGTH_EXCEEDS_MAX, error.reason());
        assertEquals("packet length exceeds max: length=101, max=100", error.getMessage());
        assertEquals(1, counters.get(SoupBinTcpCounter.LENGTH_EXCEEDS_MAX_ERRORS));
        assertEquals(0, framer.pendingBytes());
    }

    @Test
    void anUndefinedPacketTypeIsAnError() {
        byte[] packet = packetWithLength(3, (byte) 'Q');
        SoupBinTcpException error = assertThrows(SoupBinTcpException.class,
                () -> framer.accept(packet, 0, packet.length));

        assertEquals(SoupBinTcpException.Kind.UNKNOWN_PACKET_TYPE, error.reason());
        assertEquals("unknown packet type: type='Q' (0x51), length=3", error.getMessage());
        assertEquals(1, counters.get(SoupBinTcpCounter.UNKNOWN_PACKET_TYPE_ERRORS));
    }

    @Test
    void aNonPrintableTypeIsShownInHex() {
        byte[] packet = packetWithLength(1, (byte) 0x00);
        SoupBinTcpException error = assertThrows(SoupBinTcpException.class,
                () -> framer.accept(packet, 0, packet.length));

        assertEquals("unknown packet type: type=0x00, length=1", error.getMessage());
    }

    @Test
    void afterAnErrorTheFramerStartsClean() {
        byte[] bad = {0, 0};
        assertThrows(SoupBinTcpException.class, () -> framer.accept(bad, 0, bad.length));
        byte[] good = SoupBinTcp.emptyPacket(SoupBinTcp.PACKET_TYPE_END_OF_SESSION);
        framer.accept(good, 0, good.length);

        assertEquals(List.of("Z:"), handler.packets);
    }

    @Test
    void aVertxBufferIsFramedLikeAnArray() {
        byte[] packets = TestBytes.concat(packetWithLength(5, SoupBinTcp.PACKET_TYPE_DEBUG),
                packetWithLength(MAX, SoupBinTcp.PACKET_TYPE_SEQUENCED_DATA));
        framer.accept(Buffer.buffer(packets));

        assertEquals(2, handler.packets.size());
        assertEquals("+:03040506", handler.packets.get(0));
    }

    @Test
    void aChunkRangeOutsideTheArrayIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> framer.accept(new byte[4], 2, 3));

        assertEquals("chunk range out of bounds: offset=2, length=3, capacity=4", error.getMessage());
    }

    @Test
    void theConfiguredMaximumMustFitTheLengthField() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new SoupBinTcpFramer(65_536, handler, counters));

        assertEquals("maxPacketLength out of range: maxPacketLength=65536, min=1, max=65535", error.getMessage());
    }
}
