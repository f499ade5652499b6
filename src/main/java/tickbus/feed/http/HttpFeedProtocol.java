package tickbus.feed.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import tickbus.TickbusNode;
import tickbus.demand.DemandRegistry;
import tickbus.feed.ConnectionContext;
import tickbus.feed.DecoderContext;
import tickbus.feed.FeedConnection;
import tickbus.feed.FeedProtocol;
import tickbus.feed.FeedSettings;
import tickbus.feed.FrameDecoder;

/**
 * FIXML over long-polled HTTP ({@code "protocol": "http"}; see {@code docs/feeds/http.md}). Keeps what outlives a
 * connection: the server log's identity, the instruments followed, the failures of the document at one cursor,
 * and the quarantine log. The cursor itself is the engine's: positions of the server's log are the transport
 * sequence numbers, and the next poll asks from the last one the engine processed.
 */
public final class HttpFeedProtocol implements FeedProtocol {

    /** One poll in flight plus a snapshot request. */
    private static final int POOL_SIZE = 2;

    private final FeedSettings feedSettings;
    private final HttpFeedSettings settings;
    private final HttpPollCounters counters = new HttpPollCounters();
    private final QuarantineLog quarantine;
    private final Set<String> followed = new LinkedHashSet<>();
    private final AtomicBoolean snapshotsWanted = new AtomicBoolean();
    private volatile Context feedContext;
    private HttpFeedConnection current;
    private String serverLog;
    private long failingCursor = -1;
    private int documentAttempts;

    public HttpFeedProtocol(FeedSettings feedSettings, HttpFeedSettings settings) {
        this.feedSettings = feedSettings;
        this.settings = settings;
        HttpFeedSettings.Quarantine bounds = settings.quarantine();
        this.quarantine = new QuarantineLog(bounds.maxEntries(), bounds.maxBytes(), bounds.maxPrefixBytes());
    }

    @Override
    public Future<FeedConnection> connect(ConnectionContext context) {
        Vertx vertx = context.vertx();
        feedContext = vertx.getOrCreateContext();
        if (current != null) {
            current.abort();
        }
        HttpFeedSettings.Endpoint endpoint = settings.endpoint();
        HttpClientAgent client = vertx.httpClientBuilder()
                .with(new HttpClientOptions().setSsl(endpoint.ssl()).setKeepAlive(true).setTcpNoDelay(true)
                        .setConnectTimeout((int) settings.timeouts().connectTimeoutMillis()))
                .with(new PoolOptions().setHttp1MaxSize(POOL_SIZE))
                .withConnectHandler(connection -> {
                    counters.connectionOpened();
                    connection.closeHandler(v -> counters.connectionClosed());
                })
                .build();
        current = new HttpFeedConnection(this, context, new LongPollClient(vertx, context.clock(), client,
                settings, counters));
        return current.start();
    }

    /** Called on the parser worker: its decoder reaches the demand registry through the worker's Vert.x. */
    @Override
    public FrameDecoder newDecoder(DecoderContext context) {
        Context worker = Vertx.currentContext();
        if (worker == null) {
            throw new IllegalStateException("newDecoder must be called on a parser worker's context");
        }
        DemandRegistry demand = TickbusNode.of(worker.owner()).demand();
        return new HttpFixmlDecoder(context, settings, quarantine,
                () -> demanded(demand), this::snapshotsWantedByWorker);
    }

    /** A gap is a range the server no longer holds: nothing can replay it, snapshots repair the books. */
    @Override
    public GapPolicy gapPolicy() {
        return GapPolicy.ACCEPT_LOSS;
    }

    public HttpPollCounters counters() {
        return counters;
    }

    public QuarantineLog quarantine() {
        return quarantine;
    }

    HttpFeedSettings httpSettings() {
        return settings;
    }

    Set<String> followed() {
        return followed;
    }

    String serverLog() {
        return serverLog;
    }

    void serverLog(String log) {
        serverLog = log;
    }

    /** Whether {@code log} is the log known so far; the first one seen becomes known. */
    boolean sameServerLog(String log) {
        if (serverLog == null) {
            serverLog = log;
        }
        return serverLog.equals(log);
    }

    /** The response at {@code cursor} failed again; returns how many times in a row. */
    int documentFailed(long cursor) {
        if (cursor != failingCursor) {
            failingCursor = cursor;
            documentAttempts = 0;
        }
        return ++documentAttempts;
    }

    void documentSucceeded() {
        failingCursor = -1;
        documentAttempts = 0;
    }

    void connectionClosed(HttpFeedConnection connection) {
        if (current == connection) {
            current = null;
        }
    }

    void snapshotsWanted() {
        snapshotsWanted.set(true);
    }

    boolean takeSnapshotsWanted() {
        return snapshotsWanted.getAndSet(false);
    }

    private void snapshotsWantedByWorker() {
        Context context = feedContext;
        if (context == null) {
            snapshotsWanted.set(true);
            return;
        }
        context.runOnContext(v -> {
            if (current != null && current.isOpen()) {
                current.requestSnapshotsOfAll();
            } else {
                snapshotsWanted.set(true);
            }
        });
    }

    private Collection<String> demanded(DemandRegistry demand) {
        return demand.demanded().stream().filter(feedSettings.instruments()::serves).toList();
    }
}
