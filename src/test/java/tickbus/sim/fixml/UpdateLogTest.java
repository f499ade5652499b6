package tickbus.sim.fixml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tickbus.protocol.fixml.Fixml;
import tickbus.protocol.fixml.IncrementalEntry;
import tickbus.protocol.fixml.UpdateAction;

class UpdateLogTest {

    @Test
    void theWindowHoldsTheLatestPositionsOnly() {
        UpdateLog log = new UpdateLog("log-1", 4);
        assertTrue(log.holds(0));
        for (int i = 0; i < 10; i++) {
            log.append(entry(i % 2 == 0 ? "A" : "B"));
        }

        assertEquals(List.of(7L, 10L), List.of(log.oldest(), log.head()));
        assertTrue(log.holds(6), "a poll from 6 misses nothing: 7..10 are held");
        assertFalse(log.holds(5), "position 6 is gone");
        assertFalse(log.holds(11), "a cursor ahead of the log");
        assertThrows(IllegalArgumentException.class, () -> log.entryAt(6));
    }

    @Test
    void aPollSkipsOtherInstrumentsForGoodAndStopsAtItsMaximum() {
        UpdateLog log = new UpdateLog("log-1", 100);
        for (String symbol : List.of("A", "B", "B", "A", "B", "A", "A")) {
            log.append(entry(symbol));
        }

        UpdateLog.Selection onlyB = log.select(0, Set.of("B"), 10);
        assertEquals(List.of(2L, 3L, 5L), positions(onlyB));
        assertEquals(7, onlyB.next(), "positions 6 and 7 were looked at and are skipped");
        UpdateLog.Selection firstTwo = log.select(0, null, 2);
        assertEquals(List.of(1L, 2L), positions(firstTwo));
        assertEquals(2, firstTwo.next());
        UpdateLog.Selection none = log.select(7, null, 10);
        assertEquals(List.of(7L, 0), List.of(none.next(), none.count()));
        assertFalse(none.carriesPositions(), "the heartbeat");
    }

    @Test
    void anInstrumentIsNamedBySymbolOrBySymbolAndMaturity() {
        LogEntry forward = LogEntry.of(new IncrementalEntry(UpdateAction.NEW, Fixml.ENTRY_TYPE_SETTLEMENT_PRICE,
                "USDCAN", "20200618", 1L, null, Fixml.ABSENT, null, null, Fixml.AGGRESSOR_NONE));

        assertTrue(forward.matches(Set.of("USDCAN")));
        assertTrue(forward.matches(Set.of("USDCAN-20200618")));
        assertFalse(forward.matches(Set.of("USDCAN-20200619")));
        assertTrue(forward.matches(null));
        assertFalse(forward.matches(Set.of()));
    }

    private static List<Long> positions(UpdateLog.Selection selection) {
        return Arrays.stream(selection.positions(), 0, selection.count()).boxed().toList();
    }

    private static LogEntry entry(String symbol) {
        return LogEntry.of(IncrementalEntry.level(UpdateAction.NEW, Fixml.ENTRY_TYPE_BID, symbol, 1, 1));
    }
}
