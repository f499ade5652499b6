package tickbus.protocol.fixml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tickbus.protocol.fixml.FixmlException.Reason;

/**
 * Hostile documents, one per attack: each is rejected with its specific reason, delivers no message, reads no
 * file (canary) and opens no connection (a loopback listener that must see zero connection attempts).
 */
class HostileXmlTest {

    private static final String CANARY = "CANARY-7f3a9c-secret-content";
    private static final String MESSAGE = "<MktDataFull><Instrmt Sym=\"ABC\"/><Full Typ=\"6\" Px=\"1.5\"/></MktDataFull>";

    @TempDir
    Path temp;

    private final FixmlDecoder decoder = new FixmlDecoder(FixmlLimits.DEFAULTS, 8);
    private final RecordingListener listener = new RecordingListener();
    private ServerSocketChannel server;
    private Path canary;

    @BeforeEach
    void openTraps() throws IOException {
        canary = temp.resolve("canary.txt");
        Files.writeString(canary, CANARY);
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server.configureBlocking(false);
    }

    @AfterEach
    void checkTrapsUntouched() throws IOException {
        // The kernel completes a TCP handshake into the backlog, so any attempt during decode is visible here.
        assertNull(server.accept(), "the parser opened a connection");
        server.close();
        assertTrue(listener.messages.isEmpty(), "a hostile document delivered messages: " + listener.messages);
    }

    @Test
    void externalEntityToLocalFileIsRejectedAndNeverRead() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE FIXML [<!ENTITY xxe SYSTEM \"" + canary.toUri() + "\">]>"
                + "<FIXML><MktDataFull><Instrmt Sym=\"&xxe;\"/></MktDataFull></FIXML>";
        FixmlException error = reject(xml, Reason.DTD_FORBIDDEN);
        assertFalse(error.getMessage().contains(CANARY), error.getMessage());
    }

