package tickbus.protocol.soupbintcp;

import io.vertx.core.buffer.Buffer;

/**
 * Cuts a SoupBinTCP byte stream, arriving in chunks of any size, into whole packets. Complete packets inside a
 * chunk are handed over in place (no copy); only a packet split across chunks is assembled in an internal
 * buffer. After any exception (a {@link SoupBinTcpException} is counted first) the stream is lost: the framer
 * forgets what it held, and the connection must be dropped.
 */
public final class SoupBinTcpFramer {

    /** Receives whole packets; the payload is valid only during the call. */
    @FunctionalInterface
    public interface PacketHandler {

        /** Receive one packet of a defined type. */
        void onPacket(byte packetType, byte[] buffer, int payloadOffset, int payloadLength);
    }

    private static final int COPY_CHUNK_BYTES = 16 * 1024;

    private final int maxPacketLength;
    private final PacketHandler handler;
    private final SoupBinTcpCounters counters;
    private final byte[] pending;
    private int pendingLength;
    private byte[] copyBuffer;

    /**
     * @param maxPacketLength the largest acceptable value of the length field, 1..65535; longer packets are
     *     errors
     */
    public SoupBinTcpFramer(int maxPacketLength, PacketHandler handler, SoupBinTcpCounters counters) {
        if (maxPacketLength < 1 || maxPacketLength > SoupBinTcp.MAX_PACKET_LENGTH) {
            throw new IllegalArgumentException("maxPacketLength out of range: maxPacketLength=" + maxPacketLength
                    + ", min=1, max=" + SoupBinTcp.MAX_PACKET_LENGTH);
        }
        this.maxPacketLength = maxPacketLength;
        this.handler = handler;
        this.counters = counters;
        this.pending = new byte[SoupBinTcp.LENGTH_FIELD_LENGTH + maxPacketLength];
    }

    /** Feed the next chunk of the stream. */
    public void accept(byte[] chunk, int offset, int length) {
        if (offset < 0 || length < 0 || offset > chunk.length - length) {
            throw new IllegalArgumentException("chunk range out of bounds: offset=" + offset + ", length=" + length
                    + ", capacity=" + chunk.length);
        }
        counters.add(SoupBinTcpCounter.BYTES_RECEIVED, length);
        int position = offset;
        int end = offset + length;
        try {
            if (pendingLength > 0) {
                position = completePending(chunk, position, end);
            }
            position = deliverWhole(chunk, position, end);
            System.arraycopy(chunk, position, pending, pendingLength, end - position);
            pendingLength += end - position;
        } catch (RuntimeException e) {
            reset();
            throw e;
        }
    }

    /** Feed the next chunk of the stream from a Vert.x buffer (copied in slices into a reused array). */
    public void accept(Buffer chunk) {
        if (copyBuffer == null) {
            copyBuffer = new byte[COPY_CHUNK_BYTES];
        }
        int length = chunk.length();
        for (int start = 0; start < length; start += COPY_CHUNK_BYTES) {
            int end = Math.min(length, start + COPY_CHUNK_BYTES);
            chunk.getBytes(start, end, copyBuffer, 0);
            accept(copyBuffer, 0, end - start);
        }
    }

    /** Forget any partial packet, e.g. after a reconnect. */
    public void reset() {
        pendingLength = 0;
    }

    /** Bytes of an incomplete packet held back until the rest arrives. */
    public int pendingBytes() {
        return pendingLength;
    }

    public int maxPacketLength() {
        return maxPacketLength;
    }

    private int completePending(byte[] chunk, int position, int end) {
        int lengthFieldMissing = SoupBinTcp.LENGTH_FIELD_LENGTH - pendingLength;
        if (lengthFieldMissing > 0) {
            int copied = Math.min(lengthFieldMissing, end - position);
            System.arraycopy(chunk, position, pending, pendingLength, copied);
            pendingLength += copied;
            position += copied;
            if (pendingLength < SoupBinTcp.LENGTH_FIELD_LENGTH) {
                return position;
            }
        }
        int total = SoupBinTcp.LENGTH_FIELD_LENGTH + checkedPacketLength(pending, 0);
        int copied = Math.min(total - pendingLength, end - position);
        System.arraycopy(chunk, position, pending, pendingLength, copied);
        pendingLength += copied;
        position += copied;
        if (pendingLength == total) {
            pendingLength = 0;
            deliver(pending, 0, total - SoupBinTcp.LENGTH_FIELD_LENGTH);
        }
        return position;
    }

    /** Deliver every whole packet from {@code position}; returns where the unfinished tail starts. */
    private int deliverWhole(byte[] chunk, int position, int end) {
        if (pendingLength > 0) {
            return position;
        }
        while (end - position >= SoupBinTcp.LENGTH_FIELD_LENGTH) {
            int packetLength = checkedPacketLength(chunk, position);
            if (end - position - SoupBinTcp.LENGTH_FIELD_LENGTH < packetLength) {
                break;
            }
            deliver(chunk, position, packetLength);
            position += SoupBinTcp.LENGTH_FIELD_LENGTH + packetLength;
        }
        return position;
    }

    private void deliver(byte[] buffer, int packetStart, int packetLength) {
        byte packetType = buffer[packetStart + SoupBinTcp.LENGTH_FIELD_LENGTH];
        if (!SoupBinTcp.isPacketType(packetType)) {
            throw counters.count(new SoupBinTcpException(SoupBinTcpException.Kind.UNKNOWN_PACKET_TYPE,
                    "unknown packet type: type=" + SoupBinTcp.describeByte(packetType) + ", length=" + packetLength));
        }
        counters.increment(SoupBinTcpCounter.PACKETS_RECEIVED);
        handler.onPacket(packetType, buffer, packetStart + SoupBinTcp.HEADER_LENGTH, packetLength - 1);
    }

    private int checkedPacketLength(byte[] buffer, int offset) {
        int packetLength = ((buffer[offset] & 0xFF) << 8) | (buffer[offset + 1] & 0xFF);
        if (packetLength == 0) {
            throw counters.count(new SoupBinTcpException(SoupBinTcpException.Kind.ZERO_LENGTH,
                    "packet length is zero: length=0, min=1"));
        }
        if (packetLength > maxPacketLength) {
            throw counters.count(new SoupBinTcpException(SoupBinTcpException.Kind.LENGTH_EXCEEDS_MAX,
                    "packet length exceeds max: length=" + packetLength + ", max=" + maxPacketLength));
        }
        return packetLength;
    }
}
