package tickbus.feed.soupbintcp;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import tickbus.feed.ConnectionContext;
import tickbus.feed.DecoderContext;
import tickbus.feed.FeedConnection;
import tickbus.feed.FeedProtocol;
import tickbus.feed.FrameDecoder;
import tickbus.protocol.soupbintcp.SoupBinTcp;

/**
 * NASDAQ TotalView-ITCH 5.0 over SoupBinTCP 4.0. Each login asks for the session last logged into and the
 * engine's next sequence number, so delivery resumes exactly where processing stopped; SoupBinTCP cannot resend
 * on request, so a gap is healed by reconnecting from its first number (the engine's default). A login landing in
 * another session than before resets the books; when the remembered session is no longer available, the next
 * login asks for the server's current session from its first message. ITCH is a firehose: subscribing costs
 * nothing upstream, it only makes the decoders publish an instrument's events.
 */
public final class SoupBinTcpFeedProtocol implements FeedProtocol {

    private final SoupBinTcpFeedSettings settings;
    private final AtomicLong demandGeneration = new AtomicLong();
    private final LongAdder decodedMessages = new LongAdder();
    private final SessionTotals totals = new SessionTotals();
    private String lastSession;
    private boolean sessionUnavailable;

    public SoupBinTcpFeedProtocol(SoupBinTcpFeedSettings settings) {
        this.settings = settings;
    }

    public SoupBinTcpFeedSettings settings() {
        return settings;
    }

    @Override
    public Future<FeedConnection> connect(ConnectionContext context) {
        String requestedSession = sessionUnavailable ? "" : lastSession != null ? lastSession : settings.session();
        long resume = context.resumeSequence();
        long requestedSequence = sessionUnavailable ? 1 : resume > 0 ? resume : settings.firstSequenceNumber();
        SoupBinTcpFeedConnection connection = new SoupBinTcpFeedConnection(context, this,
                settings.clientConfig(requestedSession, requestedSequence, context.settings().heartbeatTimeoutMillis()));
        return connection.open();
    }

    /** ITCH sends every message of the session whatever is subscribed. */
    @Override
    public boolean firehose() {
        return true;
    }

    /** The first login asks for {@code firstSequenceNumber}: the engine validates the stream from it. */
    @Override
    public long firstSequence() {
        return settings.firstSequenceNumber();
    }

    @Override
    public FrameDecoder newDecoder(DecoderContext context) {
        return new Itch50FrameDecoder(context, settings.tradingDate(), demandGeneration, decodedMessages,
                settings.expectedOrders());
    }

    /**
     * The stock locate decides the shard, so an instrument's messages stay in order on one worker; market-wide
     * messages (locate 0: System Event, MWCB) go to every worker, whose instruments they all concern.
     */
    @Override
    public int shardOf(Buffer frames, int offset, int length, int shards) {
        if (length < 3) {
            return 0;
        }
        int locate = frames.getUnsignedShort(offset + 1);
        return locate == 0 ? ALL_SHARDS : locate % shards;
    }

    /** ITCH messages the decoders have handled, over all workers and connections. */
    public long decodedMessages() {
        return decodedMessages.sum();
    }

    /** The SoupBinTCP counters of every connection so far, added up (read on the feed's event loop). */
    public SessionTotals totals() {
        return totals;
    }

    /** The session the last accepted login landed in, or null before the first. */
    public String lastSession() {
        return lastSession;
    }

    /** A login was accepted; returns the session it replaced when that differs, else null. */
    String loggedIn(String session) {
        sessionUnavailable = false;
        String previous = lastSession;
        lastSession = session;
        return previous != null && !previous.equals(session) ? previous : null;
    }

    /** A login was rejected: if it asked for the remembered session and that is gone, ask for the current one. */
    void rejected(byte reasonCode, String requestedSession) {
        if (reasonCode == SoupBinTcp.REJECT_REASON_SESSION_NOT_AVAILABLE && lastSession != null
                && lastSession.equals(requestedSession)) {
            sessionUnavailable = true;
        }
    }

    /** Demand changed: the decoders ask again which instruments to publish. */
    void demandChanged() {
        demandGeneration.incrementAndGet();
    }
}
