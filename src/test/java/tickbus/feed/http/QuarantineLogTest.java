package tickbus.feed.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuarantineLogTest {

    @Test
    void keepsTheRangeTheReasonAndAPrefixOfTheRawBytes() {
        QuarantineLog log = new QuarantineLog(10, 1_000_000, 8);
        log.add(5, 11, 20, "fixml-dtd-forbidden", "DOCTYPE forbidden", 40,
                "<!DOCTYPE FIXML SYSTEM 'x'>".getBytes(StandardCharsets.UTF_8));

        QuarantineLog.Entry entry = log.entries().get(0);
        assertEquals(List.of(11L, 20L, 40L), List.of(entry.firstPosition(), entry.lastPosition(), (long) entry.documentBytes()));
        assertEquals("<!DOCTYP", entry.rawPrefixText());
        assertEquals(Map.of("fixml-dtd-forbidden", 1L), log.byKind());
    }

    @Test
    void evictsTheOldestBeyondTheEntryBoundAndKeepsCountingThem() {
        QuarantineLog log = new QuarantineLog(2, 1_000_000, 16);
        for (int i = 1; i <= 5; i++) {
            log.add(i, i, i, i % 2 == 0 ? "even" : "odd", "m" + i, 1, new byte[] {(byte) i});
        }

        assertEquals(List.of(4L, 5L), log.entries().stream().map(QuarantineLog.Entry::firstPosition).toList());
        assertEquals(3, log.evicted());
        assertEquals(Map.of("even", 2L, "odd", 3L), log.byKind());
        assertEquals(5, log.total());
    }

    @Test
    void evictsTheOldestBeyondTheByteBoundButKeepsTheNewest() {
        int prefix = 1_000;
        QuarantineLog log = new QuarantineLog(100, QuarantineLog.ENTRY_OVERHEAD_BYTES + 2L * prefix + 100, prefix);
        for (int i = 1; i <= 4; i++) {
            log.add(i, i, i, "k", "", prefix, new byte[prefix]);
        }

        assertEquals(List.of(3L, 4L), log.entries().stream().map(QuarantineLog.Entry::firstPosition).toList());
        assertTrue(log.retainedBytes() <= QuarantineLog.ENTRY_OVERHEAD_BYTES + 2L * prefix + 100);
        assertArrayEquals(new byte[prefix], log.entries().get(1).rawPrefix());
    }

    @Test
    void aLongMessageIsCut() {
        QuarantineLog log = new QuarantineLog(1, 1_000_000, 0);
        log.add(1, 1, 1, "k", "x".repeat(5_000), 0, new byte[0]);
        assertEquals(1_024 + 3, log.entries().get(0).message().length());
    }

    @Test
    void boundsThatCannotHoldOneEntryAreRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new QuarantineLog(1, 100, 64));
        assertTrue(error.getMessage().startsWith("quarantine bounds out of range: maxEntries=1, maxBytes=100"),
                error.getMessage());
    }
}
