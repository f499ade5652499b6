package tickbus.protocol.itch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import tickbus.protocol.soupbintcp.SoupBinTcp;
import tickbus.protocol.soupbintcp.SoupBinTcpClientConfig;
import tickbus.protocol.soupbintcp.SoupBinTcpClientListener;
import tickbus.protocol.soupbintcp.SoupBinTcpClientSession;
import tickbus.protocol.soupbintcp.SoupBinTcpClientState;
import tickbus.testing.FakeClock;
import tickbus.testing.Itch50Layouts;
import tickbus.testing.Itch50Layouts.Layout;
import tickbus.testing.RecordingItch50Listener;

/** Any split or coalescing of a SoupBinTCP stream of ITCH messages yields the same messages, numbered in order. */
class Itch50StreamProperties {

    private static final List<Layout> LAYOUTS = Itch50Layouts.all();

    @Property(tries = 300)
    void anySplitYieldsTheSameMessages(@ForAll @Size(max = 200) List<@IntRange(min = 0, max = 22) Integer> types,
            @ForAll long seed, @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 20_000) Integer> cuts) {
        Random random = new Random(seed);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(new SoupBinTcp.LoginAccepted("S1", 1).encode());
        RecordingItch50Listener direct = new RecordingItch50Listener();
        Itch50Decoder directDecoder = new Itch50Decoder(direct);
        for (int type : types) {
            byte[] message = Itch50Layouts.randomMessage(LAYOUTS.get(type), random);
            directDecoder.decode(message, 0, message.length);
            stream.writeBytes(SoupBinTcp.packet(SoupBinTcp.PACKET_TYPE_SEQUENCED_DATA, message, 0, message.length));
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < direct.messages().size(); i++) {
            expected.add((i + 1) + " " + direct.messages().get(i));
        }

        byte[] bytes = stream.toByteArray();
        NumberingListener numbering = new NumberingListener();
        SoupBinTcpClientSession session = new SoupBinTcpClientSession(SoupBinTcpClientConfig.of("u", "p"),
                new FakeClock(0), numbering);
        session.connected();
        int previous = 0;
        for (int cut : cutPoints(cuts, bytes.length)) {
            session.receive(bytes, previous, cut - previous);
            previous = cut;
        }

        assertEquals(expected, numbering.messages);
        assertEquals(SoupBinTcpClientState.LOGGED_IN, session.state());
    }

    private static TreeSet<Integer> cutPoints(List<Integer> cuts, int length) {
        TreeSet<Integer> points = new TreeSet<>();
        for (int cut : cuts) {
            points.add(cut % (length + 1));
        }
        points.add(length);
        return points;
    }

    /** Decodes each sequenced message and prefixes it with its SoupBinTCP sequence number. */
    private static final class NumberingListener implements SoupBinTcpClientListener {

        final List<String> messages = new ArrayList<>();
        private final RecordingItch50Listener recording = new RecordingItch50Listener();
        private final Itch50Decoder decoder = new Itch50Decoder(recording);

        @Override
        public void onSequencedMessage(long sequenceNumber, byte[] buffer, int offset, int length) {
            decoder.decode(buffer, offset, length);
            messages.add(sequenceNumber + " " + recording.messages().get(recording.messages().size() - 1));
        }

        @Override
        public void onStateChanged(SoupBinTcpClientState previous, SoupBinTcpClientState current, String reason) {
            // The state is checked once at the end.
        }

        @Override
        public void onSessionChanged(String previousSession, String currentSession, long firstSequenceNumber) {
            throw new AssertionError("one session only");
        }

        @Override
        public void onGap(long fromSequenceNumber, long toSequenceNumber) {
            throw new AssertionError("no gaps in one connection");
        }
    }
}
