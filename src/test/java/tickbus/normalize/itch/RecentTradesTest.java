package tickbus.normalize.itch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tickbus.event.Side;

class RecentTradesTest {

    private final RecentTrades trades = new RecentTrades();

    @Test
    void aRememberedTradeIsFoundForItsInstrumentOnly() {
        trades.remember(13, 1_000_001L, 1_500_200, 400, Side.SELL);
        assertTrue(trades.find(13, 1_000_001L));
        assertEquals(1_500_200, trades.price());
        assertEquals(400, trades.size());
        assertEquals(Side.SELL, trades.aggressor());
        assertFalse(trades.find(14, 1_000_001L), "same match number, another instrument");
        assertFalse(trades.find(13, 1_000_002L));
    }

    @Test
    void theRecentHalfOfTheCapacitySurvivesAndTheOldestGoFirst() {
        int total = 4 * RecentTrades.SLOTS;
        for (long match = 1; match <= total; match++) {
            trades.remember(1, match, match * 10, match % 1_000 + 1, Side.BUY);
        }
        int recentFound = 0;
        for (long match = total - RecentTrades.SLOTS / 2 + 1; match <= total; match++) {
            if (trades.find(1, match)) {
                recentFound++;
                assertEquals(match * 10, trades.price());
            }
        }
        int oldestFound = 0;
        for (long match = 1; match <= RecentTrades.SLOTS / 2; match++) {
            oldestFound += trades.find(1, match) ? 1 : 0;
        }
        assertTrue(recentFound > RecentTrades.SLOTS / 2 * 0.95, "recent trades found: " + recentFound);
        assertTrue(oldestFound < RecentTrades.SLOTS / 2 * 0.01, "trades older than four times the capacity found: "
                + oldestFound);
    }

    @Test
    void clearForgetsEverything() {
        trades.remember(1, 7, 70, 1, Side.BUY);
        trades.clear();
        assertFalse(trades.find(1, 7));
    }
}
