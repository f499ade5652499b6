package tickbus.protocol.fixml;

/**
 * One market-data entry as decoded: an {@code Inc} of a {@link MktDataInc} or a {@code Full} of a
 * {@link MktDataFull}. A reused flyweight: valid only inside the listener callback that received it.
 * Prices are mantissas at the decoder's price scale. Fields that only {@code Inc} carries (action, instrument,
 * sequence) are null or {@link Fixml#ABSENT} on a {@code Full} entry.
 */
public final class MdEntry {

    UpdateAction action;
    char type;
    boolean hasPrice;
    long price;
    boolean hasSize;
    long size;
    String symbol;
    String maturity;
    long sequence;
    long reportSequence;
    boolean hasTransactTime;
    long transactTimeNanos;
    String tradeId;
    char aggressor;

    void reset() {
        action = null;
        type = 0;
        hasPrice = false;
        price = 0;
        hasSize = false;
        size = 0;
        symbol = null;
        maturity = null;
        sequence = Fixml.ABSENT;
        reportSequence = Fixml.ABSENT;
        hasTransactTime = false;
        transactTimeNanos = 0;
        tradeId = null;
        aggressor = Fixml.AGGRESSOR_NONE;
    }

    /** MDUpdateAction; null on a {@code Full} entry. */
    public UpdateAction action() {
        return action;
    }

    /** MDEntryType, e.g. {@link Fixml#ENTRY_TYPE_BID}. */
    public char type() {
        return type;
    }

    public boolean hasPrice() {
        return hasPrice;
    }

    /** MDEntryPx as a mantissa at the decoder's scale; 0 when absent. */
    public long price() {
        return price;
    }

    public boolean hasSize() {
        return hasSize;
    }

    /** MDEntrySize; 0 when absent. */
    public long size() {
        return size;
    }

    /** Instrmt/@Sym of an {@code Inc} entry; null on a {@code Full} entry (see {@link MktDataFull#symbol()}). */
    public String symbol() {
        return symbol;
    }

    /** Instrmt/@MMY of an {@code Inc} entry, or null. */
    public String maturity() {
        return maturity;
    }

    /** The entry's position in the server's update log (see the package documentation). */
    public long sequence() {
        return sequence;
    }

    /** RptSeq, or {@link Fixml#ABSENT}. */
    public long reportSequence() {
        return reportSequence;
    }

    public boolean hasTransactTime() {
        return hasTransactTime;
    }

    /** TxnTm as nanoseconds since the epoch; 0 when absent. */
    public long transactTimeNanos() {
        return transactTimeNanos;
    }

    /** TrdID, or null. */
    public String tradeId() {
        return tradeId;
    }

    /** AgrsrSide: {@link Fixml#AGGRESSOR_BUY}, {@link Fixml#AGGRESSOR_SELL} or {@link Fixml#AGGRESSOR_NONE}. */
    public char aggressor() {
        return aggressor;
    }

    /** An immutable copy of an {@code Inc} entry. */
    public IncrementalEntry toIncrementalEntry() {
        return new IncrementalEntry(action, type, symbol, maturity, hasPrice ? price : null, hasSize ? size : null,
                reportSequence, hasTransactTime ? transactTimeNanos : null, tradeId, aggressor);
    }

    /** An immutable copy of a {@code Full} entry. */
    public SnapshotEntry toSnapshotEntry() {
        return new SnapshotEntry(type, hasPrice ? price : null, hasSize ? size : null);
    }
}
