package tickbus.protocol.fixml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tickbus.protocol.fixml.FixmlException.Reason;

class FixmlDecoderTest {

    private static final int SCALE = 8;

    private final FixmlDecoder decoder = new FixmlDecoder(FixmlLimits.DEFAULTS, SCALE);
    private final RecordingListener listener = new RecordingListener();

    @Test
    void decodesIncrementalEntriesWithEveryField() {
        FixmlBatch batch = decode("<FIXML xmlns=\"" + Fixml.NAMESPACE + "\"><Batch cursor=\"10\" next=\"13\">"
                + "<MktDataInc ApplSeqNum=\"11\">"
                + "<Inc UpdtAct=\"0\" Typ=\"0\" Px=\"101.25\" Sz=\"300\" RptSeq=\"7\" TxnTm=\"2024-05-01T13:30:00.000001Z\">"
                + "<Instrmt Sym=\"AAPL\"/></Inc>"
                + "<Inc UpdtAct=\"2\" Typ=\"1\" Px=\"101.5\"><Instrmt Sym=\"AAPL\" MMY=\"202406\"/></Inc>"
                + "<Inc UpdtAct=\"0\" Typ=\"2\" Px=\"-0.00000001\" Sz=\"5\" TrdID=\"T-1\" AgrsrSide=\"2\">"
                + "<Instrmt Sym=\"CL\"/></Inc>"
                + "</MktDataInc></Batch></FIXML>");

        assertEquals(new FixmlBatch(10, 13, 13, 1, 3), batch);
        assertEquals(List.of(
                new IncrementalEntry(UpdateAction.NEW, '0', "AAPL", null, 10_125_000_000L, 300L, 7,
                        1_714_570_200_000_001_000L, null, Fixml.AGGRESSOR_NONE),
                new IncrementalEntry(UpdateAction.DELETE, '1', "AAPL", "202406", 10_150_000_000L, null, Fixml.ABSENT,
                        null, null, Fixml.AGGRESSOR_NONE),
                new IncrementalEntry(UpdateAction.NEW, '2', "CL", null, -1L, 5L, Fixml.ABSENT, null, "T-1",
                        Fixml.AGGRESSOR_SELL)), listener.incEntries);
        assertEquals(List.of(11L, 12L, 13L), listener.incSequences);
    }

    @Test
    void decodesSnapshotsAndSkipsUnknownElementsAndAttributes() {
        decode("<FIXML><Batch><Unknown><Deep a=\"1\"/></Unknown>"
                + "<MktDataFull BizDt=\"2020-06-18\" Extra=\"x\"><Instrmt Sym=\"USDCAN\" MMY=\"20200618\" CFI=\"X\">"
                + "<Evnt EventTyp=\"7\"/></Instrmt>"
                + "<Full Typ=\"6\" Px=\"1.35765\" Mkt=\"CME\"/><Full Typ=\"B\" Sz=\"0\"/>"
                + "<InstrmtExt><Attrb Typ=\"116\" Val=\"365\"/></InstrmtExt></MktDataFull></Batch></FIXML>");

        assertEquals(List.of(new Snapshot(1, "USDCAN", "20200618", "2020-06-18", List.of(
                new SnapshotEntry('6', 135_765_000L, null), new SnapshotEntry('B', null, 0L)))), listener.snapshots);
    }

    @Test
    void bareFixmlWithoutBatchNumbersMessagesFromOne() {
        FixmlBatch batch = decode("<FIXML><MktDataFull><Instrmt Sym=\"A\"/></MktDataFull>"
                + "<MktDataInc><Inc UpdtAct=\"0\" Typ=\"B\" Sz=\"1\"><Instrmt Sym=\"A\"/></Inc></MktDataInc></FIXML>");

        assertEquals(new FixmlBatch(Fixml.ABSENT, Fixml.ABSENT, 2, 2, 1), batch);
        assertEquals(1, listener.snapshots.get(0).sequence());
        assertEquals(List.of(2L), listener.incSequences);
    }

