package tickbus.protocol.fixml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever the writer writes, the decoder reads back exactly: prices, sizes, actions, sequences, cursors. */
class FixmlRoundTripProperties {

    private static final int SCALE = 8;
    private static final long MAX_TIME_NANOS = 4_102_444_800_000_000_000L;

    @Property(tries = 300)
    void incrementalBatchesRoundTrip(@ForAll("messages") @Size(max = 6) List<List<IncrementalEntry>> messages,
            @ForAll @IntRange(max = 1_000_000) int cursor, @ForAll @IntRange(max = 50) int skipped,
            @ForAll boolean explicitSequence) {
        FixmlWriter writer = new FixmlWriter(SCALE);
        int total = messages.stream().mapToInt(List::size).sum();
        writer.startBatch(cursor, cursor + total + skipped);
        List<Long> expectedSequences = new ArrayList<>();
        long position = cursor;
        for (List<IncrementalEntry> message : messages) {
            long first = position + 1 + (explicitSequence ? skipped / Math.max(1, messages.size()) : 0);
            writer.mktDataInc(explicitSequence ? first : Fixml.ABSENT, message);
            for (int i = 0; i < message.size(); i++) {
                expectedSequences.add(first + i);
            }
            position = first + message.size() - 1;
        }
        RecordingListener listener = new RecordingListener();

        FixmlBatch batch = new FixmlDecoder(FixmlLimits.DEFAULTS, SCALE).decode(writer.finish(), listener);

        assertEquals(messages.stream().flatMap(List::stream).toList(), listener.incEntries);
        assertEquals(expectedSequences, listener.incSequences);
        assertEquals(new FixmlBatch(cursor, cursor + total + skipped, position, messages.size(), total), batch);
    }

    @Property(tries = 300)
    void snapshotsRoundTripAtAnyScale(@ForAll @IntRange(max = 18) int scale,
            @ForAll("snapshotEntries") List<SnapshotEntry> entries, @ForAll("symbols") String symbol,
            @ForAll boolean withMaturity) {
        Snapshot snapshot = new Snapshot(7, symbol, withMaturity ? "20200618" : null, "2020-06-18", entries);
        byte[] document = new FixmlWriter(scale).startBatch(6, 7).mktDataFull(snapshot).finish();
        RecordingListener listener = new RecordingListener();

        new FixmlDecoder(FixmlLimits.DEFAULTS, scale).decode(document, listener);

        assertEquals(List.of(snapshot), listener.snapshots);
    }

    @Provide
    Arbitrary<List<List<IncrementalEntry>>> messages() {
        return incrementalEntry().list().ofMinSize(1).ofMaxSize(20).list();
    }

    @Provide
    Arbitrary<String> symbols() {
        return Arbitraries.strings().withChars("ABCXYZ.-_&<>\"'/0123456789").ofMinLength(1).ofMaxLength(12);
    }

    @Provide
    Arbitrary<List<SnapshotEntry>> snapshotEntries() {
        return snapshotEntry().list().ofMaxSize(8);
    }

    private Arbitrary<SnapshotEntry> snapshotEntry() {
        Arbitrary<Long> prices = Arbitraries.longs().between(-Long.MAX_VALUE, Long.MAX_VALUE);
        Arbitrary<Long> sizes = Arbitraries.longs().between(0, 999_999_999_999_999_999L);
        return Arbitraries.of('0', '1', '2', '6', 'B', 'C').flatMap(type -> switch (type) {
            case '0', '1', '2' -> Combinators.combine(prices, sizes).as((price, size) -> new SnapshotEntry(type, price,
                    size));
            case '6' -> prices.map(price -> new SnapshotEntry(type, price, null));
            default -> Combinators.combine(prices.injectNull(0.5), sizes).as((price, size) -> new SnapshotEntry(type,
                    price, size));
        });
    }

    private Arbitrary<IncrementalEntry> incrementalEntry() {
        Arbitrary<UpdateAction> actions = Arbitraries.of(UpdateAction.class);
        Arbitrary<Character> types = Arbitraries.of('0', '1', '2', '6', 'B');
        Arbitrary<Long> prices = Arbitraries.longs().between(-1_000_000_000_000_000L, 1_000_000_000_000_000L);
        Arbitrary<Long> sizes = Arbitraries.longs().between(0, 1_000_000_000L);
        Arbitrary<Long> reportSequences = Arbitraries.longs().between(0, 1_000_000_000L).injectNull(0.5);
        Arbitrary<Long> times = Arbitraries.longs().between(0, MAX_TIME_NANOS).injectNull(0.5);
        Arbitrary<Character> aggressors = Arbitraries.of(Fixml.AGGRESSOR_NONE, Fixml.AGGRESSOR_BUY,
                Fixml.AGGRESSOR_SELL);
        return Combinators.combine(actions, types, symbols(), prices, sizes, reportSequences, times, aggressors)
                .as((action, type, symbol, price, size, reportSequence, time, aggressor) -> new IncrementalEntry(
                        action, type, symbol, null, price, size, reportSequence == null ? Fixml.ABSENT : reportSequence,
                        time, type == Fixml.ENTRY_TYPE_TRADE ? "T" + Math.abs(price % 1000) : null, aggressor));
    }
}
