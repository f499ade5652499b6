package tickbus.normalize.itch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import tickbus.protocol.soupbintcp.SoupBinTcp;
import tickbus.protocol.soupbintcp.SoupBinTcpClientConfig;
import tickbus.protocol.soupbintcp.SoupBinTcpClientSession;
import tickbus.protocol.soupbintcp.SoupBinTcpException;
import tickbus.testing.FakeClock;
import tickbus.testing.Itch50Layouts;
import tickbus.testing.Itch50Layouts.Layout;
import tickbus.testing.RecordingSoupBinTcpClientListener;

/** Scenario: random bytes from the wire; the only failure is the protocol's own typed exception. */
class HostileBytesProperties {

    private static final List<Layout> LAYOUTS = Itch50Layouts.all();

    @Property(tries = 1_000)
    void arbitraryBytesAfterTheLoginAreFramedOrRefusedWithASoupBinTcpException(
            @ForAll @Size(max = 2_000) byte[] bytes) {
        SoupBinTcpClientSession session = new SoupBinTcpClientSession(SoupBinTcpClientConfig.of("u", "p"),
                new FakeClock(0), new RecordingSoupBinTcpClientListener());
        session.connected();
        byte[] accepted = new SoupBinTcp.LoginAccepted("S1", 1).encode();
        session.receive(accepted, 0, accepted.length);
        try {
            session.receive(bytes, 0, bytes.length);
        } catch (SoupBinTcpException expected) {
            // the typed refusal the feed turns into a counted disconnect
        }
    }

    @Property(tries = 300)
    void damagedItchMessagesNeverEscapeTheNormalizer(@ForAll long seed,
            @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 22) Integer> types) {
        Random random = new Random(seed);
        Itch50Normalizer normalizer = new Itch50Normalizer("itch", Itch50NormalizerTest.DAY, instrument -> true,
                new ConsumerView(), 64);
        long sequence = 0;
        for (int type : types) {
            byte[] message = damaged(Itch50Layouts.randomMessage(LAYOUTS.get(type), random), random);
            normalizer.onMessage(++sequence, 0, message, 0, message.length);
        }

        assertEquals(types.size(), normalizer.counters().messages());
    }

    /** A valid message as sent, with flipped bytes, cut short, or with trailing bytes. */
    private static byte[] damaged(byte[] message, Random random) {
        switch (random.nextInt(4)) {
            case 0 -> {
                return message;
            }
            case 1 -> {
                byte[] flipped = message.clone();
                flipped[1 + random.nextInt(flipped.length - 1)] ^= (byte) (1 + random.nextInt(255));
                return flipped;
            }
            case 2 -> {
                return Arrays.copyOf(message, random.nextInt(message.length));
            }
            default -> {
                return Arrays.copyOf(message, message.length + 1 + random.nextInt(8));
            }
        }
    }
}
