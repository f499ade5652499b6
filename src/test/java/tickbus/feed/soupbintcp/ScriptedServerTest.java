package tickbus.feed.soupbintcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tickbus.event.FeedState;
import tickbus.feed.FeedProtocol;
import tickbus.feed.FeedSettings;
import tickbus.feed.FeedVerticle;
import tickbus.feed.GapRecord;
import tickbus.protocol.soupbintcp.SoupBinTcp;
import tickbus.protocol.soupbintcp.SoupBinTcpCounter;
import tickbus.testing.Await;
import tickbus.testing.FeedHarness;
import tickbus.testing.SoupBinTcpServerPackets;
import tickbus.testing.StallingProtocol;

/** Scripted SoupBinTCP servers on loopback, each answering a login in one write, against the real soupbintcp feed. */
class ScriptedServerTest {

    private final FeedHarness harness = new FeedHarness();
    private final List<SoupBinTcp.LoginRequest> logins = new CopyOnWriteArrayList<>();
    private final AtomicInteger clientHeartbeats = new AtomicInteger();
    private SoupBinTcpFeedProtocol protocol;

    @AfterEach
    void stop() {
        harness.close();
    }

    /** A server calling {@code script(loginNumber, socket)} on each Login Request (whole packet in one read). */
    private int server(BiConsumer<Integer, NetSocket> script) {
        NetServer server = harness.vertx.createNetServer().connectHandler(socket -> socket.handler(data -> {
            if (data.length() >= 3 && data.getByte(2) == SoupBinTcp.PACKET_TYPE_CLIENT_HEARTBEAT) {
                clientHeartbeats.incrementAndGet();
            }
            if (data.length() >= 3 && data.getByte(2) == SoupBinTcp.PACKET_TYPE_LOGIN_REQUEST) {
                byte[] bytes = data.getBytes();
                logins.add(SoupBinTcp.LoginRequest.decode(bytes, 3, bytes.length - 3));
                script.accept(logins.size(), socket);
            }
        }));
        return Await.result(server.listen(0, "127.0.0.1")).actualPort();
    }

    private FeedVerticle deploy(int port, JsonObject feedOverrides) {
        return deploy(port, feedOverrides, soupBinTcp -> soupBinTcp);
    }

    private FeedVerticle deploy(int port, JsonObject feedOverrides, UnaryOperator<FeedProtocol> wrap) {
        JsonObject protocolSettings = new JsonObject().put("port", port).put("expectedOrders", 16_384);
        FeedSettings settings = harness.settings(new JsonObject().put("venue", "XNAS").put("protocol", "soupbintcp")
                .put("heartbeatTimeoutMillis", 5_000).put("silenceThresholdMillis", 60_000)
                .put("settings", protocolSettings).mergeIn(feedOverrides, true));
        protocol = (SoupBinTcpFeedProtocol) new SoupBinTcpFeedProtocolProvider().create(settings, "config.settings");
        return harness.deploy(settings, wrap.apply(protocol));
    }

    private static Buffer concat(byte[]... parts) {
        Buffer buffer = Buffer.buffer();
        for (byte[] part : parts) {
            buffer.appendBytes(part);
        }
        return buffer;
    }

    @Test
    void aServerResumingLaterThanAskedInTheLoginReadIsReconnectedFromTheFirstMissingNumber() {
        int port = server((login, socket) -> {
            if (login == 1) {
                socket.write(concat(SoupBinTcpServerPackets.loginAccepted("S1", 1),
                        SoupBinTcpServerPackets.sequenced("a", "b", "c"))).onComplete(v -> socket.close());
            } else if (login == 2) {
                socket.write(concat(SoupBinTcpServerPackets.loginAccepted("S1", 6),
                        SoupBinTcpServerPackets.sequenced("f", "g")));
            } else {
                socket.write(concat(SoupBinTcpServerPackets.loginAccepted("S1", 4),
                        SoupBinTcpServerPackets.sequenced("d", "e", "f", "g")));
            }
        });
        FeedVerticle feed = deploy(port, new JsonObject());
        Await.until("frames 1..7 processed", Duration.ofSeconds(10), () -> feed.metrics().frames() >= 9,
                () -> logins + "; " + harness.describeStates());
        harness.awaitState(FeedState.LIVE);
        assertEquals(List.of(1L, 4L, 4L), logins.stream().map(SoupBinTcp.LoginRequest::requestedSequenceNumber)
                .toList());
        assertEquals(1, feed.metrics().gaps());
    }

