package tickbus.bench;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.buffer.impl.BufferImpl;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tickbus.event.BookLevel;
import tickbus.event.BookUpdate;
import tickbus.event.BookUpdateCodec;
import tickbus.event.BreakerState;
import tickbus.event.FeedState;
import tickbus.event.FeedStatus;
import tickbus.event.FeedStatusCodec;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.event.InstrumentStatusCodec;
import tickbus.event.Quote;
import tickbus.event.QuoteCodec;
import tickbus.event.Side;
import tickbus.event.Trade;
import tickbus.event.TradeCodec;
import tickbus.event.TradeType;

/**
 * Encode + decode round trip of each event codec, one event per operation. The buffer is reused (cleared
 * through its Netty buffer) so that the figure is the codec's cost, not Vert.x's per-message allocation.
 * {@code instruments} is how many distinct instruments the events cycle through.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EventCodecBenchmark {

    private static final int BOOK_DEPTH = 10;

    @Param({"1", "4096"})
    private int instruments;

    private final QuoteCodec quoteCodec = new QuoteCodec();
    private final TradeCodec tradeCodec = new TradeCodec();
    private final BookUpdateCodec bookUpdateCodec = new BookUpdateCodec();
    private final InstrumentStatusCodec instrumentStatusCodec = new InstrumentStatusCodec();
    private final FeedStatusCodec feedStatusCodec = new FeedStatusCodec();
    private final BufferImpl buffer = (BufferImpl) Buffer.buffer(4096);

    private Quote[] quotes;
    private Trade[] trades;
    private BookUpdate[] bookUpdates;
    private InstrumentStatus[] statuses;
    private FeedStatus feedStatus;
    private Buffer[] encodedQuotes;
    private byte[] encodedQuote;
    private byte[] copiedQuote;
    private int next;

    @Setup
    public void setUp() {
        quotes = new Quote[instruments];
        trades = new Trade[instruments];
        bookUpdates = new BookUpdate[instruments];
        statuses = new InstrumentStatus[instruments];
        for (int i = 0; i < instruments; i++) {
            String instrument = "XNAS:S" + i;
            long time = 1_700_000_000_000_000_000L + i;
            quotes[i] = new Quote(instrument, "XNAS", "itch-xnas", i, time, time + 1_500, 4, 0, 1_912_300 + i, 300,
                    1_912_500 + i, 100);
            trades[i] = new Trade(instrument, "XNAS", "itch-xnas", i, time, time + 1_500, 4, 0, 1_912_400, 50,
                    Side.BUY, "T" + (1_000_000 + i), TradeType.REGULAR);
            bookUpdates[i] = new BookUpdate(instrument, "XNAS", "itch-xnas", i, time, time + 1_500, 4, 0, false,
                    levels(1_912_300, -100), levels(1_912_500, 100));
            statuses[i] = new InstrumentStatus(instrument, "XNAS", "itch-xnas", i, time, time + 1_500,
                    InstrumentState.GAP, 1_000, 1_020, "sequence gap");
        }
        encodedQuotes = new Buffer[instruments];
        for (int i = 0; i < instruments; i++) {
            encodedQuotes[i] = Buffer.buffer();
            quoteCodec.encodeToWire(encodedQuotes[i], quotes[i]);
        }
        encodedQuote = encodedQuotes[0].getBytes();
        copiedQuote = new byte[encodedQuote.length];
        feedStatus = new FeedStatus("itch-xnas", "XNAS", 7, 1, 2, FeedState.LIVE, FeedState.RECOVERING,
                "recovered", BreakerState.CLOSED, 3);
    }

    private static List<BookLevel> levels(long best, long step) {
        List<BookLevel> levels = new ArrayList<>(BOOK_DEPTH);
        for (int i = 0; i < BOOK_DEPTH; i++) {
            levels.add(new BookLevel(best + i * step, 100L * (i + 1)));
        }
        return levels;
    }

    private int nextIndex() {
        int index = next;
        next = index + 1 == instruments ? 0 : index + 1;
        return index;
    }

    private Buffer cleared() {
        buffer.byteBuf().clear();
        return buffer;
    }

    /** The floor under any Buffer-based codec: append an encoded Quote's bytes and copy them back out. */
    @Benchmark
    public byte[] bufferCopyFloor() {
        Buffer wire = cleared();
        wire.appendBytes(encodedQuote);
        wire.getBytes(0, encodedQuote.length, copiedQuote, 0);
        return copiedQuote;
    }

    @Benchmark
    public Quote quoteRoundTrip() {
        Buffer wire = cleared();
        quoteCodec.encodeToWire(wire, quotes[nextIndex()]);
        return quoteCodec.decodeFromWire(0, wire);
    }

    /** The encode half of {@link #quoteRoundTrip}. */
    @Benchmark
    public Buffer quoteEncode() {
        Buffer wire = cleared();
        quoteCodec.encodeToWire(wire, quotes[nextIndex()]);
        return wire;
    }

    /** The decode half of {@link #quoteRoundTrip}, from buffers encoded in advance. */
    @Benchmark
    public Quote quoteDecode() {
        return quoteCodec.decodeFromWire(0, encodedQuotes[nextIndex()]);
    }

    @Benchmark
    public Trade tradeRoundTrip() {
        Buffer wire = cleared();
        tradeCodec.encodeToWire(wire, trades[nextIndex()]);
        return tradeCodec.decodeFromWire(0, wire);
    }

    @Benchmark
    public BookUpdate bookUpdateRoundTrip() {
        Buffer wire = cleared();
        bookUpdateCodec.encodeToWire(wire, bookUpdates[nextIndex()]);
        return bookUpdateCodec.decodeFromWire(0, wire);
    }

    @Benchmark
    public InstrumentStatus instrumentStatusRoundTrip() {
        Buffer wire = cleared();
        instrumentStatusCodec.encodeToWire(wire, statuses[nextIndex()]);
        return instrumentStatusCodec.decodeFromWire(0, wire);
    }

    @Benchmark
    public FeedStatus feedStatusRoundTrip() {
        Buffer wire = cleared();
        feedStatusCodec.encodeToWire(wire, feedStatus);
        return feedStatusCodec.decodeFromWire(0, wire);
    }
}
