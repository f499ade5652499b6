package tickbus.feed.soupbintcp;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import tickbus.event.BookUpdate;
import tickbus.event.EventSink;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.event.Quote;
import tickbus.feed.DecoderContext;
import tickbus.feed.FrameDecoder;
import tickbus.feed.InputProblem;
import tickbus.normalize.itch.Itch50Normalizer;
import tickbus.normalize.itch.Itch50NormalizerCounters;
import tickbus.normalize.itch.OrderBook;
import tickbus.protocol.itch.Itch50;
import tickbus.protocol.itch.Itch50Message;

/**
 * Runs the ITCH 5.0 normalizer (decoder, full-depth books, events) on a parser worker. Frames are read in place
 * from the batch's backing array. When demand changes the normalizer asks again which instruments to publish;
 * input it had to count (malformed, unknown type, unknown order, ...) is reported to the worker's error counters.
 */
final class Itch50FrameDecoder implements FrameDecoder {

    private static final String[] PROBLEM_KINDS = {"itch-malformed", "itch-unknown-type", "itch-unknown-order",
        "itch-duplicate-order", "itch-locate-mismatch", "itch-excessive-reduction", "itch-invalid-side"};

    private final DecoderContext context;
    private final LocalDate configuredTradingDate;
    private final AtomicLong demandGeneration;
    private final LongAdder decodedMessages;
    private final int expectedOrders;
    private final long[] reportedProblems = new long[PROBLEM_KINDS.length];
    private long reportedTotal;
    private Itch50Normalizer normalizer;
    private long midnightEpochNanos;
    private long seenGeneration = -1;
    private long lastSequence;
    private long lastReceiveTimeNanos;
    private long lastTimestampNanos;
    private Buffer batch;
    private byte[] batchArray;
    private int batchBase;
    private long decodedInBatch;

    Itch50FrameDecoder(DecoderContext context, LocalDate configuredTradingDate, AtomicLong demandGeneration,
            LongAdder decodedMessages, int expectedOrders) {
        this.context = context;
        this.configuredTradingDate = configuredTradingDate;
        this.demandGeneration = demandGeneration;
        this.decodedMessages = decodedMessages;
        this.expectedOrders = expectedOrders;
        this.normalizer = newNormalizer();
    }

    @Override
    public void decode(long sequence, long receiveTimeNanos, Buffer frames, int offset, int length) {
        if (frames != batch) {
            adopt(frames);
        }
        long generation = demandGeneration.get();
        if (generation != seenGeneration) {
            seenGeneration = generation;
            normalizer.refreshDemand(lastSequence, receiveTimeNanos);
        }
        int start = batchBase + offset;
        lastSequence = sequence;
        lastReceiveTimeNanos = receiveTimeNanos;
        if (length >= Itch50Message.HEADER_LENGTH) {
            lastTimestampNanos = Itch50.timestampNanos(batchArray, start, length);
        }
        normalizer.onMessage(sequence, receiveTimeNanos, batchArray, start, length);
        decodedInBatch++;
        reportProblems(sequence);
    }

    /** Loads the order table slot the message will look up; see {@link Itch50Normalizer#prefetch}. */
    @Override
    public void prefetch(Buffer frames, int offset, int length) {
        if (frames != batch) {
            adopt(frames);
        }
        normalizer.prefetch(batchArray, batchBase + offset, length);
    }

    /** The shared count is updated once per batch: an atomic per message stalls the worker's stores. */
    @Override
    public void endOfBatch() {
        if (decodedInBatch > 0) {
            decodedMessages.add(decodedInBatch);
            decodedInBatch = 0;
        }
    }

    /** The instrument's book, best bid and offer and trading state, as of the last message of this shard. */
    @Override
    public void snapshot(String instrument, EventSink sink) {
        OrderBook book = find(instrument);
        if (book == null) {
            return;
        }
        String venue = instrument.substring(0, instrument.indexOf(':'));
        String source = context.settings().source();
        long exchangeTimeNanos = midnightEpochNanos + lastTimestampNanos;
        sink.accept(new BookUpdate(instrument, venue, source, lastSequence, exchangeTimeNanos, lastReceiveTimeNanos,
                Itch50.PRICE_SCALE, Itch50.SIZE_SCALE, true, book.bidLevels(), book.askLevels()));
        sink.accept(new Quote(instrument, venue, source, lastSequence, exchangeTimeNanos, lastReceiveTimeNanos,
                Itch50.PRICE_SCALE, Itch50.SIZE_SCALE, book.bestBidPrice(), book.bestBidSize(), book.bestAskPrice(),
                book.bestAskSize()));
        sink.accept(new InstrumentStatus(instrument, venue, source, lastSequence, exchangeTimeNanos,
                lastReceiveTimeNanos, book.tradingState(), 0, 0, "state when the subscription began"));
        if (book.isSuspect()) {
            sink.accept(new InstrumentStatus(instrument, venue, source, lastSequence, exchangeTimeNanos,
                    lastReceiveTimeNanos, InstrumentState.SUSPECT, 0, 0, "book contradicted by earlier messages"));
        }
        // Somebody just subscribed: publish from the next message on, not from when the feed hears of the demand.
        normalizer.snapshotSent(book);
    }

    /** A new session: new books, and a trading date taken afresh unless one is configured. */
    @Override
    public void reset() {
        normalizer = newNormalizer();
        seenGeneration = -1;
        lastSequence = 0;
        lastTimestampNanos = 0;
        reportedTotal = 0;
        java.util.Arrays.fill(reportedProblems, 0);
    }

    private Itch50Normalizer newNormalizer() {
        LocalDate tradingDate = configuredTradingDate != null ? configuredTradingDate
                : LocalDate.ofInstant(context.clock().instant(), Itch50Normalizer.EXCHANGE_ZONE);
        midnightEpochNanos = Itch50Normalizer.midnightEpochNanos(tradingDate);
        return new Itch50Normalizer(context.settings().source(), tradingDate, context::wanted, context.sink(),
                expectedOrders);
    }

    private void adopt(Buffer frames) {
        batch = frames;
        ByteBuf bytes = ((BufferInternal) frames).getByteBuf();
        if (bytes.hasArray()) {
            batchArray = bytes.array();
            batchBase = bytes.arrayOffset();
        } else {
            batchArray = frames.getBytes();
            batchBase = 0;
        }
    }

    private OrderBook find(String instrument) {
        for (int i = 0; i < normalizer.books().bookCount(); i++) {
            OrderBook book = normalizer.books().bookAt(i);
            if (instrument.equals(book.instrument())) {
                return book;
            }
        }
        return null;
    }

    private void reportProblems(long sequence) {
        Itch50NormalizerCounters counters = normalizer.counters();
        long total = counters.contradictions() + counters.unknownMessageTypes();
        if (total == reportedTotal) {
            return;
        }
        reportedTotal = total;
        long[] now = {counters.malformedMessages(), counters.unknownMessageTypes(), counters.unknownOrderReferences(),
            counters.duplicateOrderReferences(), counters.locateMismatches(), counters.excessiveReductions(),
            counters.invalidSides()};
        for (int i = 0; i < now.length; i++) {
            if (now[i] != reportedProblems[i]) {
                System.arraycopy(now, 0, reportedProblems, 0, now.length);
                throw new InputProblem(PROBLEM_KINDS[i], "ITCH message counted and skipped or marked suspect: "
                        + "kind=" + PROBLEM_KINDS[i] + ", sequence=" + sequence + ", total=" + now[i]);
            }
        }
    }
}
