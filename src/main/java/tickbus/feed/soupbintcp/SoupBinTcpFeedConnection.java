package tickbus.feed.soupbintcp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import tickbus.feed.ConnectionContext;
import tickbus.feed.FeedConnection;
import tickbus.protocol.soupbintcp.SoupBinTcp;
import tickbus.protocol.soupbintcp.SoupBinTcpClientConfig;
import tickbus.protocol.soupbintcp.SoupBinTcpClientListener;
import tickbus.protocol.soupbintcp.SoupBinTcpClientSession;
import tickbus.protocol.soupbintcp.SoupBinTcpClientState;
import tickbus.protocol.soupbintcp.SoupBinTcpException;

/**
 * One SoupBinTCP connection on the feed's event loop: the socket feeds the pure {@link SoupBinTcpClientSession},
 * whose Sequenced Data messages go to the engine as frames numbered with their SoupBinTCP sequence numbers.
 * Frames are handed over straight from the received bytes (or the session's reassembly buffer), without a copy.
 * The end of the connection (lost, or End of Session) is reported only once the engine has adopted the connection
 * (its first {@code tick} or {@code subscribe}): a server may send Login Accepted, the whole session and End of
 * Session in one read, before the engine has even seen the login complete. Only the first end is reported: the
 * close a server follows End of Session with must not turn it into a loss (and a reconnect).
 */
final class SoupBinTcpFeedConnection implements FeedConnection, SoupBinTcpClientListener {

    private final ConnectionContext context;
    private final SoupBinTcpFeedProtocol protocol;
    private final SoupBinTcpClientConfig config;
    private final SoupBinTcpClientSession session;
    private final Promise<FeedConnection> login = Promise.promise();
    private NetClient client;
    private NetSocket socket;
    private long loginTimer = -1;
    private boolean loggedIn;
    private boolean closing;
    private boolean released;
    private String lastError;
    private boolean adopted;
    /** Numbers Login Accepted skipped (the server starts later than asked), or 0..-1 for none. */
    private long skippedFrom;
    private long skippedTo = -1;
    private Runnable pendingEnd;
    private byte[] wrappedArray;
    private Buffer wrapper;

    SoupBinTcpFeedConnection(ConnectionContext context, SoupBinTcpFeedProtocol protocol,
            SoupBinTcpClientConfig config) {
        this.context = context;
        this.protocol = protocol;
        this.config = config;
        this.session = new SoupBinTcpClientSession(config, context.clock(), this);
    }

    /** Connect and log in; completes at Login Accepted, fails with the reason otherwise. */
    Future<FeedConnection> open() {
        SoupBinTcpFeedSettings settings = protocol.settings();
        client = context.vertx().createNetClient(new NetClientOptions().setTcpNoDelay(true)
                .setConnectTimeout((int) settings.loginTimeoutMillis())
                .setReceiveBufferSize(settings.receiveBufferBytes()));
        loginTimer = context.vertx().setTimer(settings.loginTimeoutMillis(), id -> {
            loginTimer = -1;
            failLogin("no answer to the login within loginTimeoutMillis=" + settings.loginTimeoutMillis());
        });
        client.connect(settings.port(), settings.host()).onComplete(connected -> {
            if (released) {
                if (connected.succeeded()) {
                    connected.result().close();
                }
            } else if (connected.failed()) {
                failLogin("cannot connect: host=" + settings.host() + ", port=" + settings.port() + ", error="
                        + connected.cause().getMessage());
            } else {
                attach(connected.result());
            }
        });
        return login.future();
    }

    private void attach(NetSocket connected) {
        socket = connected;
        socket.handler(this::received);
        socket.exceptionHandler(e -> lastError = e.getMessage());
        socket.closeHandler(v -> lost("connection closed by the server"
                + (lastError == null ? "" : ": " + lastError)));
        socket.write(Buffer.buffer(session.connected()));
    }

    private void received(Buffer data) {
        if (released || closing) {
            return;
        }
        context.bytesReceived(data.length());
        try {
            ByteBuf bytes = ((BufferInternal) data).getByteBuf();
            if (bytes.hasArray()) {
                session.receive(bytes.array(), bytes.arrayOffset() + bytes.readerIndex(), bytes.readableBytes());
            } else {
                session.receive(data);
            }
        } catch (SoupBinTcpException e) {
            lost("protocol error: " + e.getMessage(), e.kind());
            return;
        }
        if (loggedIn && !released) {
            context.endOfRead();
        }
    }

    @Override
    public void onSequencedMessage(long sequenceNumber, byte[] buffer, int offset, int length) {
        context.frame(sequenceNumber, wrap(buffer), offset, length);
    }

