package tickbus.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.InstantSource;
import tickbus.protocol.soupbintcp.SoupBinTcpClientConfig;
import tickbus.protocol.soupbintcp.SoupBinTcpClientListener;
import tickbus.protocol.soupbintcp.SoupBinTcpClientSession;
import tickbus.protocol.soupbintcp.SoupBinTcpClientState;

/**
 * Records one SoupBinTCP session to a BinaryFILE with the pure client session over a plain blocking socket: logs
 * in, writes every Sequenced Data message in order, sends client heartbeats, and stops at End of Session, at a
 * message or time limit, when the server goes silent or closes, or when asked to (then it logs out).
 */
public final class SessionRecorder implements SoupBinTcpClientListener {

    private static final int READ_TIMEOUT_MILLIS = 100;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    /** How a recording went. */
    public record Result(String session, long firstSequence, long lastSequence, long messages, String end,
            boolean rejected) {
    }

    private final String host;
    private final int port;
    private final SoupBinTcpClientConfig config;
    private final BinaryFileOutput out;
    private final long maxMessages;
    private final long maxMillis;
    private volatile boolean stopRequested;
    private long firstSequence;
    private long lastSequence;

    /** {@code maxMessages} and {@code maxMillis}: 0 for no limit. */
    public SessionRecorder(String host, int port, SoupBinTcpClientConfig config, BinaryFileOutput out,
            long maxMessages, long maxMillis) {
        this.host = host;
        this.port = port;
        this.config = config;
        this.out = out;
        this.maxMessages = maxMessages;
        this.maxMillis = maxMillis;
    }

    /** Ask a running recording to log out and stop (from another thread, e.g. a shutdown hook). */
    public void stop() {
        stopRequested = true;
    }

    public Result run() throws IOException {
        SoupBinTcpClientSession session = new SoupBinTcpClientSession(config, InstantSource.system(), this);
        long deadline = maxMillis == 0 ? Long.MAX_VALUE : System.currentTimeMillis() + maxMillis;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream output = socket.getOutputStream();
            InputStream input = socket.getInputStream();
            output.write(session.connected());
            byte[] buffer = new byte[64 * 1024];
            String end = record(session, input, output, buffer, deadline);
            return new Result(session.session(), firstSequence, lastSequence, out.messages(), end,
                    session.state() == SoupBinTcpClientState.LOGIN_REJECTED);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private String record(SoupBinTcpClientSession session, InputStream input, OutputStream output, byte[] buffer,
            long deadline) throws IOException {
        while (true) {
            SoupBinTcpClientState state = session.state();
            if (state == SoupBinTcpClientState.END_OF_SESSION || state == SoupBinTcpClientState.LOGIN_REJECTED) {
                return session.lastReason();
            }
            boolean loggedIn = state == SoupBinTcpClientState.LOGGED_IN;
            String limit = stopRequested ? "stopped" : maxMessages > 0 && out.messages() >= maxMessages
                    ? "message limit reached: messages=" + out.messages()
                    : System.currentTimeMillis() >= deadline ? "time limit reached: maxMillis=" + maxMillis : null;
            if (limit != null) {
                if (loggedIn) {
                    output.write(session.logout());
                }
                return limit;
            }
            if (session.serverSilent()) {
                return session.serverSilentReason();
            }
            if (session.clientHeartbeatDue()) {
                output.write(session.clientHeartbeat());
            }
            int read;
            try {
                read = input.read(buffer);
            } catch (SocketTimeoutException e) {
                continue;
            }
            if (read < 0) {
                return "the server closed the connection";
            }
            session.receive(buffer, 0, read);
        }
    }

    @Override
    public void onSequencedMessage(long sequenceNumber, byte[] buffer, int offset, int length) {
        if (maxMessages > 0 && out.messages() >= maxMessages) {
            return;
        }
        try {
            out.write(buffer, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        firstSequence = firstSequence == 0 ? sequenceNumber : firstSequence;
        lastSequence = sequenceNumber;
    }

    @Override
    public void onStateChanged(SoupBinTcpClientState previous, SoupBinTcpClientState current, String reason) {
    }

    @Override
    public void onSessionChanged(String previousSession, String currentSession, long firstSequenceNumber) {
    }

    @Override
    public void onGap(long fromSequenceNumber, long toSequenceNumber) {
    }
}
