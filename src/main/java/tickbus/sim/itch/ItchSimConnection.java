package tickbus.sim.itch;

import io.netty.channel.ChannelOption;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;
import tickbus.protocol.soupbintcp.SoupBinTcp;
import tickbus.protocol.soupbintcp.SoupBinTcpCounters;
import tickbus.protocol.soupbintcp.SoupBinTcpException;
import tickbus.protocol.soupbintcp.SoupBinTcpFramer;

/**
 * One client of the simulator, on its event loop: waits for the Login Request, then streams the session's packets
 * from the requested sequence number as fast as the socket takes them, with Server Heartbeats when idle, and
 * commits the faults that fall on its stream.
 */
final class ItchSimConnection implements SoupBinTcpFramer.PacketHandler {

    /** Where a connection is in its life. */
    enum State {
        /** Connected; no Login Request yet. */
        AWAITING_LOGIN,
        /** Logged in: Sequenced Data flows. */
        STREAMING,
        /** End of Session sent. */
        ENDED,
        /** The socket is closed. */
        CLOSED
    }

    private static final int MAX_WRITE_BYTES = 64 * 1024;
    private static final int WRITE_QUEUE_MAX_BYTES = 1 << 20;
    private static final int MAX_CLIENT_PACKET_LENGTH = 1 + SoupBinTcp.LoginRequest.PAYLOAD_LENGTH + 1_024;

    private final ItchSimServer server;
    private final NetSocket socket;
    private final SoupBinTcpFramer framer;
    private State state = State.AWAITING_LOGIN;
    private long cursor;
    private boolean silent;
    private long lastSentNanos;
    private long lastReceivedNanos;

    ItchSimConnection(ItchSimServer server, NetSocket socket) {
        this.server = server;
        this.socket = socket;
        this.framer = new SoupBinTcpFramer(MAX_CLIENT_PACKET_LENGTH, this, new SoupBinTcpCounters());
        long now = System.nanoTime();
        lastSentNanos = now;
        lastReceivedNanos = now;
        socket.setWriteQueueMaxSize(WRITE_QUEUE_MAX_BYTES);
        socket.handler(this::received);
        socket.drainHandler(v -> pump());
        socket.closeHandler(v -> {
            state = State.CLOSED;
            server.closed(this);
        });
    }

    State state() {
        return state;
    }

    /** Send nothing more, not even heartbeats; keep reading. */
    void silence() {
        silent = true;
    }

    private void received(Buffer data) {
        lastReceivedNanos = System.nanoTime();
        try {
            framer.accept(data);
        } catch (SoupBinTcpException e) {
            close();
        }
    }

    @Override
    public void onPacket(byte packetType, byte[] buffer, int payloadOffset, int payloadLength) {
        switch (packetType) {
            case SoupBinTcp.PACKET_TYPE_LOGIN_REQUEST -> {
                if (state != State.AWAITING_LOGIN) {
                    close();
                    return;
                }
                server.login(this, SoupBinTcp.LoginRequest.decode(buffer, payloadOffset, payloadLength));
            }
            case SoupBinTcp.PACKET_TYPE_CLIENT_HEARTBEAT -> server.clientHeartbeat();
            case SoupBinTcp.PACKET_TYPE_LOGOUT_REQUEST -> close();
            case SoupBinTcp.PACKET_TYPE_UNSEQUENCED_DATA, SoupBinTcp.PACKET_TYPE_DEBUG -> {
            }
            default -> close();
        }
    }

    void rejected(byte reasonCode) {
        send(Buffer.buffer(new SoupBinTcp.LoginRejected(reasonCode).encode()));
        close();
    }

    void accepted(String session, long sequence, long streamOffset) {
        send(Buffer.buffer(new SoupBinTcp.LoginAccepted(session, sequence).encode()));
        state = State.STREAMING;
        cursor = streamOffset;
        pump();
    }

    /** Write what the log holds beyond the cursor, up to the socket's write queue limit or the next fault. */
    void pump() {
        if (state != State.STREAMING || silent) {
            return;
        }
        SequencedLog log = server.log();
        while (cursor < log.endOffset() && !socket.writeQueueFull()) {
            long reset = server.faults().nextResetOffset(cursor);
            long to = Math.min(log.endOffset(), cursor + MAX_WRITE_BYTES);
            if (reset >= 0) {
                to = Math.min(to, reset);
            }
            if (to > cursor) {
                Buffer slice = log.slice(cursor, to);
                if (slice == null) {
                    close();
                    return;
                }
                send(slice);
                cursor += slice.length();
            }
            if (cursor == reset) {
                server.faults().resetCommitted(reset);
                reset();
                return;
            }
        }
        if (cursor == log.endOffset() && server.sessionEnded()) {
            send(Buffer.buffer(SoupBinTcp.emptyPacket(SoupBinTcp.PACKET_TYPE_END_OF_SESSION)));
            state = State.ENDED;
        }
    }

    /** Heartbeat when idle; drop a client that stopped talking or never logged in. */
    void check(long nowNanos, long heartbeatNanos, long clientTimeoutNanos) {
        if (state == State.CLOSED) {
            return;
        }
        if (nowNanos - lastReceivedNanos > clientTimeoutNanos) {
            close();
        } else if (state == State.STREAMING && !silent && nowNanos - lastSentNanos >= heartbeatNanos) {
            send(Buffer.buffer(SoupBinTcp.emptyPacket(SoupBinTcp.PACKET_TYPE_SERVER_HEARTBEAT)));
        }
    }

    void close() {
        if (state != State.CLOSED) {
            state = State.CLOSED;
            socket.close();
        }
    }

    /** Abort with a TCP reset: unsent bytes are discarded and the client sees ECONNRESET. */
    private void reset() {
        server.resetCommitted();
        state = State.CLOSED;
        ((NetSocketInternal) socket).channelHandlerContext().channel().config().setOption(ChannelOption.SO_LINGER, 0);
        socket.close();
    }

    private void send(Buffer bytes) {
        socket.write(bytes);
        lastSentNanos = System.nanoTime();
    }
}
