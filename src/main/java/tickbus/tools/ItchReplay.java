package tickbus.tools;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.Collection;
import java.util.concurrent.locks.LockSupport;
import tickbus.event.EventSink;
import tickbus.feed.DecoderContext;
import tickbus.feed.FeedClock;
import tickbus.feed.FeedSettings;
import tickbus.feed.FrameDecoder;
import tickbus.feed.SequenceValidator;
import tickbus.feed.soupbintcp.SoupBinTcpFeedProtocol;
import tickbus.feed.soupbintcp.SoupBinTcpFeedSettings;
import tickbus.protocol.ProtocolException;
import tickbus.protocol.itch.BinaryFile;
import tickbus.protocol.itch.Itch50;
import tickbus.protocol.itch.Itch50Message;

/**
 * Runs a recorded BinaryFILE through exactly the decoder a soupbintcp feed runs on its parser worker (ITCH decoder,
 * normalizer, books), numbering the messages 1, 2, ... as the SoupBinTCP session did, with every instrument wanted.
 * At {@link Speed#REAL_TIME} messages are released as far apart as their ITCH timestamps.
 */
public final class ItchReplay {

    /** How fast messages are released. */
    public enum Speed {
        /** As fast as the decoder goes. */
        MAX,
        /** As far apart as the ITCH timestamps say. */
        REAL_TIME
    }

    private final Path file;
    private final String source;
    private final LocalDate tradingDate;
    private final Speed speed;

    public ItchReplay(Path file, String source, LocalDate tradingDate, Speed speed) {
        this.file = file;
        this.source = source;
        this.tradingDate = tradingDate;
        this.speed = speed;
    }

    /**
     * Replay the whole file; the counts include the problems the decoder reported. A file that cannot be opened is an
     * exception; one that breaks off (a frame cut short, corrupt gzip) still gives the counts of every message read
     * before, with {@link ReplayCounts#readError()} saying where it broke off.
     */
    public ReplayCounts run() throws IOException {
        ReplayCounts counts = new ReplayCounts();
        FrameDecoder decoder = newDecoder(counts);
        byte[] message = new byte[BinaryFile.MAX_MESSAGE_LENGTH];
        Buffer frame = BufferInternal.buffer(Unpooled.wrappedBuffer(message));
        long firstTimestamp = -1;
        long startNanos = System.nanoTime();
        long sequence = 0;
        try (BinaryFileInput input = BinaryFileInput.open(file)) {
            for (int length = next(input, message, counts); length >= 0; length = next(input, message, counts)) {
                if (speed == Speed.REAL_TIME && length >= Itch50Message.HEADER_LENGTH) {
                    long timestamp = Itch50.timestampNanos(message, 0, length);
                    firstTimestamp = firstTimestamp < 0 ? timestamp : firstTimestamp;
                    waitUntil(startNanos + timestamp - firstTimestamp);
                }
                counts.message(message[0]);
                try {
                    decoder.decode(++sequence, FeedClock.nanos(InstantSource.system()), frame, 0, length);
                } catch (ProtocolException e) {
                    counts.problem(e.kind());
                }
            }
        }
        return counts;
    }

    private static int next(BinaryFileInput input, byte[] message, ReplayCounts counts) {
        try {
            return input.next(message);
        } catch (IOException e) {
            counts.readError(e.getMessage());
            return -1;
        }
    }

    private FrameDecoder newDecoder(ReplayCounts counts) {
        JsonObject settings = new JsonObject().put("port", 1);
        if (tradingDate != null) {
            settings.put("tradingDate", tradingDate.toString());
        }
        SoupBinTcpFeedProtocol protocol = new SoupBinTcpFeedProtocol(SoupBinTcpFeedSettings.fromJson(settings,
                "settings"));
        FeedSettings feedSettings = FeedSettings.fromJson(new JsonObject().put("source", source).put("venue", "XNAS")
                .put("protocol", "soupbintcp").put("settings", settings), "replay");
        return protocol.newDecoder(new ReplayContext(feedSettings, counts));
    }

    private static void waitUntil(long deadlineNanos) {
        for (long left = deadlineNanos - System.nanoTime(); left > 0; left = deadlineNanos - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /** The decoder's view of a replay: every instrument wanted, no payload sequences, one shard. */
    private record ReplayContext(FeedSettings settings, EventSink sink) implements DecoderContext {

        @Override
        public InstantSource clock() {
            return InstantSource.system();
        }

        @Override
        public boolean wanted(String instrument) {
            return true;
        }

        @Override
        public SequenceValidator.Verdict sequence(String stream, long sequence, Collection<String> instruments) {
            return SequenceValidator.Verdict.ACCEPT;
        }

        @Override
        public int shard() {
            return 0;
        }
    }
}
