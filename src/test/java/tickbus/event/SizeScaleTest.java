package tickbus.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sizes are mantissas at the event's own sizeScale, so that 3.5 BTC and 300 shares read right side by side. */
class SizeScaleTest {

    private static final Quote BTC = new Quote("XRDS:BTC-USD", "XRDS", "redis-xrds", 1, 2, 3, 2, 8, 6_512_345,
            350_000_000L, 6_512_400, Quote.SIZE_UNKNOWN);
    private static final Quote SHARES = new Quote("XNAS:AAPL", "XNAS", "itch-xnas", 1, 2, 3, 4, 0, 1_912_300, 300,
            1_912_500, 100);

    @Test
    void quoteSizesReadAtTheirScale() {
        assertEquals(new BigDecimal("3.50000000"), BTC.bidSizeDecimal());
        assertNull(BTC.askSizeDecimal(), "the venue gave no size");
        assertEquals(new BigDecimal("300"), SHARES.bidSizeDecimal());
        assertEquals(new BigDecimal("100"), SHARES.askSizeDecimal());
    }

    @Test
    void tradeSizeReadsAtItsScale() {
        Trade trade = new Trade("XRDS:BTC-USD", "XRDS", "redis-xrds", 1, 2, 3, 2, 8, 6_512_345, 1_250_000L,
                Side.BUY, "T1", TradeType.REGULAR);
        assertEquals(new BigDecimal("0.01250000"), trade.sizeDecimal());
    }

    @Test
    void theJsonFormCarriesTheSizeScaleAndReadsBack() {
        assertEquals(8, BTC.toJson().getInteger("sizeScale"));
        assertEquals(BTC, Quote.fromJson(BTC.toJson()));
        BookUpdate book = new BookUpdate("XRDS:BTC-USD", "XRDS", "redis-xrds", 1, 2, 3, 2, 8, true,
                List.of(new BookLevel(6_512_345, 350_000_000L)), List.of());
        assertEquals(8, book.toJson().getInteger("sizeScale"));
        assertEquals(book, BookUpdate.fromJson(book.toJson()));
    }

    @Test
    void aSizeScaleOutOfRangeIsRejectedNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Quote("XNAS:AAPL",
                "XNAS", "itch-xnas", 1, 2, 3, 4, 19, 1_912_300, 300, 1_912_500, 100));
        assertEquals("scale out of range: field=sizeScale, scale=19, min=0, max=18", e.getMessage());
    }
}