    @Test
    void aFirstLoginAnsweredLaterThanAskedCountsTheMissingMessagesAsLostAndGoesOn() {
        int port = server((login, socket) -> socket.write(concat(SoupBinTcpServerPackets.loginAccepted("S1", 5),
                SoupBinTcpServerPackets.sequenced("e", "f"))));
        FeedVerticle feed = deploy(port, new JsonObject());
        Await.until("frames 5 and 6", () -> feed.metrics().frames() >= 2);
        harness.awaitState(FeedState.LIVE);

        assertEquals(List.of(1L, 4L), List.of(feed.metrics().gaps(), feed.metrics().gapMessages()));
        GapRecord gap = feed.metrics().recentGaps().get(0);
        assertEquals(List.of(1L, 4L), List.of(gap.from(), gap.to()));
        assertTrue(gap.lost(), gap.toString());
        assertEquals(0, feed.metrics().droppedDuringRecovery());
        assertEquals(1, logins.size(), "the server cannot send 1..4: no reconnect for them");
    }

    @Test
    void endOfSessionFollowedByTheServersCloseEndsTheSessionWithoutReconnecting() {
        int port = server((login, socket) -> socket.write(concat(SoupBinTcpServerPackets.loginAccepted("S1", 1),
                SoupBinTcpServerPackets.sequenced("a", "b"), SoupBinTcpServerPackets.endOfSession()))
                .onComplete(v -> socket.close()));
        // nobody subscribes, so the connection is adopted only at the next watchdog tick, after the close
        FeedVerticle feed = deploy(port, new JsonObject().put("watchdogIntervalMillis", 300));
        harness.awaitState(FeedState.END_OF_SESSION);

        assertEquals("end of session: session='S1', nextSequenceNumber=3", harness.feedStatuses
                .get(harness.feedStatuses.size() - 1).reason());
        assertEquals(1, logins.size());
        assertEquals(0, feed.metrics().reconnects());
    }

    @Test
    void aProtocolErrorIsCountedByItsKindAmongTheDisconnects() {
        int port = server((login, socket) -> {
            if (login == 1) {
                socket.write(concat(SoupBinTcpServerPackets.loginAccepted("S1", 1),
                        SoupBinTcpServerPackets.sequenced("a"), new byte[] {0, 0}));
            }
        });
        FeedVerticle feed = deploy(port, new JsonObject());

        Await.until("a second login", java.time.Duration.ofSeconds(10), () -> logins.size() >= 2,
                harness::describeStates);
        assertTrue(harness.describeStates().contains("protocol error: packet length is zero"),
                harness.describeStates());
        assertEquals(java.util.Map.of("soupbintcp-zero-length", 1L), feed.metrics().disconnectsByReason());
    }

    @Test
    void anOversizedPacketMidStreamReconnectsFromTheNextUnprocessedNumberAndLosesNothing() {
        int port = server((login, socket) -> {
            if (login == 1) {
                socket.write(concat(SoupBinTcpServerPackets.loginAccepted("S1", 1),
                        SoupBinTcpServerPackets.sequenced("a", "b"), new byte[] {(byte) 0xFF, (byte) 0xFF, 'S'}));
            } else {
                socket.write(concat(SoupBinTcpServerPackets.loginAccepted("S1", 3),
                        SoupBinTcpServerPackets.sequenced("c", "d")));
            }
        });
        FeedVerticle feed = deploy(port, new JsonObject());

        Await.until("frames 1..4 processed", Duration.ofSeconds(10), () -> feed.metrics().frames() >= 4,
                () -> logins + "; " + harness.describeStates());
        harness.awaitState(FeedState.LIVE);
        assertEquals(List.of(1L, 3L), logins.stream().map(SoupBinTcp.LoginRequest::requestedSequenceNumber)
                .toList());
        assertEquals(java.util.Map.of("soupbintcp-length-exceeds-max", 1L), feed.metrics().disconnectsByReason());
        assertEquals(List.of(0L, 0L), List.of(feed.metrics().gaps(), feed.metrics().duplicates()));
    }

