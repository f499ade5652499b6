package tickbus.feed.redis;

import io.vertx.core.buffer.Buffer;
import tickbus.event.EventKind;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.event.MarketEvent;
import tickbus.event.Quote;
import tickbus.event.Trade;
import tickbus.feed.DecoderContext;
import tickbus.feed.FeedClock;
import tickbus.feed.FrameDecoder;
import tickbus.feed.SequenceValidator;
import tickbus.normalize.redisjson.RedisJsonIngest;
import tickbus.normalize.redisjson.RedisJsonNormalizer;
import tickbus.protocol.redisjson.DeadLetterLog;
import tickbus.protocol.redisjson.PayloadFormat;
import tickbus.protocol.redisjson.RedisJsonException;

/**
 * Decodes {@link RedisFrames} on a parser worker: JSON decode and normalize, publisher sequence numbers validated
 * per channel (copies dropped, gaps reported by the engine, a publisher that started again reset, see
 * {@link PublisherRun}), refused payloads dead-lettered and rethrown so the engine counts them by kind. Events of
 * stream entries whose payload has no sequence of its own carry the entry id's sequence, so they stay in order
 * across reconnects, restarts and nodes.
 */
final class RedisFrameDecoder implements FrameDecoder, RedisJsonNormalizer.SequenceCheck {

    private final DecoderContext context;
    private final RedisFeedCounters counters;
    private final RedisJsonIngest ingest;
    private final ChannelNames channels = new ChannelNames();
    private final FieldsJson fieldsJson = new FieldsJson();
    private final LatestQuotes latestQuotes = new LatestQuotes();
    private final ChannelRuns runs;
    private final int maxDocumentBytes;
    private String channel;
    private PayloadFormat format;
    private long entrySequence;

    RedisFrameDecoder(DecoderContext context, RedisFeedSettings settings, RedisFeedCounters counters,
            DeadLetterLog deadLetters) {
        this.context = context;
        this.counters = counters;
        this.maxDocumentBytes = settings.limits().maxDocumentBytes();
        this.runs = new ChannelRuns(context.settings().source(), context.clock(), counters,
                context::sequenceForgotten);
        RedisJsonNormalizer normalizer = new RedisJsonNormalizer(context.settings().source(),
                context.settings().venue(), settings.venueFromPayload(), this, this::emit);
        normalizer.countFrom(FeedClock.nanos(context.clock()));
        this.ingest = new RedisJsonIngest(settings.limits(), settings.priceScale(), settings.sizeScale(), normalizer,
                deadLetters);
    }

    @Override
    public void decode(long sequence, long receiveTimeNanos, Buffer frames, int offset, int length) {
        format = RedisFrames.format(frames, offset);
        entrySequence = RedisFrames.entrySequence(frames, offset);
        int channelLength = RedisFrames.channelLength(frames, offset);
        channel = channels.of(frames, offset + RedisFrames.HEADER_BYTES, channelLength);
        int payloadOffset = offset + RedisFrames.HEADER_BYTES + channelLength;
        int payloadLength = length - RedisFrames.HEADER_BYTES - channelLength;
        if (RedisFrames.isUnsubscribed(frames, offset)) {
            unsubscribed();
            return;
        }
        if (!RedisFrames.hasFields(frames, offset)) {
            ingest.accept(channel, format, frames, payloadOffset, payloadLength, receiveTimeNanos);
            return;
        }
        if (payloadLength > maxDocumentBytes) {
            RedisJsonException tooLarge = new RedisJsonException(RedisJsonException.Reason.DOCUMENT_TOO_LARGE,
                    "length>=" + payloadLength + ", max=" + maxDocumentBytes);
            ingest.deadLetters().add(receiveTimeNanos, channel, tooLarge, frames, payloadOffset, payloadLength);
            throw tooLarge;
        }
        int jsonLength = fieldsJson.build(frames, payloadOffset, payloadLength);
        ingest.accept(channel, format, fieldsJson.bytes(), 0, jsonLength, receiveTimeNanos);
    }

    /**
     * The feed stopped listening to the channel: what it last heard there is no current state, and what it hears
     * after subscribing again continues no run it knows (what was published meanwhile nobody wanted, nothing lost).
     */
    private void unsubscribed() {
        latestQuotes.forgetChannel(channel);
        runs.remove(channel);
        context.sequenceForgotten(channel);
    }

    @Override
    public boolean admit(String arrivedOn, String instrument, EventKind kind, long sequence, long timestampNanos) {
        PublisherRun run = runs.carrying(channel, instrument);
        if (run.restartedBy(sequence, timestampNanos)) {
            publisherRestarted(run, sequence);
            context.sequenceRestarted(channel, run.firstOfNewRun(sequence));
        }
        if (context.sequence(channel, sequence, run.instruments()) == SequenceValidator.Verdict.DUPLICATE) {
            return false;
        }
        run.accepted(sequence, timestampNanos);
        return true;
    }

    /**
     * A RESET to every instrument the channel carried (the sink drops those nobody wants), published on this worker
     * through the sink, like the events: after the old run's last event, before the new run's GAP (if its first
     * messages were lost) and first event, so subscribers forget the old numbers first.
     */
    private void publisherRestarted(PublisherRun run, long sequence) {
        counters.publisherRestarts.increment();
        long now = FeedClock.nanos(context.clock());
        String reason = "publisher on " + channel + " started again: sequence=" + sequence + ", last="
                + run.lastSequence();
        for (String instrument : run.instruments()) {
            context.sink().accept(new InstrumentStatus(instrument, context.settings().venue(),
                    context.settings().source(), 0, now, now, InstrumentState.RESET, 0, 0, reason));
        }
    }

    private void emit(MarketEvent event) {
        MarketEvent sequenced = entrySequence == 0 || format.carriesSequence() ? event : withEntrySequence(event);
        if (sequenced instanceof Quote quote) {
            latestQuotes.remember(quote, channel);
        }
        context.sink().accept(sequenced);
    }

    private MarketEvent withEntrySequence(MarketEvent event) {
        if (event instanceof Quote q) {
            return new Quote(q.instrument(), q.venue(), q.source(), entrySequence, q.exchangeTimeNanos(),
                    q.receiveTimeNanos(), q.priceScale(), q.sizeScale(), q.bidPrice(), q.bidSize(), q.askPrice(),
                    q.askSize());
        }
        if (event instanceof Trade t) {
            return new Trade(t.instrument(), t.venue(), t.source(), entrySequence, t.exchangeTimeNanos(),
                    t.receiveTimeNanos(), t.priceScale(), t.sizeScale(), t.price(), t.size(), t.aggressor(),
                    t.tradeId(), t.type());
        }
        return event;
    }

    @Override
    public void snapshot(String instrument, tickbus.event.EventSink sink) {
        latestQuotes.snapshot(instrument, sink);
    }

    @Override
    public void reset() {
        latestQuotes.clear();
        runs.clear();
    }
}
