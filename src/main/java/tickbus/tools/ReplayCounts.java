package tickbus.tools;

import java.util.Map;
import java.util.TreeMap;
import tickbus.event.BookUpdate;
import tickbus.event.EventSink;
import tickbus.event.InstrumentStatus;
import tickbus.event.MarketEvent;
import tickbus.event.Prices;
import tickbus.event.Quote;
import tickbus.event.Trade;

/** What a replay produced: messages by type, events by kind, problems by kind, each instrument's last quote. */
public final class ReplayCounts implements EventSink {

    private final long[] messagesByType = new long[256];
    private final Map<String, Long> tradesByType = new TreeMap<>();
    private final Map<String, Long> statusesByState = new TreeMap<>();
    private final Map<String, Long> problemsByKind = new TreeMap<>();
    private final Map<String, Quote> lastQuotes = new TreeMap<>();
    private long messages;
    private long quotes;
    private long trades;
    private long bookUpdates;
    private long statuses;
    private String readError;

    void message(byte type) {
        messages++;
        messagesByType[type & 0xFF]++;
    }

    void problem(String kind) {
        problemsByKind.merge(kind, 1L, Long::sum);
    }

    void readError(String error) {
        readError = error;
    }

    /** Why the file could not be read to its end, or null when it was. */
    public String readError() {
        return readError;
    }

    @Override
    public void accept(MarketEvent event) {
        if (event instanceof Quote quote) {
            quotes++;
            lastQuotes.put(quote.instrument(), quote);
        } else if (event instanceof Trade trade) {
            trades++;
            tradesByType.merge(trade.type().name().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum);
        } else if (event instanceof BookUpdate) {
            bookUpdates++;
        } else if (event instanceof InstrumentStatus status) {
            statuses++;
            statusesByState.merge(status.state().name(), 1L, Long::sum);
        }
    }

    public long messages() {
        return messages;
    }

    public long trades() {
        return trades;
    }

    public long quotes() {
        return quotes;
    }

    public long problems() {
        return problemsByKind.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The report, one {@code key=value ...} line per subject. */
    public String report(int maxInstruments) {
        StringBuilder text = new StringBuilder();
        text.append("messages=").append(messages).append(" types=").append(types()).append('\n');
        text.append("events: quotes=").append(quotes).append(" trades=").append(trades).append(' ')
                .append(joined(tradesByType)).append(" bookUpdates=").append(bookUpdates).append(" statuses=")
                .append(statuses).append(' ').append(joined(statusesByState)).append('\n');
        text.append("instruments=").append(lastQuotes.size()).append('\n');
        text.append("problems=").append(problems()).append(problems() == 0 ? "" : " " + joined(problemsByKind))
                .append('\n');
        lastQuotes.values().stream().limit(maxInstruments).forEach(quote -> text.append("bbo ")
                .append(quote.instrument()).append(" bid=").append(Prices.format(quote.bidPrice(), quote.priceScale()))
                .append('x').append(quote.bidSize()).append(" ask=")
                .append(Prices.format(quote.askPrice(), quote.priceScale())).append('x').append(quote.askSize())
                .append('\n'));
        return text.toString();
    }

    private String types() {
        StringBuilder text = new StringBuilder();
        for (int type = 0; type < messagesByType.length; type++) {
            if (messagesByType[type] > 0) {
                String name = type > 0x20 && type < 0x7F ? String.valueOf((char) type)
                        : String.format("0x%02X", type);
                text.append(text.length() == 0 ? "" : ",").append(name).append(':').append(messagesByType[type]);
            }
        }
        return text.toString();
    }

    private static String joined(Map<String, Long> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((key, count) -> text.append(text.length() == 0 ? "" : " ").append(key).append('=')
                .append(count));
        return text.toString();
    }
}
