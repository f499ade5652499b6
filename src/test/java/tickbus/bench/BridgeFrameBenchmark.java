package tickbus.bench;

import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tickbus.event.Quote;
import tickbus.event.TickbusEvent;
import tickbus.monitor.SocketOutbox;

/**
 * What the bridge spends per market-data message per browser socket: turning an event record into the browser's
 * JSON frame (a healthy socket), and conflating it for a socket that stopped reading (a frozen tab).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BridgeFrameBenchmark {

    private static final int ADDRESSES = 16;

    private Quote quote;
    private String[] addresses;
    private SocketOutbox frozen;
    private long sequence;

    @Setup
    public void setUp() {
        quote = new Quote("XSIM:AAPL", "XSIM", "sim-xsim", 1, 1_700_000_000_000_000_000L,
                1_700_000_000_000_100_000L, 4, 0, 1_893_400, 300, 1_893_600, 500);
        addresses = new String[ADDRESSES];
        for (int i = 0; i < ADDRESSES; i++) {
            addresses[i] = "md.quote.XSIM:S" + i;
        }
        Promise<Void> never = Promise.promise();
        frozen = new SocketOutbox(frame -> never.future(), () -> false, 1, new LongAdder());
        frozen.offer("md.quote.XSIM:S0", () -> Buffer.buffer("first frame fills the backlog"));
    }

    /** The browser frame of one quote: envelope, canonical JSON body, encoded. */
    @Benchmark
    public Buffer encodeQuoteFrame() {
        JsonObject envelope = new JsonObject().put("type", "rec").put("address", "md.quote.XSIM:AAPL")
                .put("body", quote);
        envelope.put("body", ((TickbusEvent) envelope.getValue("body")).toJson());
        return Buffer.buffer(envelope.encode());
    }

    /** One message offered to a socket whose reader is frozen: kept as its address's latest, not encoded. */
    @Benchmark
    public long conflateForFrozenSocket() {
        String address = addresses[(int) (sequence++ & (ADDRESSES - 1))];
        frozen.offer(address, () -> Buffer.buffer(quote.toJson().encode()));
        return frozen.conflated();
    }
}
