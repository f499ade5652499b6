package tickbus.feed.sim;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import tickbus.event.Quote;
import tickbus.event.Side;
import tickbus.event.Trade;
import tickbus.event.TradeType;
import tickbus.feed.ConnectionContext;
import tickbus.feed.DecoderContext;
import tickbus.feed.FeedConnection;
import tickbus.feed.FeedProtocol;
import tickbus.feed.FrameDecoder;
import tickbus.feed.SubscriptionException;
import tickbus.protocol.sim.SimMessages;
import tickbus.sim.SimSession;
import tickbus.sim.SimVenue;

/** The feed side of the in-process {@link SimVenue}: a sequenced firehose with replay. */
public final class SimFeedProtocol implements FeedProtocol {

    private final String venueName;
    private long lastSessionId;

    public SimFeedProtocol(String venueName) {
        this.venueName = venueName;
    }

    @Override
    public Future<FeedConnection> connect(ConnectionContext context) {
        SimVenue venue = SimVenue.named(venueName);
        if (venue == null) {
            return Future.failedFuture("no simulated venue is running: venueName=" + venueName);
        }
        SimConnection connection = new SimConnection(context);
        return venue.connect(lastSessionId, context.resumeSequence(), context.vertx().getOrCreateContext(), connection)
                .map(session -> {
                    connection.session = session;
                    if (lastSessionId != 0 && session.sessionId() != lastSessionId) {
                        context.sessionChanged("venue session changed: from=" + lastSessionId + ", to="
                                + session.sessionId(), 1);
                    }
                    lastSessionId = session.sessionId();
                    return connection;
                });
    }

    /** The venue sends every generated message to every session. */
    @Override
    public boolean firehose() {
        return true;
    }

    @Override
    public FrameDecoder newDecoder(DecoderContext context) {
        return new SimDecoder(context);
    }

    private static final class SimConnection implements FeedConnection, SimSession.Receiver {

        private final ConnectionContext context;
        private SimSession session;

        SimConnection(ConnectionContext context) {
            this.context = context;
        }

        @Override
        public void messages(long firstSequence, List<Buffer> messages) {
            long sequence = firstSequence;
            int bytes = 0;
            for (Buffer message : messages) {
                context.frame(sequence++, message, 0, message.length());
                bytes += message.length();
            }
            context.bytesReceived(bytes);
            context.endOfRead();
        }

        @Override
        public void heartbeat() {
            context.bytesReceived(1);
        }

        @Override
        public void dropped(String reason) {
            context.connectionLost(reason);
        }

        @Override
        public void endOfSession() {
            context.endOfSession("venue ended the session");
        }

        @Override
        public Future<Void> subscribe(String instrument) {
            String symbol = instrument.substring(instrument.indexOf(':') + 1);
            return session.subscribe(symbol).recover(e -> Future.failedFuture(
                    new SubscriptionException(e.getMessage(), e instanceof IllegalArgumentException)));
        }

        @Override
        public Future<Void> unsubscribe(String instrument) {
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> replay(long from) {
            session.requestReplay(from);
            return Future.succeededFuture();
        }

        @Override
        public void pause() {
        }

        @Override
        public void resume() {
        }

        @Override
        public Future<Void> close() {
            session.close();
            return Future.succeededFuture();
        }

        @Override
        public void abort() {
            session.close();
        }
    }

    private static final class SimDecoder implements FrameDecoder, SimMessages.Listener {

        private final DecoderContext context;
        private final String venue;
        private final String source;
        private final java.util.Map<String, Quote> latestQuotes = new java.util.HashMap<>();
        private long sequence;
        private long receiveTimeNanos;

        SimDecoder(DecoderContext context) {
            this.context = context;
            this.venue = context.settings().venue();
            this.source = context.settings().source();
        }

        @Override
        public void snapshot(String instrument, tickbus.event.EventSink sink) {
            Quote latest = latestQuotes.get(instrument);
            if (latest != null) {
                sink.accept(latest);
            }
        }

        @Override
        public void reset() {
            latestQuotes.clear();
        }

        @Override
        public void decode(long sequence, long receiveTimeNanos, Buffer frames, int offset, int length) {
            this.sequence = sequence;
            this.receiveTimeNanos = receiveTimeNanos;
            SimMessages.decode(frames, offset, length, this);
        }

        @Override
        public void quote(String symbol, long exchangeTimeNanos, long bid, long bidSize, long ask, long askSize) {
            String instrument = venue + ":" + symbol;
            Quote quote = new Quote(instrument, venue, source, sequence, exchangeTimeNanos, receiveTimeNanos,
                    SimMessages.PRICE_SCALE, SimMessages.SIZE_SCALE, bid, bidSize, ask, askSize);
            latestQuotes.put(instrument, quote);
            if (context.wanted(instrument)) {
                context.sink().accept(quote);
            }
        }

        @Override
        public void trade(String symbol, long exchangeTimeNanos, long price, long size, boolean buyerAggressor,
                long tradeId) {
            String instrument = venue + ":" + symbol;
            if (context.wanted(instrument)) {
                context.sink().accept(new Trade(instrument, venue, source, sequence, exchangeTimeNanos,
                        receiveTimeNanos, SimMessages.PRICE_SCALE, SimMessages.SIZE_SCALE, price, size,
                        buyerAggressor ? Side.BUY : Side.SELL, Long.toString(tradeId), TradeType.REGULAR));
            }
        }
    }
}