    @Override
    public void onStateChanged(SoupBinTcpClientState previous, SoupBinTcpClientState current, String reason) {
        switch (current) {
            case LOGGED_IN -> loginAccepted();
            case LOGIN_REJECTED -> {
                protocol.rejected(rejectCode(reason), config.requestedSession());
                failLogin(reason);
            }
            case END_OF_SESSION -> {
                if (loggedIn && !released) {
                    whenAdopted(() -> context.endOfSession(reason));
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void onSessionChanged(String previousSession, String currentSession, long firstSequenceNumber) {
        // Each connection has a fresh session object; a change across connections is detected in loginAccepted().
    }

    @Override
    public void onGap(long fromSequenceNumber, long toSequenceNumber) {
        skippedFrom = fromSequenceNumber;
        skippedTo = toSequenceNumber;
    }

    private void loginAccepted() {
        cancelLoginTimer();
        loggedIn = true;
        boolean firstLogin = protocol.lastSession() == null;
        String replaced = protocol.loggedIn(session.session());
        if (replaced != null) {
            // Numbering restarts: whatever the server sends first, the new session's books need it from 1.
            context.sessionChanged("session changed: from='" + replaced + "', to='" + session.session() + "'", 1);
        }
        if (skippedTo >= skippedFrom && (firstLogin || replaced != null)) {
            // Asked for the session's start, the server begins later: it no longer holds them, and asking again
            // would land at the same place. On a resume the engine sees the skip and reconnects from it instead.
            context.sequencesLost(skippedFrom, skippedTo);
        }
        login.tryComplete(this);
    }

    private void failLogin(String reason) {
        if (login.future().isComplete()) {
            return;
        }
        release(reason);
        login.tryFail(reason);
    }

    private void lost(String reason) {
        lost(reason, "peer");
    }

    /** {@code kind} counts the disconnect in the feed's metrics ({@code peer}, or a protocol error's kind). */
    private void lost(String reason, String kind) {
        if (released || closing) {
            return;
        }
        if (!loggedIn) {
            failLogin(reason);
            return;
        }
        release(reason);
        whenAdopted(() -> context.connectionLost(reason, kind));
    }

    /** Report the connection's end now or at adoption; the first end is the one reported (Z, then the close). */
    private void whenAdopted(Runnable report) {
        if (adopted) {
            report.run();
        } else if (pendingEnd == null) {
            pendingEnd = report;
        }
    }

    /**
     * The engine uses this connection now: report an end that came before, on the next turn of the event loop, so
     * the engine is not told in the middle of the call that brought it here (a watchdog tick, a subscription restore).
     */
    private void adopted() {
        if (adopted) {
            return;
        }
        adopted = true;
        Runnable report = pendingEnd;
        pendingEnd = null;
        if (report != null) {
            context.vertx().getOrCreateContext().runOnContext(v -> report.run());
        }
    }

    /** Stop talking to the engine, count the session, and close the socket. */
    private void release(String reason) {
        if (released) {
            return;
        }
        released = true;
        cancelLoginTimer();
        session.disconnected(reason);
        protocol.totals().add(session.counters());
        client.close();
    }

    @Override
    public Future<Void> subscribe(String instrument) {
        adopted();
        protocol.demandChanged();
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> unsubscribe(String instrument) {
        protocol.demandChanged();
        return Future.succeededFuture();
    }

    @Override
    public void tick(long nowMillis) {
        adopted();
        if (loggedIn && !released && session.clientHeartbeatDue()) {
            socket.write(Buffer.buffer(session.clientHeartbeat()));
        }
    }

    @Override
    public void pause() {
        if (socket != null) {
            socket.pause();
        }
    }

    @Override
    public void resume() {
        if (socket != null) {
            socket.resume();
        }
    }

    @Override
    public Future<Void> close() {
        if (released || closing) {
            return Future.succeededFuture();
        }
        closing = true;
        Future<Void> logout = session.state() == SoupBinTcpClientState.LOGGED_IN
                ? socket.write(Buffer.buffer(session.logout())) : Future.succeededFuture();
        return logout.transform(written -> {
            release("logged out");
            return Future.<Void>succeededFuture();
        });
    }

    @Override
    public void abort() {
        release("aborted");
    }

    private void cancelLoginTimer() {
        if (loginTimer >= 0) {
            context.vertx().cancelTimer(loginTimer);
            loginTimer = -1;
        }
    }

    private Buffer wrap(byte[] array) {
        if (array != wrappedArray) {
            wrappedArray = array;
            wrapper = BufferInternal.buffer(Unpooled.wrappedBuffer(array));
        }
        return wrapper;
    }

    /** The reject code in a Login Rejected transition reason, which ends with the packet's reason text. */
    private static byte rejectCode(String reason) {
        byte sessionNotAvailable = SoupBinTcp.REJECT_REASON_SESSION_NOT_AVAILABLE;
        return reason.endsWith(new SoupBinTcp.LoginRejected(sessionNotAvailable).reason()) ? sessionNotAvailable
                : SoupBinTcp.REJECT_REASON_NOT_AUTHORIZED;
    }
}