    @Test
    void emptyBatchIsAHeartbeat() {
        FixmlBatch batch = decode("<?xml version=\"1.0\" encoding=\"UTF-8\"?><FIXML><Batch cursor=\"42\" next=\"42\"/></FIXML>");

        assertTrue(batch.isEmpty());
        assertEquals(new FixmlBatch(42, 42, 42, 0, 0), batch);
    }

    @Test
    void priceWithMoreDecimalsThanTheScaleIsRejected() {
        FixmlException error = reject(full("<Full Typ=\"6\" Px=\"1.123456789\"/>"), Reason.PRICE_PRECISION);
        assertEquals("price has more decimals than the scale: field=Px, value=1.123456789, decimals=9, scale=8",
                error.getMessage());
    }

    @Test
    void trailingZerosBeyondTheScaleAreExact() {
        decode(full("<Full Typ=\"6\" Px=\"2.5000000000000\"/>"));
        assertEquals(250_000_000L, listener.snapshots.get(0).entries().get(0).price());
    }

    @Test
    void malformedFieldsAreRejectedNamingFieldAndValue() {
        assertEquals("bad field: field=Px, value=1e5, problem=not a plain decimal (price is not a plain decimal: "
                + "text=1e5, char='e', index=1)", reject(full("<Full Typ=\"6\" Px=\"1e5\"/>"), Reason.BAD_FIELD).getMessage());
        assertEquals("bad field: field=Sz, value=-3, problem=not a non-negative integer",
                reject(full("<Full Typ=\"B\" Sz=\"-3\"/>"), Reason.BAD_FIELD).getMessage());
        assertEquals("bad field: field=UpdtAct, value=5, problem=unsupported, expected 0, 1 or 2",
                reject(inc("UpdtAct=\"5\" Typ=\"0\" Px=\"1\" Sz=\"1\""), Reason.BAD_FIELD).getMessage());
        assertEquals("bad field: field=TxnTm, value=2024-02-30T00:00:00Z, problem=date or time out of range",
                reject(inc("UpdtAct=\"0\" Typ=\"2\" Px=\"1\" Sz=\"1\" TxnTm=\"2024-02-30T00:00:00Z\""),
                        Reason.BAD_FIELD).getMessage());
        assertEquals("bad field: field=Sym, value=A B, problem=only printable ASCII without spaces is allowed",
                reject("<FIXML><MktDataFull><Instrmt Sym=\"A B\"/></MktDataFull></FIXML>", Reason.BAD_FIELD)
                        .getMessage());
    }

    @Test
    void entriesMissingRequiredFieldsAreRejected() {
        assertEquals("missing field: field=Sz, element=Inc, Typ=0, UpdtAct=1",
                reject(inc("UpdtAct=\"1\" Typ=\"0\" Px=\"1\""), Reason.BAD_FIELD).getMessage());
        assertEquals("missing field: field=TrdID, element=Inc, Typ=2, UpdtAct=2",
                reject(inc("UpdtAct=\"2\" Typ=\"2\""), Reason.BAD_FIELD).getMessage());
        assertTrue(reject("<FIXML><MktDataFull><Full Typ=\"6\" Px=\"1\"/></MktDataFull></FIXML>", Reason.BAD_FIELD)
                .getMessage().startsWith("missing field: field=Instrmt/@Sym, element=MktDataFull"));
        assertTrue(reject("<FIXML><MktDataInc/></FIXML>", Reason.BAD_FIELD).getMessage()
                .startsWith("message has no entries: element=MktDataInc, min=1"));
    }

