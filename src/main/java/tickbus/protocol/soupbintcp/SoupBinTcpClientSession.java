package tickbus.protocol.soupbintcp;

import io.vertx.core.buffer.Buffer;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The client side of SoupBinTCP 4.0 as pure state: the glue owns the socket and the timers, feeds received bytes
 * in, writes the packets this class returns, and asks it when a heartbeat is due or the server has gone silent.
 * It keeps the session id and the next expected sequence number across reconnects, so a re-login resumes where
 * delivery stopped, duplicates replayed by the server are dropped, and a changed session or a gap is reported.
 * Not thread-safe: use it from one thread (the connection's event loop).
 */
public final class SoupBinTcpClientSession implements SoupBinTcpFramer.PacketHandler {

    private final SoupBinTcpClientConfig config;
    private final InstantSource clock;
    private final SoupBinTcpClientListener listener;
    private final SoupBinTcpCounters counters = new SoupBinTcpCounters();
    private final SoupBinTcpFramer framer;
    private final byte[] clientHeartbeat = SoupBinTcp.emptyPacket(SoupBinTcp.PACKET_TYPE_CLIENT_HEARTBEAT);

    private SoupBinTcpClientState state = SoupBinTcpClientState.DISCONNECTED;
    private String lastReason = "not connected yet";
    private String session;
    private long nextExpectedSequenceNumber;
    private long nextIncomingSequenceNumber;
    private long lastSentMillis;
    private long lastReceivedMillis;

    public SoupBinTcpClientSession(SoupBinTcpClientConfig config, InstantSource clock,
            SoupBinTcpClientListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.framer = new SoupBinTcpFramer(config.maxPacketLength(), this, counters);
        this.nextExpectedSequenceNumber = config.firstSequenceNumber();
    }

    public SoupBinTcpClientState state() {
        return state;
    }

    /** Why the session entered its current state. */
    public String lastReason() {
        return lastReason;
    }

    /** The session id of the last accepted login, or null before the first. */
    public String session() {
        return session;
    }

    /** The sequence number of the next message to deliver (0: whatever the server sends next). */
    public long nextExpectedSequenceNumber() {
        return nextExpectedSequenceNumber;
    }

    public SoupBinTcpCounters counters() {
        return counters;
    }

    /** The connection is up: returns the Login Request packet to write first. */
    public byte[] connected() {
        if (state != SoupBinTcpClientState.DISCONNECTED && state != SoupBinTcpClientState.LOGIN_REJECTED) {
            throw new IllegalStateException("cannot connect: state=" + state + ", expected=DISCONNECTED or "
                    + "LOGIN_REJECTED");
        }
        framer.reset();
        String requestedSession = session != null ? session : config.requestedSession();
        byte[] packet = new SoupBinTcp.LoginRequest(config.username(), config.password(), requestedSession,
                nextExpectedSequenceNumber).encode();
        lastReceivedMillis = clock.millis();
        transition(SoupBinTcpClientState.LOGGING_IN, "connected: requestedSession='" + requestedSession
                + "', requestedSequenceNumber=" + nextExpectedSequenceNumber);
        sent();
        return packet;
    }

    /** Bytes arrived from the server. A {@link SoupBinTcpException} means: drop the connection. */
    public void receive(byte[] chunk, int offset, int length) {
        lastReceivedMillis = clock.millis();
        framer.accept(chunk, offset, length);
    }

    /** Bytes arrived from the server. A {@link SoupBinTcpException} means: drop the connection. */
    public void receive(Buffer chunk) {
        lastReceivedMillis = clock.millis();
        framer.accept(chunk);
    }

    /** Whether nothing was sent for {@link SoupBinTcpClientConfig#CLIENT_HEARTBEAT_INTERVAL_MILLIS}. */
    public boolean clientHeartbeatDue() {
        boolean loggingInOrIn = state == SoupBinTcpClientState.LOGGING_IN
                || state == SoupBinTcpClientState.LOGGED_IN;
        long idleMillis = clock.millis() - lastSentMillis;
        return loggingInOrIn && idleMillis >= SoupBinTcpClientConfig.CLIENT_HEARTBEAT_INTERVAL_MILLIS;
    }

    /** The Client Heartbeat packet to write now; counted as sent. */
    public byte[] clientHeartbeat() {
        counters.increment(SoupBinTcpCounter.CLIENT_HEARTBEATS_SENT);
        sent();
        return clientHeartbeat.clone();
    }

    /** Whether a connected server has sent nothing for longer than the configured timeout. */
    public boolean serverSilent() {
        return isConnected() && silentMillis() > config.serverTimeoutMillis();
    }

    /** Milliseconds since the server last sent anything (or since the connection, if it never did). */
    public long silentMillis() {
        return clock.millis() - lastReceivedMillis;
    }

    /** The reason to give {@link #disconnected(String)} when {@link #serverSilent()} holds. */
    public String serverSilentReason() {
        return "server silent: silentMillis=" + silentMillis() + ", timeoutMillis=" + config.serverTimeoutMillis();
    }

    /** The Logout Request packet to write; the server closes the connection in answer. */
    public byte[] logout() {
        if (state != SoupBinTcpClientState.LOGGED_IN) {
            throw new IllegalStateException("cannot log out: state=" + state + ", expected=LOGGED_IN");
        }
        transition(SoupBinTcpClientState.LOGGING_OUT, "logout requested");
        sent();
        return SoupBinTcp.emptyPacket(SoupBinTcp.PACKET_TYPE_LOGOUT_REQUEST);
    }

    /** The connection is gone (closed, reset, timed out or dropped after a protocol error). */
    public void disconnected(String reason) {
        framer.reset();
        if (isConnected()) {
            transition(SoupBinTcpClientState.DISCONNECTED, reason);
        }
    }

    @Override
    public void onPacket(byte packetType, byte[] buffer, int payloadOffset, int payloadLength) {
        switch (packetType) {
            case SoupBinTcp.PACKET_TYPE_SEQUENCED_DATA -> sequencedData(buffer, payloadOffset, payloadLength);
            case SoupBinTcp.PACKET_TYPE_SERVER_HEARTBEAT -> serverHeartbeat();
            case SoupBinTcp.PACKET_TYPE_LOGIN_ACCEPTED -> loginAccepted(
                    decode(() -> SoupBinTcp.LoginAccepted.decode(buffer, payloadOffset, payloadLength)));
            case SoupBinTcp.PACKET_TYPE_LOGIN_REJECTED -> loginRejected(
                    decode(() -> SoupBinTcp.LoginRejected.decode(buffer, payloadOffset, payloadLength)));
            case SoupBinTcp.PACKET_TYPE_END_OF_SESSION -> endOfSession();
            case SoupBinTcp.PACKET_TYPE_DEBUG -> counters.increment(SoupBinTcpCounter.DEBUG_PACKETS);
            default -> throw unexpected(packetType);
        }
    }

    private void sequencedData(byte[] buffer, int offset, int length) {
        if (state != SoupBinTcpClientState.LOGGED_IN && state != SoupBinTcpClientState.LOGGING_OUT) {
            throw unexpected(SoupBinTcp.PACKET_TYPE_SEQUENCED_DATA);
        }
        long sequenceNumber = nextIncomingSequenceNumber++;
        if (sequenceNumber < nextExpectedSequenceNumber) {
            counters.increment(SoupBinTcpCounter.DUPLICATE_MESSAGES);
            return;
        }
        nextExpectedSequenceNumber = sequenceNumber + 1;
        counters.increment(SoupBinTcpCounter.SEQUENCED_MESSAGES);
        listener.onSequencedMessage(sequenceNumber, buffer, offset, length);
    }

    private void serverHeartbeat() {
        if (!isConnected()) {
            throw unexpected(SoupBinTcp.PACKET_TYPE_SERVER_HEARTBEAT);
        }
        counters.increment(SoupBinTcpCounter.SERVER_HEARTBEATS);
    }

    private void loginAccepted(SoupBinTcp.LoginAccepted accepted) {
        if (state != SoupBinTcpClientState.LOGGING_IN) {
            throw unexpected(SoupBinTcp.PACKET_TYPE_LOGIN_ACCEPTED);
        }
        counters.increment(SoupBinTcpCounter.LOGINS_ACCEPTED);
        String previousSession = session;
        long first = accepted.sequenceNumber();
        session = accepted.session();
        nextIncomingSequenceNumber = first;
        if (previousSession != null && !previousSession.equals(session)) {
            counters.increment(SoupBinTcpCounter.SESSION_CHANGES);
            nextExpectedSequenceNumber = first;
            listener.onSessionChanged(previousSession, session, first);
        } else if (nextExpectedSequenceNumber == 0) {
            nextExpectedSequenceNumber = first;
        } else if (first > nextExpectedSequenceNumber) {
            long from = nextExpectedSequenceNumber;
            counters.add(SoupBinTcpCounter.GAP_MESSAGES, first - from);
            nextExpectedSequenceNumber = first;
            listener.onGap(from, first - 1);
        }
        transition(SoupBinTcpClientState.LOGGED_IN, "login accepted: session='" + session + "', sequenceNumber="
                + first);
    }

    private void loginRejected(SoupBinTcp.LoginRejected rejected) {
        if (state != SoupBinTcpClientState.LOGGING_IN) {
            throw unexpected(SoupBinTcp.PACKET_TYPE_LOGIN_REJECTED);
        }
        counters.increment(SoupBinTcpCounter.LOGINS_REJECTED);
        transition(SoupBinTcpClientState.LOGIN_REJECTED, "login rejected: " + rejected.reason());
    }

    private void endOfSession() {
        if (state != SoupBinTcpClientState.LOGGED_IN && state != SoupBinTcpClientState.LOGGING_OUT) {
            throw unexpected(SoupBinTcp.PACKET_TYPE_END_OF_SESSION);
        }
        transition(SoupBinTcpClientState.END_OF_SESSION, "end of session: session='" + session
                + "', nextSequenceNumber=" + nextIncomingSequenceNumber);
    }

    private <T> T decode(Supplier<T> decoder) {
        try {
            return decoder.get();
        } catch (SoupBinTcpException e) {
            throw counters.count(e);
        }
    }

    private SoupBinTcpException unexpected(byte packetType) {
        return counters.count(new SoupBinTcpException(SoupBinTcpException.Kind.UNEXPECTED_PACKET,
                "unexpected packet for a client: type=" + SoupBinTcp.describeByte(packetType) + ", state=" + state));
    }

    private boolean isConnected() {
        return state == SoupBinTcpClientState.LOGGING_IN || state == SoupBinTcpClientState.LOGGED_IN
                || state == SoupBinTcpClientState.LOGGING_OUT;
    }

    private void sent() {
        counters.increment(SoupBinTcpCounter.PACKETS_SENT);
        lastSentMillis = clock.millis();
    }

    private void transition(SoupBinTcpClientState next, String reason) {
        SoupBinTcpClientState previous = state;
        state = next;
        lastReason = reason;
        listener.onStateChanged(previous, next, reason);
    }
}
