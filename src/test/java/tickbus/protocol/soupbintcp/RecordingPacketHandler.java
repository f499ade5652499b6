package tickbus.protocol.soupbintcp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Records framed packets as {@code type:hexpayload} strings. */
final class RecordingPacketHandler implements SoupBinTcpFramer.PacketHandler {

    final List<String> packets = new ArrayList<>();

    @Override
    public void onPacket(byte packetType, byte[] buffer, int payloadOffset, int payloadLength) {
        packets.add(describe(packetType, Arrays.copyOfRange(buffer, payloadOffset, payloadOffset + payloadLength)));
    }

    static String describe(byte packetType, byte[] payload) {
        return (char) packetType + ":" + HexFormat.of().formatHex(payload);
    }
}
