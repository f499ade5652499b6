package tickbus.protocol.fixml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ctc.wstx.stax.WstxInputFactory;
import java.io.StringReader;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Controls for {@link HostileXmlTest}: the same traps do catch a parser left at Woodstox's defaults, so their
 * silence in the hardened suite means something.
 */
class HostileXmlTrapsTest {

    @TempDir
    Path temp;

    @Test
    void canaryFileIsReadByAnUnhardenedParser() throws Exception {
        Path canary = temp.resolve("canary.txt");
        Files.writeString(canary, "CANARY-control");
        String xml = "<!DOCTYPE FIXML [<!ENTITY xxe SYSTEM \"" + canary.toUri() + "\">]><FIXML>&xxe;</FIXML>";
        assertTrue(readAllText(xml).contains("CANARY-control"));
    }

    @Test
    void loopbackListenerSeesTheConnectionOfAnUnhardenedParser() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            String xml = "<!DOCTYPE FIXML [<!ENTITY xxe SYSTEM \"http://127.0.0.1:" + server.socket().getLocalPort()
                    + "/x\">]><FIXML>&xxe;</FIXML>";
            CompletableFuture<String> parse = CompletableFuture.supplyAsync(() -> {
                try {
                    return readAllText(xml);
                } catch (XMLStreamException e) {
                    return "failed: " + e.getMessage();
                }
            });
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                try (SocketChannel connection = server.accept()) {
                    assertNotNull(connection);
                    readRequestHead(connection);
                    connection.write(ByteBuffer.wrap("HTTP/1.0 200 OK\r\n\r\nfetched".getBytes(StandardCharsets.US_ASCII)));
                }
                assertEquals("fetched", parse.join());
            });
        }
    }

    private static void readRequestHead(SocketChannel connection) throws java.io.IOException {
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        while (!new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).contains("\r\n\r\n")) {
            if (connection.read(buffer) < 0) {
                return;
            }
        }
    }

    private static String readAllText(String xml) throws XMLStreamException {
        XMLStreamReader reader = new WstxInputFactory().createXMLStreamReader(new StringReader(xml));
        StringBuilder text = new StringBuilder();
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamReader.CHARACTERS) {
                text.append(reader.getText());
            }
        }
        return text.toString();
    }
}
