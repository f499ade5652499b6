package tickbus.protocol.itch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.paritytrading.juncture.nasdaq.itch50.ITCH50;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tickbus.testing.JunctureFiles;
import tickbus.testing.SharedData;

/**
 * The real NASDAQ sample (10,000 AAPL messages of 30 Jan 2020): framed by nassau and decoded by juncture on one
 * side, framed and decoded by tickbus on the other, every field of every message equal.
 */
class Itch50RealFileTest {

    static final String FILE = "itch/runk-itch_locate-13-10k_01302020_AAPL.bin";

    @Test
    void everyMessageDecodesToTheSameFieldsAsJuncture() throws IOException {
        List<ITCH50.Message> theirs = decodeWithJuncture();
        byte[] file = Files.readAllBytes(SharedData.path(FILE));
        Map<Character, Integer> counts = new TreeMap<>();
        List<Itch50Message<?>> seen = new ArrayList<>();
        Itch50Decoder decoder = new Itch50Decoder(capturing(seen));

        int consumed = BinaryFile.forEachMessage(file, 0, file.length, (buffer, offset, length) -> {
            decoder.decode(buffer, offset, length);
            Itch50Message<?> ours = seen.get(seen.size() - 1);
            JunctureMessages.assertSameFields(ours, theirs.get(seen.size() - 1));
            counts.merge((char) ours.messageType(), 1, Integer::sum);
        });

        assertEquals(file.length, consumed);
        assertEquals(10_000, seen.size());
        assertEquals(theirs.size(), seen.size());
        assertEquals("{A=4758, D=4083, E=849, F=2, H=1, L=52, P=240, R=1, U=7, X=6, Y=1}", counts.toString());
        assertEquals(0, decoder.unknownMessageTypes());
        assertEquals(0, decoder.malformedMessages());
    }

    /** Juncture reuses its message objects, so each one is copied (through its own put and get) as it arrives. */
    private static List<ITCH50.Message> decodeWithJuncture() throws IOException {
        List<ITCH50.Message> messages = new ArrayList<>();
        JunctureFiles.forEachMessage(SharedData.path(FILE), message -> {
            ByteBuffer copy = ByteBuffer.allocate(Itch50.MAX_MESSAGE_LENGTH);
            message.put(copy);
            copy.flip().position(1);
            ITCH50.Message fresh = JunctureMessages.newJunctureLike(message);
            fresh.get(copy);
            messages.add(fresh);
        });
        return messages;
    }

    /** Keeps each flyweight; safe only because every check runs before the next decode reuses it. */
    private static Itch50Listener capturing(List<Itch50Message<?>> seen) {
        return (Itch50Listener) Proxy.newProxyInstance(Itch50Listener.class.getClassLoader(),
                new Class<?>[] {Itch50Listener.class}, (proxy, method, arguments) -> {
                    seen.add((Itch50Message<?>) arguments[0]);
                    return null;
                });
    }
}
