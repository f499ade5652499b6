package tickbus.normalize.itch;

import java.util.ArrayList;
import java.util.List;
import tickbus.event.BookLevel;
import tickbus.event.BookUpdate;
import tickbus.event.InstrumentStatus;
import tickbus.event.MarketEvent;
import tickbus.event.Prices;
import tickbus.event.Quote;
import tickbus.event.Trade;

/** Events as short readable lines, so a test can compare a whole sequence with one assertEquals. */
final class EventText {

    private EventText() {
    }

    static List<String> of(List<MarketEvent> events) {
        List<String> lines = new ArrayList<>();
        for (MarketEvent event : events) {
            lines.add(of(event));
        }
        return lines;
    }

    static String of(MarketEvent event) {
        if (event instanceof Quote quote) {
            return "quote " + quote.instrument() + " " + level(quote.bidPrice(), quote.bidSize(), 4) + " / "
                    + level(quote.askPrice(), quote.askSize(), 4);
        } else if (event instanceof Trade trade) {
            return "trade " + trade.instrument() + " " + level(trade.price(), trade.size(), 4) + " "
                    + trade.aggressor() + " id=" + trade.tradeId() + " " + trade.type();
        } else if (event instanceof BookUpdate book) {
            return "book " + book.instrument() + (book.snapshot() ? " snapshot" : "") + " bids="
                    + levels(book.bids()) + " asks=" + levels(book.asks());
        }
        InstrumentStatus status = (InstrumentStatus) event;
        return "status " + status.instrument() + " " + status.state() + " (" + status.reason() + ")";
    }

    private static String levels(List<BookLevel> levels) {
        List<String> text = new ArrayList<>();
        for (BookLevel level : levels) {
            text.add(level(level.price(), level.size(), 4));
        }
        return text.toString();
    }

    private static String level(long price, long size, int scale) {
        return Prices.format(price, scale) + "x" + size;
    }
}
