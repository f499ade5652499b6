package tickbus.monitor;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A minimal blocking WebSocket client for the bridge's raw endpoint ({@code /eventbus/websocket}: one JSON
 * frame per WebSocket text message). It can stop reading altogether (a frozen tab) and can drop the TCP
 * connection without a close frame (an abrupt close).
 */
final class RawBridgeSocket implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    final int status;

    private RawBridgeSocket(Socket socket, int status) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.status = status;
    }

    /** Opens the connection; {@code origin} may be null (a non-browser client). Check {@link #status}: 101. */
    static RawBridgeSocket open(int port, String origin) throws IOException {
        return open(port, origin, 0);
    }

    /** As {@link #open(int, String)} with a small receive buffer (0: the default), so a reader that stops is felt. */
    static RawBridgeSocket open(int port, String origin, int receiveBufferBytes) throws IOException {
        Socket socket = new Socket();
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String request = "GET /eventbus/websocket HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + (origin == null ? "" : "Origin: " + origin + "\r\n") + "\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        String head = readHead(new DataInputStream(socket.getInputStream()));
        int status = Integer.parseInt(head.substring(9, 12));
        return new RawBridgeSocket(socket, status);
    }

    private static String readHead(DataInputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed during the handshake: head=" + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    void send(JsonObject frame) throws IOException {
        byte[] payload = frame.encode().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.write(0x81);
        if (payload.length < 126) {
            message.write(0x80 | payload.length);
        } else {
            message.write(0x80 | 126);
            message.write(payload.length >>> 8);
            message.write(payload.length & 0xff);
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        message.write(mask);
        for (int i = 0; i < payload.length; i++) {
            message.write(payload[i] ^ mask[i % 4]);
        }
        out.write(message.toByteArray());
        out.flush();
    }

    /** The next text frame as JSON, or null when none arrives within {@code timeoutMillis}. */
    JsonObject receive(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        try {
            while (true) {
                int first = in.readUnsignedByte();
                int second = in.readUnsignedByte();
                long length = second & 0x7f;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                int opcode = first & 0x0f;
                if (opcode == 0x1 || opcode == 0x2) {
                    return new JsonObject(new String(payload, StandardCharsets.UTF_8));
                }
                if (opcode == 0x8) {
                    return null;
                }
            }
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    /** The next frame with {@code "type":"err"} or whose address is {@code address}, skipping others. */
    JsonObject receive(String address, int timeoutMillis) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            JsonObject frame = receive((int) Math.max(1, deadline - System.currentTimeMillis()));
            if (frame == null || address.equals(frame.getString("address")) || "err".equals(frame.getString("type"))) {
                return frame;
            }
        }
        return null;
    }

    /** Drops the TCP connection with a reset: no close frame, no FIN handshake. */
    void abort() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    static JsonObject register(String address) {
        return new JsonObject().put("type", "register").put("address", address);
    }

    static JsonObject send(String address, Object body, String replyAddress) {
        JsonObject frame = new JsonObject().put("type", "send").put("address", address).put("body", body);
        return replyAddress == null ? frame : frame.put("replyAddress", replyAddress);
    }
}
