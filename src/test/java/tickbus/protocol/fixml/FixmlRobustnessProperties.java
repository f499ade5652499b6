package tickbus.protocol.fixml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Arbitrary damage to a valid document ends in a decoded batch or a FixmlException, never anything else. */
class FixmlRobustnessProperties {

    private static final byte[] VALID = new FixmlWriter(8).startBatch(0, 3)
            .mktDataInc(1, List.of(IncrementalEntry.level(UpdateAction.NEW, Fixml.ENTRY_TYPE_BID, "ES", 5_000_25L, 7),
                    IncrementalEntry.trade("ES", 5_000_50L, 2, "T1", Fixml.AGGRESSOR_BUY).withTransactTime(1L)))
            .mktDataFull(new Snapshot(3, "ES", "202412", "2024-06-01",
                    List.of(new SnapshotEntry(Fixml.ENTRY_TYPE_SETTLEMENT_PRICE, 4_999_00L, null))))
            .finish();

    @Property(tries = 2000)
    void damagedDocumentsFailOnlyWithFixmlException(@ForAll("damage") List<int[]> edits,
            @ForAll @IntRange(min = 0, max = 100) int truncatePercent) {
        byte[] bytes = VALID.clone();
        for (int[] edit : edits) {
            bytes[edit[0] % bytes.length] = (byte) edit[1];
        }
        int length = truncatePercent == 100 ? bytes.length : bytes.length * truncatePercent / 100;
        try {
            new FixmlDecoder(FixmlLimits.DEFAULTS, 8).decode(bytes, 0, length, null, new RecordingListener());
        } catch (FixmlException expected) {
            assertEquals(expected.getMessage(), expected.getMessage().strip());
        }
    }

    @Property(tries = 3000)
    void utf8ValidatorAgreesWithTheJdkStrictDecoder(@ForAll("utf8ish") byte[] bytes) {
        boolean jdkAccepts;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            jdkAccepts = true;
        } catch (CharacterCodingException e) {
            jdkAccepts = false;
        }
        boolean accepts;
        try {
            Utf8Validator.validate(bytes, 0, bytes.length);
            accepts = true;
        } catch (FixmlException e) {
            accepts = false;
        }
        assertEquals(jdkAccepts, accepts);
    }

    @Provide
    Arbitrary<List<int[]>> damage() {
        Arbitrary<Integer> positions = Arbitraries.integers().between(0, Integer.MAX_VALUE);
        Arbitrary<Integer> values = Arbitraries.oneOf(Arbitraries.integers().between(0, 255),
                Arbitraries.of((int) '<', (int) '>', (int) '&', (int) '"', (int) '/', (int) '.', (int) '-', 0));
        return positions.flatMap(position -> values.map(value -> new int[] {position, value})).list().ofMaxSize(4);
    }

    @Provide
    Arbitrary<byte[]> utf8ish() {
        Arbitrary<Byte> interesting = Arbitraries.of(0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2,
                0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF).map(Integer::byteValue);
        return Arbitraries.oneOf(interesting, Arbitraries.bytes()).array(byte[].class).ofMaxSize(24);
    }
}
