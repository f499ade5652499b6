package tickbus.feed.http;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import tickbus.event.EventSink;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.event.MarketEvent;
import tickbus.feed.DecoderContext;
import tickbus.feed.FeedClock;
import tickbus.feed.FrameDecoder;
import tickbus.feed.InputProblem;
import tickbus.normalize.fixml.FixmlNormalizer;
import tickbus.normalize.fixml.FixmlNormalizerConfig;
import tickbus.protocol.fixml.FixmlBatch;
import tickbus.protocol.fixml.FixmlDecoder;
import tickbus.protocol.fixml.FixmlException;
import tickbus.protocol.fixml.FixmlLimits;
import tickbus.protocol.fixml.FixmlListener;
import tickbus.protocol.fixml.MktDataFull;
import tickbus.protocol.fixml.MktDataInc;

/**
 * Decodes and normalizes one long-poll document per frame, on a parser worker, all or nothing: the events of a
 * document are published only when all of it decoded and its envelope covers exactly the frame's positions. A
 * document that fails is quarantined: counted by kind, its raw bytes kept in the {@link QuarantineLog}, a GAP
 * naming its positions published to every instrument with demand, every book held back until its snapshot, and
 * snapshots requested. The same bytes would fail again, so a document is never retried here; responses that can
 * differ on a second try are retried by the connection before they reach a worker. Entries refused because their
 * instrument's id belongs to another symbol and maturity do not fail the document: once its events are published,
 * an {@link InputProblem} naming both instruments is thrown for the worker to count.
 */
final class HttpFixmlDecoder implements FrameDecoder, FixmlListener {

    private static final int INITIAL_SCRATCH_BYTES = 64 * 1024;
    private static final String ID_CONFLICT_KIND = "fixml-instrument-id-taken";

    private final DecoderContext context;
    private final FixmlNormalizerConfig config;
    private final QuarantineLog quarantine;
    private final Supplier<Collection<String>> demanded;
    private final Runnable requestSnapshots;
    private final FixmlDecoder decoder;
    private final FrameHeader header = new FrameHeader();
    private final SnapshotGate gate = new SnapshotGate();
    private final List<MarketEvent> pending = new ArrayList<>();
    private final EventSink gated = this::hold;
    private final NormalizerAnomalies anomalies = new NormalizerAnomalies();
    private FixmlNormalizer normalizer;
    /** The last log position of the last document decoded: the sequence of the state sent to a new subscriber. */
    private long lastPosition;
    private byte[] scratch = new byte[INITIAL_SCRATCH_BYTES];

    /**
     * @param demanded the instruments of this feed somebody wants, told about a lost range
     * @param requestSnapshots asks the connection for snapshots of every polled instrument
     */
    HttpFixmlDecoder(DecoderContext context, HttpFeedSettings settings, QuarantineLog quarantine,
            Supplier<Collection<String>> demanded, Runnable requestSnapshots) {
        this.context = context;
        HttpFeedSettings.Normalization normalization = settings.normalization();
        this.config = new FixmlNormalizerConfig(context.settings().venue(), context.settings().source(),
                normalization.priceScale(), normalization.maturityInInstrumentId(), normalization.maxInstruments(),
                normalization.maxLevelsPerSide());
        this.quarantine = quarantine;
        this.demanded = demanded;
        this.requestSnapshots = requestSnapshots;
        FixmlLimits defaults = FixmlLimits.DEFAULTS;
        this.decoder = new FixmlDecoder(new FixmlLimits((int) settings.maxResponseBytes(), defaults.maxElementDepth(),
                defaults.maxAttributesPerElement(), defaults.maxAttributeChars(), defaults.maxTextChars(),
                defaults.maxEntityExpansions(), defaults.maxEntriesPerMessage()), normalization.priceScale());
        this.normalizer = new FixmlNormalizer(config, context::wanted, gated);
    }

