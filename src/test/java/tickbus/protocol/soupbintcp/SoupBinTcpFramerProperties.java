package tickbus.protocol.soupbintcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Any split or coalescing of a valid stream yields the same packets. */
class SoupBinTcpFramerProperties {

    private static final byte[] TYPES = {'+', 'A', 'J', 'S', 'H', 'Z', 'L', 'U', 'R', 'O'};

    record Packet(byte type, byte[] payload) {
    }

    @Provide
    Arbitrary<List<Packet>> packets() {
        Arbitrary<Byte> types = Arbitraries.of(TYPES[0], TYPES[1], TYPES[2], TYPES[3], TYPES[4], TYPES[5], TYPES[6],
                TYPES[7], TYPES[8], TYPES[9]);
        Arbitrary<byte[]> payloads = Arbitraries.bytes().array(byte[].class).ofMaxSize(299);
        return Combinators.combine(types, payloads).as(Packet::new).list().ofMaxSize(40);
    }

    @Property(tries = 500)
    void anySplitYieldsThePacketsInOrder(@ForAll("packets") List<Packet> packets,
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 20_000) Integer> cuts) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<String> expected = new ArrayList<>();
        for (Packet packet : packets) {
            stream.writeBytes(SoupBinTcp.packet(packet.type(), packet.payload(), 0, packet.payload().length));
            expected.add(RecordingPacketHandler.describe(packet.type(), packet.payload()));
        }
        byte[] bytes = stream.toByteArray();
        RecordingPacketHandler handler = new RecordingPacketHandler();
        SoupBinTcpFramer framer = new SoupBinTcpFramer(300, handler, new SoupBinTcpCounters());

        int previous = 0;
        for (int cut : cutPoints(cuts, bytes.length)) {
            byte[] chunk = new byte[cut - previous + 8];
            System.arraycopy(bytes, previous, chunk, 4, cut - previous);
            framer.accept(chunk, 4, cut - previous);
            previous = cut;
        }

        assertEquals(expected, handler.packets);
        assertEquals(0, framer.pendingBytes());
    }

    static TreeSet<Integer> cutPoints(List<Integer> cuts, int length) {
        TreeSet<Integer> points = new TreeSet<>();
        for (int cut : cuts) {
            points.add(length == 0 ? 0 : cut % (length + 1));
        }
        points.add(length);
        return points;
    }
}