    @Test
    void aDebugPacketMidStreamIsCountedAndTakesNoSequenceNumber() {
        int port = server((login, socket) -> {
            if (login == 1) {
                socket.write(concat(SoupBinTcpServerPackets.loginAccepted("S1", 1),
                        SoupBinTcpServerPackets.sequenced("a"), SoupBinTcp.debugPacket("server says hello"),
                        SoupBinTcpServerPackets.sequenced("b", "c"))).onComplete(v -> socket.close());
            }
        });
        FeedVerticle feed = deploy(port, new JsonObject());

        Await.until("the relogin after the close", Duration.ofSeconds(10), () -> logins.size() >= 2,
                harness::describeStates);
        assertEquals(List.of(1L, 4L), logins.stream().map(SoupBinTcp.LoginRequest::requestedSequenceNumber)
                .toList());
        assertEquals(3, feed.metrics().frames());
        assertEquals(1, protocol.totals().get(SoupBinTcpCounter.DEBUG_PACKETS), protocol.totals().toString());
        assertEquals(List.of(0L, 0L), List.of(feed.metrics().gaps(), feed.metrics().duplicates()));
    }

    @Test
    void aStreamArrivingOneByteAtATimeIsFramedWhole() {
        Buffer stream = concat(SoupBinTcpServerPackets.loginAccepted("S1", 1),
                SoupBinTcpServerPackets.sequenced("alpha", "b", "charlie", "d", "echo"));
        int port = server((login, socket) -> writeByteByByte(socket, stream, 0));
        FeedVerticle feed = deploy(port, new JsonObject());

        Await.until("five frames", Duration.ofSeconds(10), () -> feed.metrics().frames() >= 5,
                harness::describeStates);
        harness.awaitState(FeedState.LIVE);
        assertEquals(1, logins.size());
        assertEquals(List.of(5L, 0L, 0L), List.of(feed.metrics().frames(), feed.metrics().gaps(),
                feed.metrics().duplicates()));
        assertEquals(java.util.Map.of(), feed.metrics().disconnectsByReason());
    }

    @Test
    void aParserStalledLongerThanTheHeartbeatTimeoutHoldsTheServerBackWithoutCallingItSilent() {
        int messages = 100_000;
        AtomicBoolean heldBack = new AtomicBoolean();
        int port = server((login, socket) -> {
            socket.write(Buffer.buffer(SoupBinTcpServerPackets.loginAccepted("S1", 1)));
            stream(socket, 1, messages, heldBack);
        });
        StallingProtocol[] stalling = new StallingProtocol[1];
        FeedVerticle feed = deploy(port, new JsonObject().put("maxBatchFrames", 1).put("watchdogIntervalMillis", 20),
                soupBinTcp -> stalling[0] = new StallingProtocol(soupBinTcp));
        stalling[0].stall();
        Await.until("back-pressure reached the server", Duration.ofSeconds(10),
                () -> feed.metrics().pauses() >= 1 && heldBack.get(), harness::describeStates);
        harness.awaitState(FeedState.LIVE);

        int heartbeatsBefore = clientHeartbeats.get();
        harness.clock.advanceMillis(6_000);
        // the watchdog tick that wrote this heartbeat checked the silence right after, on the advanced clock
        Await.until("a client heartbeat after the advance", () -> clientHeartbeats.get() > heartbeatsBefore);
        stalling[0].release();

        Await.until("every message received", Duration.ofSeconds(20), () -> feed.metrics().frames() >= messages,
                harness::describeStates);
        assertEquals(0, feed.metrics().heartbeatTimeouts(), harness.describeStates());
        assertEquals(1, logins.size());
        assertEquals(List.of(0L, 0L), List.of(feed.metrics().gaps(), feed.metrics().duplicates()));
    }

    /** Sends messages {@code next..last} as fast as the client reads them, noting when its write queue is full. */
    private static void stream(NetSocket socket, int next, int last, AtomicBoolean heldBack) {
        String[] chunk = new String[500];
        Arrays.fill(chunk, "x".repeat(100));
        int from = next;
        while (from <= last && !socket.writeQueueFull()) {
            int count = Math.min(chunk.length, last - from + 1);
            socket.write(Buffer.buffer(SoupBinTcpServerPackets.sequenced(Arrays.copyOf(chunk, count))));
            from += count;
        }
        if (from <= last) {
            heldBack.set(true);
            int resumeAt = from;
            socket.drainHandler(v -> stream(socket, resumeAt, last, heldBack));
        }
    }

    /** Toxiproxy's slicer at its finest: one byte per write, each write on its own event-loop turn. */
    private void writeByteByByte(NetSocket socket, Buffer stream, int position) {
        if (position < stream.length()) {
            socket.write(stream.slice(position, position + 1))
                    .onSuccess(v -> harness.vertx.runOnContext(x -> writeByteByByte(socket, stream, position + 1)));
        }
    }
}