    @Override
    public void decode(long sequence, long receiveTimeNanos, Buffer frames, int offset, int length) {
        header.read(frames, offset, length);
        if (header.awaitAllSnapshots()) {
            gate.awaitAll();
        }
        header.awaiting.forEach(gate::await);
        int documentLength = offset + length - header.payloadOffset;
        if (header.quarantined()) {
            lost(sequence, header.lastPosition, frames.getString(header.payloadOffset, offset + length, "UTF-8"));
            return;
        }
        if (scratch.length < documentLength) {
            scratch = new byte[Math.max(documentLength, scratch.length * 2)];
        }
        frames.getBytes(header.payloadOffset, offset + length, scratch, 0);
        normalizer.receiveTimeNanos(receiveTimeNanos);
        pending.clear();
        long idConflictsBefore = normalizer.counters().instrumentIdConflicts();
        try {
            FixmlBatch batch = decoder.decode(scratch, 0, documentLength, header.charset, this);
            checkRange(batch, sequence - 1, header.lastPosition);
        } catch (RuntimeException e) {
            pending.clear();
            normalizer.eventsDiscarded();
            String kind = e instanceof FixmlException fixml ? fixml.kind() : "internal";
            quarantine.add(FeedClock.nanos(context.clock()), sequence, header.lastPosition, kind, e.getMessage(),
                    documentLength, java.util.Arrays.copyOf(scratch, Math.min(documentLength,
                            quarantine.maxPrefixBytes())));
            lost(sequence, header.lastPosition, "document quarantined: kind=" + kind + ", " + e.getMessage());
            throw e;
        }
        for (MarketEvent event : pending) {
            context.sink().accept(event);
        }
        pending.clear();
        lastPosition = header.lastPosition;
        reportIdConflicts(idConflictsBefore, sequence, header.lastPosition);
    }

    @Override
    public void mktDataInc(MktDataInc message) {
        normalizer.mktDataInc(message);
    }

    @Override
    public void mktDataFull(MktDataFull message) {
        String instrument = normalizer.instrumentId(message.symbol(), message.maturity());
        if (instrument != null) {
            gate.snapshotArrived(instrument);
        }
        normalizer.mktDataFull(message);
    }

    /**
     * The instrument's book and top as they are now, when trusted: books are kept for instruments nobody wants, so
     * the quote last published may be long out of date.
     */
    @Override
    public void snapshot(String instrument, EventSink sink) {
        if (gate.trusts(instrument)) {
            normalizer.currentState(instrument, lastPosition, sink);
        }
    }

    @Override
    public void endOfBatch() {
        anomalies.report(normalizer.counters(), context);
    }

    @Override
    public void reset() {
        anomalies.report(normalizer.counters(), context);
        normalizer = new FixmlNormalizer(config, context::wanted, gated);
        anomalies.restart();
        gate.awaitAll();
    }

    private void hold(MarketEvent event) {
        if (gate.passes(event)) {
            pending.add(event);
        }
    }

    /** Positions {@code first..last} will never be delivered: say so, distrust every book, ask for snapshots. */
    private void lost(long first, long last, String reason) {
        gate.awaitAll();
        long now = FeedClock.nanos(context.clock());
        for (String instrument : demanded.get()) {
            if (context.wanted(instrument)) {
                context.sink().accept(new InstrumentStatus(instrument, config.venue(), config.source(), last, now, now,
                        InstrumentState.GAP, first, last, reason));
            }
        }
        requestSnapshots.run();
    }

    /** Entries the document's events lack because their instrument's id is another's: for the worker to count. */
    private void reportIdConflicts(long before, long first, long last) {
        long conflicts = normalizer.counters().instrumentIdConflicts();
        if (conflicts != before) {
            throw new InputProblem(ID_CONFLICT_KIND, normalizer.lastInstrumentIdConflict() + ", entries="
                    + (conflicts - before) + ", positions=" + first + ".." + last);
        }
    }

    private static void checkRange(FixmlBatch batch, long cursor, long next) {
        if (batch.cursor() != cursor || batch.next() != next) {
            throw new FixmlException(FixmlException.Reason.BAD_SEQUENCE, "document range differs from the response's:"
                    + " cursor=" + batch.cursor() + ", next=" + batch.next() + ", expectedCursor=" + cursor
                    + ", expectedNext=" + next);
        }
    }
}