    @Test
    void sequencesMustRiseAndStayWithinTheBatch() {
        String entry = "<Inc UpdtAct=\"0\" Typ=\"B\" Sz=\"1\"><Instrmt Sym=\"A\"/></Inc>";
        assertTrue(reject("<FIXML><Batch cursor=\"5\" next=\"9\"><MktDataInc ApplSeqNum=\"5\">" + entry
                + "</MktDataInc></Batch></FIXML>", Reason.BAD_SEQUENCE).getMessage()
                .startsWith("message sequence not after the previous: field=ApplSeqNum, value=5, min=6"));
        assertTrue(reject("<FIXML><Batch cursor=\"5\" next=\"6\"><MktDataInc ApplSeqNum=\"6\">" + entry + entry
                + "</MktDataInc></Batch></FIXML>", Reason.BAD_SEQUENCE).getMessage()
                .startsWith("message sequence beyond the batch's next cursor: field=ApplSeqNum, value=6, last=7, next=6"));
        assertTrue(reject("<FIXML><Batch cursor=\"9\" next=\"5\"/></FIXML>", Reason.BAD_SEQUENCE).getMessage()
                .startsWith("Batch next cursor before cursor: cursor=9, next=5"));
        assertTrue(reject("<FIXML><Batch cursor=\"9\"/></FIXML>", Reason.BAD_FIELD).getMessage()
                .startsWith("Batch needs both cursors or neither: cursor=9, next=-1"));
    }

    @Test
    void secondBatchIsRejected() {
        reject("<FIXML><Batch/><Batch/></FIXML>", Reason.BAD_FIELD);
    }

    @Test
    void tooManyEntriesInOneMessageAreRejected() {
        FixmlLimits limits = new FixmlLimits(1 << 20, 32, 64, 4096, 4096, 10, 2);
        String entry = "<Inc UpdtAct=\"0\" Typ=\"B\" Sz=\"1\"><Instrmt Sym=\"A\"/></Inc>";
        byte[] bytes = ("<FIXML><MktDataInc>" + entry.repeat(3) + "</MktDataInc></FIXML>").getBytes(StandardCharsets.UTF_8);
        FixmlException error = assertThrows(FixmlException.class,
                () -> new FixmlDecoder(limits, SCALE).decode(bytes, listener));
        assertEquals(Reason.TOO_MANY_ENTRIES, error.reason());
    }

    @Test
    void acceptsUtf16WithByteOrderMarkAndUtf8WithByteOrderMark() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + full("<Full Typ=\"6\" Px=\"3\"/>");
        byte[] utf16 = ("\uFEFF" + xml).getBytes(StandardCharsets.UTF_16BE);
        byte[] utf8 = ("\uFEFF" + full("<Full Typ=\"6\" Px=\"4\"/>")).getBytes(StandardCharsets.UTF_8);

        decoder.decode(utf16, 0, utf16.length, "utf-16", listener);
        decoder.decode(utf8, 0, utf8.length, "UTF-8", listener);

        assertEquals(List.of(300_000_000L, 400_000_000L), listener.snapshots.stream()
                .map(snapshot -> snapshot.entries().get(0).price()).toList());
    }

    @Test
    void declaredUsAsciiMustBeAscii() {
        byte[] bytes = ("<?xml version=\"1.0\" encoding=\"US-ASCII\"?><FIXML><!-- \u00e9 --></FIXML>")
                .getBytes(StandardCharsets.UTF_8);
        FixmlException error = assertThrows(FixmlException.class, () -> decoder.decode(bytes, listener));
        assertEquals(Reason.BAD_ENCODING, error.reason());
        assertEquals("invalid US-ASCII: problem=byte above 0x7F, offset=53, byte=0xC3", error.getMessage());
    }

    @Test
    void decoderIsReusableAfterARejectedDocument() {
        reject("<FIXML><Batch>", Reason.TRUNCATED);
        decode(full("<Full Typ=\"6\" Px=\"1\"/>"));
        assertEquals(1, listener.snapshots.size());
    }

    private static String full(String entries) {
        return "<FIXML><MktDataFull><Instrmt Sym=\"X\"/>" + entries + "</MktDataFull></FIXML>";
    }

    private static String inc(String attributes) {
        return "<FIXML><MktDataInc><Inc " + attributes + "><Instrmt Sym=\"X\"/></Inc></MktDataInc></FIXML>";
    }

    private FixmlBatch decode(String xml) {
        return decoder.decode(xml.getBytes(StandardCharsets.UTF_8), listener);
    }

    private FixmlException reject(String xml, Reason reason) {
        FixmlException error = assertThrows(FixmlException.class, () -> decode(xml));
        assertEquals(reason, error.reason(), error.getMessage());
        return error;
    }
}
