package tickbus.protocol.fixml;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import tickbus.event.Prices;

/**
 * Writes long-poll responses: a UTF-8 FIXML document holding one {@code Batch} with its cursors and any mix of
 * {@code MktDataInc} and {@code MktDataFull} messages. Prices are mantissas at the writer's scale and are written
 * as plain decimals without trailing zeros. Not thread-safe; reusable after {@link #finish()}.
 */
public final class FixmlWriter {

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final int INITIAL_CAPACITY = 4096;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int priceScale;
    private final StringBuilder out = new StringBuilder(INITIAL_CAPACITY);
    private boolean open;

    public FixmlWriter(int priceScale) {
        Prices.powerOfTen(priceScale);
        this.priceScale = priceScale;
    }

    /** Starts a document whose batch answers a poll from {@code cursor} and tells the client to poll from {@code next}. */
    public FixmlWriter startBatch(long cursor, long next) {
        if (open) {
            throw new IllegalStateException("a batch is already open: call finish() first");
        }
        if (cursor < 0 || next < cursor) {
            throw new IllegalArgumentException("cursors out of order: cursor=" + cursor + ", next=" + next);
        }
        out.setLength(0);
        out.append(DECLARATION).append("<FIXML xmlns=\"").append(Fixml.NAMESPACE).append("\" v=\"5.0 SP2\">\n")
                .append("<Batch cursor=\"").append(cursor).append("\" next=\"").append(next).append("\">\n");
        open = true;
        return this;
    }

    /** Appends a MktDataInc; {@code applSeqNum} is the first entry's log position, or {@link Fixml#ABSENT}. */
    public FixmlWriter mktDataInc(long applSeqNum, List<IncrementalEntry> entries) {
        requireOpen();
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("MktDataInc needs at least one entry: entries=0, min=1");
        }
        out.append("<MktDataInc");
        if (applSeqNum != Fixml.ABSENT) {
            attribute(Fixml.ATTRIBUTE_APPL_SEQ_NUM, applSeqNum);
        }
        out.append('>');
        for (IncrementalEntry entry : entries) {
            inc(entry);
        }
        out.append("</MktDataInc>\n");
        return this;
    }

    /** Appends a MktDataFull. */
    public FixmlWriter mktDataFull(Snapshot snapshot) {
        requireOpen();
        out.append("<MktDataFull");
        if (snapshot.sequence() != Fixml.ABSENT) {
            attribute(Fixml.ATTRIBUTE_APPL_SEQ_NUM, snapshot.sequence());
        }
        if (snapshot.businessDate() != null) {
            attribute(Fixml.ATTRIBUTE_BUSINESS_DATE, snapshot.businessDate());
        }
        out.append('>');
        instrument(snapshot.symbol(), snapshot.maturity());
        for (SnapshotEntry entry : snapshot.entries()) {
            out.append("<Full");
            attribute(Fixml.ATTRIBUTE_ENTRY_TYPE, String.valueOf(entry.type()));
            priceAndSize(entry.price(), entry.size());
            out.append("/>");
        }
        out.append("</MktDataFull>\n");
        return this;
    }

    /** Closes the document and returns its UTF-8 bytes. */
    public byte[] finish() {
        requireOpen();
        out.append("</Batch>\n</FIXML>\n");
        open = false;
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void inc(IncrementalEntry entry) {
        out.append("<Inc");
        attribute(Fixml.ATTRIBUTE_UPDATE_ACTION, String.valueOf(entry.action().code()));
        attribute(Fixml.ATTRIBUTE_ENTRY_TYPE, String.valueOf(entry.type()));
        priceAndSize(entry.price(), entry.size());
        if (entry.reportSequence() != Fixml.ABSENT) {
            attribute(Fixml.ATTRIBUTE_REPORT_SEQUENCE, entry.reportSequence());
        }
        if (entry.transactTimeNanos() != null) {
            long nanos = entry.transactTimeNanos();
            attribute(Fixml.ATTRIBUTE_TRANSACT_TIME, Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND),
                    Math.floorMod(nanos, NANOS_PER_SECOND)).toString());
        }
        if (entry.tradeId() != null) {
            attribute(Fixml.ATTRIBUTE_TRADE_ID, entry.tradeId());
        }
        if (entry.aggressor() != Fixml.AGGRESSOR_NONE) {
            attribute(Fixml.ATTRIBUTE_AGGRESSOR_SIDE, String.valueOf(entry.aggressor()));
        }
        out.append('>');
        instrument(entry.symbol(), entry.maturity());
        out.append("</Inc>");
    }

    private void instrument(String symbol, String maturity) {
        out.append("<Instrmt");
        attribute(Fixml.ATTRIBUTE_SYMBOL, symbol);
        if (maturity != null) {
            attribute(Fixml.ATTRIBUTE_MATURITY, maturity);
        }
        out.append("/>");
    }

    private void priceAndSize(Long price, Long size) {
        if (price != null) {
            out.append(' ').append(Fixml.ATTRIBUTE_PRICE).append("=\"");
            appendPrice(price);
            out.append('"');
        }
        if (size != null) {
            attribute(Fixml.ATTRIBUTE_SIZE, size);
        }
    }

    private void appendPrice(long mantissa) {
        String digits = Long.toString(mantissa);
        if (mantissa < 0) {
            out.append('-');
            digits = digits.substring(1);
        }
        int integerDigits = digits.length() - priceScale;
        if (integerDigits <= 0) {
            out.append('0');
        } else {
            out.append(digits, 0, integerDigits);
        }
        int end = digits.length();
        while (end > Math.max(integerDigits, 0) && digits.charAt(end - 1) == '0') {
            end--;
        }
        if (end > Math.max(integerDigits, 0)) {
            out.append('.');
            for (int i = integerDigits; i < 0; i++) {
                out.append('0');
            }
            out.append(digits, Math.max(integerDigits, 0), end);
        }
    }

    private void attribute(String name, long value) {
        out.append(' ').append(name).append("=\"").append(value).append('"');
    }

    private void attribute(String name, String value) {
        out.append(' ').append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        out.append('"');
    }

    private void requireOpen() {
        if (!open) {
            throw new IllegalStateException("no batch is open: call startBatch(cursor, next) first");
        }
    }
}
