package tickbus.testing;

import com.paritytrading.juncture.nasdaq.itch50.ITCH50;
import com.paritytrading.juncture.nasdaq.itch50.ITCH50Listener;
import com.paritytrading.juncture.nasdaq.itch50.ITCH50Parser;
import com.paritytrading.nassau.binaryfile.BinaryFILEReader;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Reads a BinaryFILE with the independent implementations: nassau frames it, juncture decodes it. */
public final class JunctureFiles {

    private JunctureFiles() {
    }

    /** Every message in order; juncture reuses its message objects, so use each during the call only. */
    public static void forEachMessage(Path file, Consumer<ITCH50.Message> consumer) throws IOException {
        ITCH50Listener listener = (ITCH50Listener) Proxy.newProxyInstance(ITCH50Listener.class.getClassLoader(),
                new Class<?>[] {ITCH50Listener.class}, (proxy, method, arguments) -> {
                    consumer.accept((ITCH50.Message) arguments[0]);
                    return null;
                });
        try (BinaryFILEReader reader = BinaryFILEReader.open(file.toFile(), new ITCH50Parser(listener))) {
            while (reader.read() >= 0) {
                continue;
            }
        }
    }
}
