package tickbus.protocol.fixml;

import java.util.Objects;

/**
 * An immutable {@code Inc} entry, as written by {@link FixmlWriter} and copied out of a decoded {@link MdEntry}.
 * Price is a mantissa at the writer's or decoder's scale; optional fields are null (or {@link Fixml#ABSENT},
 * {@link Fixml#AGGRESSOR_NONE}) when absent.
 */
public record IncrementalEntry(UpdateAction action, char type, String symbol, String maturity, Long price, Long size,
        long reportSequence, Long transactTimeNanos, String tradeId, char aggressor) {

    public IncrementalEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(symbol, "symbol");
    }

    /** A bid or offer level update. */
    public static IncrementalEntry level(UpdateAction action, char type, String symbol, long price, long size) {
        return new IncrementalEntry(action, type, symbol, null, price, action == UpdateAction.DELETE ? null : size,
                Fixml.ABSENT, null, null, Fixml.AGGRESSOR_NONE);
    }

    /** A new trade. */
    public static IncrementalEntry trade(String symbol, long price, long size, String tradeId, char aggressor) {
        return new IncrementalEntry(UpdateAction.NEW, Fixml.ENTRY_TYPE_TRADE, symbol, null, price, size,
                Fixml.ABSENT, null, tradeId, aggressor);
    }

    /** The same entry with a TransactTime. */
    public IncrementalEntry withTransactTime(long nanos) {
        return new IncrementalEntry(action, type, symbol, maturity, price, size, reportSequence, nanos, tradeId,
                aggressor);
    }

    /** The same entry with a RptSeq. */
    public IncrementalEntry withReportSequence(long sequence) {
        return new IncrementalEntry(action, type, symbol, maturity, price, size, sequence, transactTimeNanos,
                tradeId, aggressor);
    }
}