    @Test
    void externalEntityToFifoIsNeverOpened() throws Exception {
        Path fifo = temp.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo unavailable");
        // Opening a FIFO for reading blocks until a writer appears: had the parser touched it, decode would hang.
        String xml = "<!DOCTYPE FIXML [<!ENTITY xxe SYSTEM \"" + fifo.toUri() + "\">]><FIXML>&xxe;</FIXML>";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> reject(xml, Reason.DTD_FORBIDDEN));
    }

    @Test
    void externalDtdIsRejectedWithoutConnecting() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE FIXML SYSTEM \"" + serverUrl("evil.dtd") + "\"><FIXML/>";
        reject(xml, Reason.DTD_FORBIDDEN);
    }

    @Test
    void externalParameterEntityIsRejectedWithoutConnecting() {
        String xml = "<!DOCTYPE FIXML [<!ENTITY % remote SYSTEM \"" + serverUrl("p.dtd") + "\"> %remote;]><FIXML/>";
        reject(xml, Reason.DTD_FORBIDDEN);
    }

    @Test
    void billionLaughsIsRejected() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE FIXML [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            String previous = "&lol" + (i - 1) + ";";
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(previous.repeat(10)).append("\">");
        }
        dtd.append("]>");
        reject(dtd + "<FIXML><Batch>&lol9;</Batch></FIXML>", Reason.DTD_FORBIDDEN);
    }

    @Test
    void quadraticBlowupIsRejected() {
        String xml = "<!DOCTYPE FIXML [<!ENTITY a \"" + "x".repeat(50_000) + "\">]><FIXML>" + "&a;".repeat(50_000)
                + "</FIXML>";
        reject(xml, Reason.DTD_FORBIDDEN);
    }

    @Test
    void entityReferenceWithoutDtdIsRejected() {
        reject("<FIXML><MktDataFull><Instrmt Sym=\"&xxe;\"/></MktDataFull></FIXML>", Reason.ENTITY_FORBIDDEN);
    }

    @Test
    void hundredThousandDeepNestingIsRejected() {
        String xml = "<FIXML>" + "<x>".repeat(100_000) + "</x>".repeat(100_000) + "</FIXML>";
        FixmlException error = reject(xml, Reason.DEPTH_EXCEEDED);
        assertTrue(error.getMessage().contains("max=" + FixmlLimits.DEFAULT_MAX_ELEMENT_DEPTH), error.getMessage());
    }

    @Test
    void hugeTextNodeIsRejected() {
        reject("<FIXML><Batch>" + "x".repeat(1_000_000) + "</Batch></FIXML>", Reason.TEXT_TOO_LONG);
    }

    @Test
    void hugeAttributeIsRejected() {
        reject("<FIXML><MktDataFull><Instrmt Sym=\"" + "A".repeat(1_000_000) + "\"/></MktDataFull></FIXML>",
                Reason.ATTRIBUTE_TOO_LONG);
    }

    @Test
    void tooManyAttributesAreRejected() {
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            attributes.append(" a").append(i).append("=\"1\"");
        }
        reject("<FIXML><Batch" + attributes + "/></FIXML>", Reason.TOO_MANY_ATTRIBUTES);
    }

    @Test
    void documentOverTheSizeLimitIsRejectedBeforeParsing() {
        FixmlLimits small = new FixmlLimits(1024, 32, 64, 512, 512, 10, 100);
        byte[] bytes = ("<FIXML>" + " ".repeat(2000) + "</FIXML>").getBytes(StandardCharsets.UTF_8);
        FixmlException error = assertThrows(FixmlException.class,
                () -> new FixmlDecoder(small, 8).decode(bytes, listener));
        assertEquals(Reason.DOCUMENT_TOO_LARGE, error.reason());
        assertEquals("document exceeds max: length=2015, max=1024", error.getMessage());
    }

    @Test
    void utf16WithoutByteOrderMarkIsRejectedAsCharsetMissing() {
        byte[] bytes = ("<?xml version=\"1.0\"?><FIXML>" + MESSAGE + "</FIXML>").getBytes(StandardCharsets.UTF_16BE);
        FixmlException error = rejectBytes(bytes, null, Reason.BAD_ENCODING);
        assertTrue(error.getMessage().startsWith("charset missing where required"), error.getMessage());
    }

    @Test
    void latin1BytesWithoutDeclarationAreRejectedAsInvalidUtf8() {
        byte[] bytes = ("<FIXML><MktDataFull><Instrmt Sym=\"CAF\u00c9\"/></MktDataFull></FIXML>")
                .getBytes(StandardCharsets.ISO_8859_1);
        FixmlException error = rejectBytes(bytes, null, Reason.BAD_ENCODING);
        assertEquals("invalid UTF-8: problem=missing continuation byte, offset=37, bytes=0xC9 0x22",
                error.getMessage());
    }

    @Test
    void declaredCharsetContradictingTheBytesIsRejected() {
        byte[] bytes = ("<?xml version=\"1.0\" encoding=\"UTF-16\"?><FIXML>" + MESSAGE + "</FIXML>")
                .getBytes(StandardCharsets.UTF_8);
        FixmlException error = rejectBytes(bytes, null, Reason.BAD_ENCODING);
        assertEquals("wrong charset: declared=UTF-16, detected=UTF-8", error.getMessage());
    }

    @Test
    void unsupportedDeclaredCharsetIsRejected() {
        byte[] bytes = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><FIXML>" + MESSAGE + "</FIXML>")
                .getBytes(StandardCharsets.ISO_8859_1);
        FixmlException error = rejectBytes(bytes, null, Reason.BAD_ENCODING);
        assertEquals("unsupported charset: declared=ISO-8859-1, supported=UTF-8, UTF-16, US-ASCII",
                error.getMessage());
    }

    @Test
    void transportCharsetContradictingTheDocumentIsRejected() {
        byte[] bytes = ("<FIXML>" + MESSAGE + "</FIXML>").getBytes(StandardCharsets.UTF_8);
        FixmlException error = rejectBytes(bytes, "UTF-16", Reason.BAD_ENCODING);
        assertEquals("wrong charset: transport=UTF-16, detected=UTF-8", error.getMessage());
    }

    @Test
    void byteOrderMarkContradictingTheDeclarationIsRejected() {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><FIXML/>").getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        FixmlException error = rejectBytes(bytes, null, Reason.BAD_ENCODING);
        assertEquals("wrong charset: declared=UTF-8, detected=UTF-16LE", error.getMessage());
    }

    @Test
    void invalidUtf8IsRejectedWithItsSpecificProblem() {
        assertInvalidUtf8(new byte[] {(byte) 0x80}, "problem=unexpected continuation byte, offset=34, bytes=0x80");
        assertInvalidUtf8(new byte[] {(byte) 0xC0, (byte) 0xAF}, "problem=overlong encoding, offset=34, bytes=0xC0");
        assertInvalidUtf8(new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
                "problem=overlong encoding, offset=34, bytes=0xE0 0x80");
        assertInvalidUtf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                "problem=surrogate code point, offset=34, bytes=0xED 0xA0");
        assertInvalidUtf8(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                "problem=code point above U+10FFFF, offset=34, bytes=0xF4 0x90");
        assertInvalidUtf8(new byte[] {(byte) 0xFF}, "problem=invalid lead byte, offset=34, bytes=0xFF");
    }

    @Test
    void utf8SequenceCutByTheEndOfTheDocumentIsRejected() {
        byte[] bytes = "<FIXML/><!-- \u20ac".getBytes(StandardCharsets.UTF_8);
        FixmlException error = rejectBytes(java.util.Arrays.copyOf(bytes, bytes.length - 1), null, Reason.BAD_ENCODING);
        assertEquals("invalid UTF-8: problem=truncated sequence, offset=13, bytes=0xE2 0x82", error.getMessage());
    }

    @Test
    void truncatedDocumentIsRejected() {
        reject("<FIXML><Batch cursor=\"0\" next=\"1\"><MktDataFull><Instrmt Sym=\"ABC\"/><Full Typ", Reason.TRUNCATED);
    }

    @Test
    void wrongRootIsRejected() {
        FixmlException error = reject("<html><body>" + MESSAGE + "</body></html>", Reason.WRONG_ROOT);
        assertTrue(error.getMessage().startsWith("root element is not FIXML 5.0 SP2: root=html"), error.getMessage());
    }

    @Test
    void fixmlRootInAForeignNamespaceIsRejected() {
        reject("<FIXML xmlns=\"http://example.com/not-fix\">" + MESSAGE + "</FIXML>", Reason.WRONG_ROOT);
    }

    @Test
    void mismatchedTagsAreRejectedAsMalformed() {
        reject("<FIXML><Batch></FIXML></Batch>", Reason.MALFORMED);
    }

    private void assertInvalidUtf8(byte[] bad, String expected) {
        byte[] head = "<FIXML><MktDataFull><Instrmt Sym=\"".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\"/></MktDataFull></FIXML>".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(bad, 0, bytes, head.length, bad.length);
        System.arraycopy(tail, 0, bytes, head.length + bad.length, tail.length);
        FixmlException error = rejectBytes(bytes, null, Reason.BAD_ENCODING);
        assertEquals("invalid UTF-8: " + expected, error.getMessage());
    }

    private String serverUrl(String path) {
        return "http://127.0.0.1:" + server.socket().getLocalPort() + "/" + path;
    }

    private FixmlException reject(String xml, Reason reason) {
        return rejectBytes(xml.getBytes(StandardCharsets.UTF_8), null, reason);
    }

    private FixmlException rejectBytes(byte[] bytes, String transportCharset, Reason reason) {
        FixmlException error = assertThrows(FixmlException.class,
                () -> decoder.decode(bytes, 0, bytes.length, transportCharset, listener));
        assertEquals(reason, error.reason(), error.getMessage());
        assertFalse(error.getMessage().contains(CANARY), error.getMessage());
        return error;
    }
}
