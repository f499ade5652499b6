package tickbus.protocol.soupbintcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tickbus.testing.TestBytes;

class SoupBinTcpPacketsTest {

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void loginRequestHasTheSpecLayout() {
        byte[] packet = new SoupBinTcp.LoginRequest("bob", "pw", "S1", 42).encode();

        byte[] expected = TestBytes.concat(new byte[] {0, 47, 'L'}, ascii("bob   "),
                ascii("pw        "), ascii("        S1"), ascii("                  42"));
        assertArrayEquals(expected, packet);
        assertEquals(new SoupBinTcp.LoginRequest("bob", "pw", "S1", 42),
                SoupBinTcp.LoginRequest.decode(packet, 3, packet.length - 3));
    }

    @Test
    void loginAcceptedAndRejectedRoundTrip() {
        byte[] accepted = new SoupBinTcp.LoginAccepted("SESSION123", 12_345_678_901L).encode();
        byte[] rejected = new SoupBinTcp.LoginRejected(SoupBinTcp.REJECT_REASON_SESSION_NOT_AVAILABLE).encode();

        assertArrayEquals(TestBytes.concat(new byte[] {0, 31, 'A'}, ascii("SESSION123"),
                ascii("         12345678901")), accepted);
        assertEquals(new SoupBinTcp.LoginAccepted("SESSION123", 12_345_678_901L),
                SoupBinTcp.LoginAccepted.decode(accepted, 3, 30));
        assertArrayEquals(new byte[] {0, 2, 'J', 'S'}, rejected);
        assertEquals(SoupBinTcp.REJECT_REASON_SESSION_NOT_AVAILABLE,
                SoupBinTcp.LoginRejected.decode(rejected, 3, 1).reasonCode());
    }

    @Test
    void dataAndEmptyPacketsHaveHeaderAndPayload() {
        byte[] payload = {9, 8, 7};

        assertArrayEquals(new byte[] {0, 4, 'S', 9, 8, 7},
                SoupBinTcp.packet(SoupBinTcp.PACKET_TYPE_SEQUENCED_DATA, payload, 0, 3));
        assertArrayEquals(new byte[] {0, 3, 'U', 8, 7},
                SoupBinTcp.packet(SoupBinTcp.PACKET_TYPE_UNSEQUENCED_DATA, payload, 1, 2));
        for (byte type : new byte[] {'H', 'Z', 'R', 'O'}) {
            assertArrayEquals(new byte[] {0, 1, type}, SoupBinTcp.emptyPacket(type));
        }
        byte[] debug = SoupBinTcp.debugPacket("hello");
        assertArrayEquals(TestBytes.concat(new byte[] {0, 6, '+'}, ascii("hello")), debug);
        assertEquals("hello", SoupBinTcp.debugText(debug, 3, 5));
    }

    @Test
    void theLargestPayloadFitsTheLengthFieldAndOneMoreDoesNot() {
        byte[] header = new byte[3];
        SoupBinTcp.writeHeader(header, 0, SoupBinTcp.PACKET_TYPE_SEQUENCED_DATA, SoupBinTcp.MAX_PAYLOAD_LENGTH);

        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xFF, 'S'}, header);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SoupBinTcp.writeHeader(header, 0, SoupBinTcp.PACKET_TYPE_SEQUENCED_DATA, 65_535));
        assertEquals("payload length out of range: length=65535, min=0, max=65534", error.getMessage());
    }

    @Test
    void fieldsThatDoNotFitAreRejectedWithTheirName() {
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> new SoupBinTcp.LoginRequest("toolong", "p", "", 1).encode());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new SoupBinTcp.LoginAccepted("S", -1).encode());
        IllegalArgumentException nonAscii = assertThrows(IllegalArgumentException.class,
                () -> new SoupBinTcp.LoginRequest("bö", "p", "", 1).encode());

        assertEquals("username too long: length=7, max=6", tooLong.getMessage());
        assertEquals("sequenceNumber must not be negative: sequenceNumber=-1, min=0", negative.getMessage());
        assertEquals("username must be printable ASCII: username='bö', char=246", nonAscii.getMessage());
    }

    @Test
    void aBlankSequenceNumberReadsAsZero() {
        byte[] packet = new SoupBinTcp.LoginRequest("u", "p", "", 0).encode();
        for (int i = packet.length - 20; i < packet.length; i++) {
            packet[i] = ' ';
        }

        assertEquals(0, SoupBinTcp.LoginRequest.decode(packet, 3, 46).requestedSequenceNumber());
    }
}
